package ecsvpce.app;

import ecsvpce.app.IncidentEvent.Kind;
import ecsvpce.app.port.Incident;
import ecsvpce.app.port.Ledger;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.report.ActionReport;
import ecsvpce.report.ActionStatus;
import ecsvpce.report.Outcome;
import ecsvpce.report.ServiceStatus;
import ecsvpce.report.SweepReport;
import ecsvpce.report.TaskReport;
import ecsvpce.report.VerificationReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The incident rules. An incident opens at a VPC's first failed start for a network cause, or at a
 * sweep that finds the VPC non-compliant; later events of the same VPC update it (failed starts counted,
 * findings and changes added, each once) until the follow-up check says healed, a sweep finds the network
 * serving after nothing of ours is left to check, or the VPC is gone. Pure.
 */
final class Incidents {
    /** Entries kept per list of an incident; an item stays far below DynamoDB's 400 KB. */
    static final int MAX_ENTRIES = 50;
    /** A check follows a fix within six delays of at most 15 minutes; after that a sweep may close it. */
    static final Duration FOLLOW_UP_HORIZON = Duration.ofHours(2);
    static final String BY_FOLLOW_UP = "FOLLOW_UP";
    static final String BY_SWEEP = "SWEEP";
    static final String BY_GONE = "GONE";

    private Incidents() {
    }

    /** @param failedAt when the task stopped */
    static Optional<IncidentEvent> ofTask(TaskReport report, Instant failedAt, Instant now) {
        if (!(report instanceof TaskReport.Examined task) || task.vpcId() == null || task.failure() == null
                || task.outcome() == Outcome.SKIPPED) {
            return Optional.empty();
        }
        String failureClass = String.valueOf(task.failure().failureClass());
        boolean blocking = task.findings().stream().anyMatch(Finding::isBlocking);
        boolean networkCause = failureClass.equals("NETWORK") || failureClass.equals("NETWORK_OUTSIDE_AWS")
                || failureClass.equals("UNKNOWN") && blocking;
        Kind kind;
        if (task.outcome() == Outcome.NOTHING_TO_DO) {
            kind = failureClass.equals("NETWORK") ? Kind.ADDS : null;
        } else {
            kind = networkCause ? Kind.OPENS : null;
        }
        if (kind == null) {
            return Optional.empty();
        }
        TaskReport.TaskSummary summary = task.task();
        String workload = summary.serviceName() != null ? lastPart(summary.clusterArn()) + "/" + summary.serviceName()
                : "task " + summary.taskArn();
        List<Incident.Change> applied = applied(task.actions());
        return Optional.of(new IncidentEvent(kind, task.vpcId(), failedAt, summary.taskArn(), task.mode().name(), true,
                List.of(workload), findings(task.findings().stream()), applied, applied.isEmpty() ? null : now));
    }

    /** @param at when the sweep ran */
    static List<IncidentEvent> ofSweep(SweepReport report, Instant at) {
        if (!(report instanceof SweepReport.Swept swept)) {
            return List.of();
        }
        List<IncidentEvent> events = new ArrayList<>();
        for (SweepReport.VpcReport vpc : swept.vpcs()) {
            if (vpc.error() != null && vpc.subnets().isEmpty()) {
                continue;
            }
            if (vpc.compliant()) {
                events.add(IncidentEvent.closing(Kind.SWEPT_COMPLIANT, vpc.vpcId(), at));
                continue;
            }
            List<String> workloads = new ArrayList<>();
            List<Finding> found = new ArrayList<>(vpc.unfixed());
            vpc.subnets().forEach(subnet -> subnet.services().stream()
                    .filter(service -> service.status() != ServiceStatus.COMPLIANT)
                    .forEach(service -> {
                        workloads.add(lastPart(service.clusterArn()) + "/" + service.serviceName());
                        found.addAll(service.findings());
                    }));
            List<Incident.Change> applied = applied(vpc.actions());
            events.add(new IncidentEvent(Kind.OPENS, vpc.vpcId(), at, VpcSweep.TRIGGER, swept.mode().name(), false,
                    workloads, findings(found.stream()), applied, applied.isEmpty() ? null : at));
        }
        return events;
    }

    static Optional<IncidentEvent> ofVerification(VerificationReport report, Instant now) {
        if (report.vpcId() == null) {
            return Optional.empty();
        }
        Instant at = report.checkedAt() == null ? now : Instant.parse(report.checkedAt());
        return switch (report.verdict()) {
            case HEALED -> Optional.of(IncidentEvent.closing(Kind.HEALED, report.vpcId(), at));
            case GONE -> Optional.of(IncidentEvent.closing(Kind.GONE, report.vpcId(), at));
            case STILL_BROKEN -> Optional.of(new IncidentEvent(Kind.ADDS, report.vpcId(), at, null, null, false,
                    List.of(), findings(report.remaining() == null ? Stream.empty() : report.remaining().stream()),
                    List.of(), null));
            default -> Optional.empty();
        };
    }

    /** The incident to write after {@code event}, or empty when the event changes no incident. */
    static Optional<Incident> apply(Ledger.Latest latest, IncidentEvent event) {
        Optional<Incident> open = latest.incident().filter(Incident::open);
        return switch (event.kind()) {
            case OPENS -> Optional.of(open.map(incident -> merged(incident, event)).orElseGet(() -> opened(latest, event)));
            case ADDS -> open.map(incident -> merged(incident, event)).or(() -> openedByALateFailure(latest, event));
            case HEALED -> open.map(incident -> closed(incident, event.at(), event.at(), BY_FOLLOW_UP));
            case GONE -> open.map(incident -> closed(incident, event.at(), null, BY_GONE));
            case SWEPT_COMPLIANT -> open.filter(incident -> incident.fixAppliedAt() == null
                            || incident.lastEventAt().plus(FOLLOW_UP_HORIZON).isBefore(event.at()))
                    .map(incident -> closed(incident, event.at(), event.at(), BY_SWEEP));
        };
    }

    /**
     * A failed start for a network cause that the network no longer shows (another environment fixed it
     * a moment ago and has not yet written its incident, or the cause passed) still opens an incident,
     * so that no failed start goes uncounted; unless it failed before the last incident closed (it is
     * that incident's history) or the last incident cannot be read (whether it is open is unknown).
     */
    private static Optional<Incident> openedByALateFailure(Ledger.Latest latest, IncidentEvent event) {
        boolean afterTheLast = latest.unreadable().isEmpty()
                && latest.incident().map(last -> event.at().isAfter(last.lastEventAt())).orElse(true);
        return event.failedStart() && afterTheLast ? Optional.of(opened(latest, event)) : Optional.empty();
    }

    private static Incident opened(Ledger.Latest latest, IncidentEvent event) {
        return new Incident(event.vpcId(), latest.sequence() + 1, 1, true, event.trigger(), event.mode(), event.at(),
                event.at(), event.fixAppliedAt(), null, null, event.failedStart() ? 1 : 0, capped(event.workloads()),
                capped(event.findings()), changes(List.of(), event.applied()));
    }

    private static Incident merged(Incident incident, IncidentEvent event) {
        return new Incident(incident.vpcId(), incident.sequence(), incident.revision() + 1, true, incident.trigger(),
                event.mode() == null ? incident.mode() : event.mode(),
                event.failedStart() ? earliest(incident.firstFailureAt(), event.at()) : incident.firstFailureAt(),
                latest(incident.lastEventAt(), event.at()), earliest(incident.fixAppliedAt(), event.fixAppliedAt()),
                null, null, incident.failedStarts() + (event.failedStart() ? 1 : 0),
                union(incident.workloads(), event.workloads()), union(incident.findings(), event.findings()),
                changes(incident.actions(), event.applied()));
    }

    private static Incident closed(Incident incident, Instant at, Instant healedAt, String by) {
        return new Incident(incident.vpcId(), incident.sequence(), incident.revision() + 1, false, incident.trigger(),
                incident.mode(), incident.firstFailureAt(), latest(incident.lastEventAt(), at), incident.fixAppliedAt(),
                healedAt, by, incident.failedStarts(), incident.workloads(), incident.findings(), incident.actions());
    }

    private static List<Incident.Change> applied(List<ActionReport> actions) {
        return actions.stream().filter(action -> action.status() == ActionStatus.APPLIED)
                .map(action -> new Incident.Change(action.type(), action.resourceId(), action.description(),
                        action.monthlyCostUsd()))
                .toList();
    }

    /** Blocking findings, {@code CODE service resource}: what was wrong, not every advisory. */
    private static List<String> findings(Stream<Finding> findings) {
        return findings.filter(Finding::isBlocking)
                .map(f -> f.code() + (f.service() == null ? "" : " " + f.service()) + (f.resourceId() == null ? "" : " " + f.resourceId()))
                .distinct().toList();
    }

    /** Each change once: concurrent invocations report the same endpoint (one client token) as applied. */
    private static List<Incident.Change> changes(List<Incident.Change> known, List<Incident.Change> more) {
        List<Incident.Change> all = new ArrayList<>(known);
        Set<String> seen = new LinkedHashSet<>();
        known.forEach(change -> seen.add(change.type() + " " + change.resourceId()));
        more.stream().filter(change -> seen.add(change.type() + " " + change.resourceId())).forEach(all::add);
        return all.subList(0, Math.min(all.size(), MAX_ENTRIES));
    }

    private static List<String> union(List<String> known, List<String> more) {
        Set<String> all = new LinkedHashSet<>(known);
        all.addAll(more);
        return capped(List.copyOf(all));
    }

    private static List<String> capped(List<String> entries) {
        return entries.subList(0, Math.min(entries.size(), MAX_ENTRIES));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static String lastPart(String arn) {
        return arn == null ? "" : arn.substring(arn.lastIndexOf('/') + 1);
    }
}
