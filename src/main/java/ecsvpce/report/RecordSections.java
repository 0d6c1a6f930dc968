package ecsvpce.report;

import static ecsvpce.report.Readables.text;

import com.fasterxml.jackson.databind.JsonNode;
import ecsvpce.report.Readable.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report says from the ledger, as sections a person reads: the incident it belongs to, the
 * incidents a sweep opened or closed and those still open, the month in review, and what the ledger
 * could not do. Added before "Follow-up and notification"; a report without a ledger has none.
 */
final class RecordSections {
    private static final String DELIVERY = "Follow-up and notification";

    private RecordSections() {
    }

    static Readable with(Readable readable, JsonNode report) {
        List<Section> extra = new ArrayList<>();
        if (report.path("incident").isObject()) {
            extra.add(new Section("Incident", List.of(incident(report.path("incident")))));
        }
        List<String> changed = new ArrayList<>();
        report.path("incidents").forEach(incident -> changed.add(incident(incident)));
        extra.add(new Section("Incidents opened or closed by this sweep", changed));
        List<String> open = new ArrayList<>();
        report.path("openIncidents").forEach(incident -> open.add(incident(incident)));
        extra.add(new Section("Open incidents", Readables.capped(open)));
        JsonNode summary = report.path("monthlySummary");
        if (summary.isObject()) {
            extra.add(new Section("The month in review (" + text(summary, "month", "") + ")", month(summary)));
        }
        List<String> ledger = new ArrayList<>();
        report.path("ledger").path("errors").forEach(error -> ledger.add("Not recorded (told anyway): " + error.asText()));
        report.path("ledger").path("skipped").forEach(item -> ledger.add("Skipped, unreadable: " + item.asText()));
        extra.add(new Section("Ledger", ledger));
        // A section without lines is left out (Readable): a report without a ledger reads as before.
        List<Section> sections = new ArrayList<>(readable.sections());
        int at = sections.stream().map(Section::heading).toList().indexOf(DELIVERY);
        sections.addAll(at < 0 ? sections.size() : at, extra);
        return new Readable(readable.subject(), readable.headline(), readable.origin(), sections, readable.nextSteps(),
                readable.labels());
    }

    private static String incident(JsonNode incident) {
        StringBuilder line = new StringBuilder(text(incident, "id", "?")).append(": ");
        line.append(incident.path("open").asBoolean(true) ? "open since " : "from ").append(text(incident, "firstFailureAt", "?"));
        line.append(", ").append(incident.path("failedStarts").asInt()).append(" failed start(s)");
        if (incident.hasNonNull("fixAppliedAt")) {
            line.append(", fix applied at ").append(text(incident, "fixAppliedAt", ""));
        }
        if (incident.hasNonNull("healedAt")) {
            line.append(", healed at ").append(text(incident, "healedAt", ""));
        }
        if (incident.hasNonNull("recoverySeconds")) {
            line.append(" (").append(duration(incident.path("recoverySeconds").asLong())).append(" after the first failure)");
        }
        if (incident.hasNonNull("closedBy")) {
            line.append(", closed by ").append(switch (text(incident, "closedBy", "")) {
                case "FOLLOW_UP" -> "the follow-up check";
                case "SWEEP" -> "a sweep that found the network serving";
                case "GONE" -> "the VPC's removal";
                default -> text(incident, "closedBy", "");
            });
        }
        List<String> workloads = new ArrayList<>();
        incident.path("workloads").forEach(workload -> workloads.add(workload.asText()));
        if (!workloads.isEmpty()) {
            line.append("; ").append(String.join(", ", workloads.subList(0, Math.min(5, workloads.size()))))
                    .append(workloads.size() > 5 ? " and " + (workloads.size() - 5) + " more" : "");
        }
        return line.toString();
    }

    private static List<String> month(JsonNode summary) {
        List<String> lines = new ArrayList<>();
        lines.add(summary.path("incidents").asInt() + " incident(s), " + summary.path("recovered").asInt() + " recovered"
                + (summary.has("medianRecoverySeconds") ? ": median " + duration(summary.path("medianRecoverySeconds").asLong())
                        + ", worst " + duration(summary.path("worstRecoverySeconds").asLong()) + " to recovery" : "")
                + ", " + summary.path("stillOpen").asInt() + " still open");
        List<String> again = new ArrayList<>();
        summary.path("vpcsBrokenMoreThanOnce").forEach(vpc -> again.add(vpc.asText()));
        lines.add(again.isEmpty() ? "No VPC broke more than once" : "VPCs that broke more than once: " + String.join(", ", again));
        BigDecimal cost = summary.path("monthlyCostAddedUsd").decimalValue();
        lines.add("Created: " + summary.path("endpointsCreated").asInt() + " endpoint(s), " + summary.path("changesApplied").asInt()
                + " change(s) in all, adding " + Readables.usd(cost) + " USD a month");
        return lines;
    }

    /** {@code 45 s}, {@code 7 min 12 s}, {@code 2 h 5 min}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds / 3600 + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
    }
}
