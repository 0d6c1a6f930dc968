package ecsvpce.app;

import ecsvpce.app.port.Incident;
import ecsvpce.app.port.Ledger;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ledger as a dispatch uses it: claims a notice so that one environment tells it, and keeps each
 * VPC's incidents. It fails open: a table that cannot be reached or refuses never stops a report and
 * never keeps a notice from being told; each such failure is listed in the report (and counted), and an
 * item it cannot read (damaged, or written by another version) is skipped with a warning.
 */
public final class IncidentLedger {
    /** Attempts to write an incident that others keep writing first: of a storm, one writer wins each round. */
    static final int WRITE_ATTEMPTS = 25;
    /** A claim is only needed for the window; kept a day, for whoever reads the table. */
    static final Duration CLAIM_KEPT = Duration.ofDays(1);

    private final Ledger ledger;
    private final Duration retention;

    /** @param retention how long an incident is kept after its last event */
    public IncidentLedger(Ledger ledger, Duration retention) {
        this.ledger = ledger;
        this.retention = retention;
    }

    /** What one invocation did with the ledger, for its report. */
    Session session() {
        return new Session();
    }

    /** What became of a claim. */
    sealed interface Claim {
        /** This environment tells. */
        record Claimed() implements Claim {
        }

        /** Another one (or this one) told it at {@code at}. */
        record Told(Instant at) implements Claim {
        }

        /** The table could not say: tell anyway. */
        record Unavailable() implements Claim {
        }
    }

    final class Session {
        private final List<String> errors = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();
        /** After one failure the table is not asked again in this invocation: each call would wait out its retries. */
        private boolean down;

        Claim claim(String key, Instant now, Duration window) {
            return claim(key, now, now.minus(window), now.plus(CLAIM_KEPT));
        }

        Claim claim(String key, Instant now, Instant since, Instant expiresAt) {
            return attempt("claim", () -> ledger.claim(key, now, since, expiresAt).<Claim>map(Claim.Told::new)
                    .orElseGet(Claim.Claimed::new), new Claim.Unavailable());
        }

        void release(String key, Instant claimedAt) {
            attempt("release", () -> {
                ledger.release(key, claimedAt);
                return null;
            }, null);
        }

        /**
         * Applies the event to the VPC's incident, reading again when another environment wrote first.
         *
         * @return the incident as the report shows it: the one written, or the VPC's latest when the event
         *         changed none; empty when there is none, or the ledger failed
         */
        Optional<Map<String, Object>> record(IncidentEvent event) {
            return attempt("incident of " + event.vpcId(), () -> write(event), Optional.empty());
        }

        private Optional<Map<String, Object>> write(IncidentEvent event) {
            for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
                Ledger.Latest latest = ledger.latest(event.vpcId());
                latest.unreadable().map(why -> event.vpcId() + "#" + latest.sequence() + ": " + why)
                        .filter(warning -> !skipped.contains(warning)).ifPresent(skipped::add);
                Optional<Incident> next = Incidents.apply(latest, event);
                if (next.isEmpty()) {
                    return latest.incident().map(incident -> view(incident, "UNCHANGED"));
                }
                Incident incident = next.get();
                if (ledger.save(incident, expiry(incident))) {
                    return Optional.of(view(incident, incident.revision() == 1 ? "OPENED" : incident.open() ? "UPDATED" : "CLOSED"));
                }
            }
            errors.add("incident of " + event.vpcId() + ": still written by others after " + WRITE_ATTEMPTS + " attempts");
            return Optional.empty();
        }

        /** The open incidents, oldest first; empty when the ledger cannot say. */
        List<Incident> open() {
            return listing(ledger::open, "open incidents").stream()
                    .sorted((a, b) -> a.firstFailureAt().compareTo(b.firstFailureAt())).toList();
        }

        /**
         * The summary of the month before {@code now}'s, once: the first caller of the month claims it.
         *
         * @return the summary and the key of its claim (given back when the notice fails)
         */
        Optional<Map.Entry<String, Map<String, Object>>> monthlySummary(Instant now) {
            YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(1);
            String key = "summary|" + month;
            if (!(claim(key, now, Instant.EPOCH, now.plus(retention)) instanceof Claim.Claimed)) {
                return Optional.empty();
            }
            List<Incident> incidents = new ArrayList<>(listing(() -> ledger.closedIn(month), "incidents of " + month));
            open().stream().filter(incident -> incident.month().equals(month)).forEach(incidents::add);
            return Optional.of(Map.entry(key, MonthlySummary.of(month, incidents)));
        }

        /** What the report says about the ledger: absent when all went well. */
        Optional<Map<String, Object>> status() {
            if (errors.isEmpty() && skipped.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("status", errors.isEmpty() ? "OK" : "FAILED");
            if (!errors.isEmpty()) {
                status.put("errors", List.copyOf(errors));
            }
            if (!skipped.isEmpty()) {
                status.put("skipped", List.copyOf(skipped));
            }
            return Optional.of(status);
        }

        private List<Incident> listing(Supplier<Ledger.Listing> read, String what) {
            return attempt(what, () -> {
                Ledger.Listing listing = read.get();
                skipped.addAll(listing.skipped());
                return listing.incidents();
            }, List.of());
        }

        private <T> T attempt(String what, Supplier<T> call, T otherwise) {
            if (down) {
                errors.add(what + ": not tried, the ledger failed earlier in this invocation");
                return otherwise;
            }
            try {
                return call.get();
            } catch (RuntimeException unavailable) {
                down = true;
                errors.add(what + ": " + unavailable.getMessage());
                return otherwise;
            }
        }

        private Instant expiry(Incident incident) {
            return incident.lastEventAt().plus(retention);
        }
    }

    /** An incident as reports show it. */
    static Map<String, Object> view(Incident incident, String status) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", incident.id());
        view.put("status", status);
        view.put("open", incident.open());
        view.put("firstFailureAt", incident.firstFailureAt().toString());
        view.put("failedStarts", incident.failedStarts());
        if (incident.fixAppliedAt() != null) {
            view.put("fixAppliedAt", incident.fixAppliedAt().toString());
        }
        if (incident.healedAt() != null) {
            view.put("healedAt", incident.healedAt().toString());
        }
        incident.recoverySeconds().ifPresent(seconds -> view.put("recoverySeconds", seconds));
        if (incident.closedBy() != null) {
            view.put("closedBy", incident.closedBy());
        }
        view.put("workloads", incident.workloads());
        view.put("changes", incident.actions().size());
        return view;
    }
}
