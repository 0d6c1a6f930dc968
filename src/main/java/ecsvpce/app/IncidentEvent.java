package ecsvpce.app;

import ecsvpce.app.port.Incident;
import java.time.Instant;
import java.util.List;

/**
 * What one report says about a VPC's incident, before the ledger is read. Plain data.
 *
 * @param kind          what it does to the incident
 * @param at            when it happened: the task's failure, the sweep, the check
 * @param failedStart   a failed start to count
 * @param applied       changes applied by this report
 * @param fixAppliedAt  when those changes were applied; null when none
 */
record IncidentEvent(Kind kind, String vpcId, Instant at, String trigger, String mode, boolean failedStart,
                     List<String> workloads, List<String> findings, List<Incident.Change> applied,
                     Instant fixAppliedAt) {

    enum Kind {
        /** A failure for a network cause, or a sweep finding: opens an incident, or adds to the open one. */
        OPENS,
        /** Belongs to an open incident, opens none (a failed start the network now serves, a check still broken). */
        ADDS,
        /** The follow-up check saw it healed. */
        HEALED,
        /** A sweep found the VPC's network serving every service. */
        SWEPT_COMPLIANT,
        /** The VPC is gone. */
        GONE
    }

    IncidentEvent {
        workloads = List.copyOf(workloads);
        findings = List.copyOf(findings);
        applied = List.copyOf(applied);
    }

    static IncidentEvent closing(Kind kind, String vpcId, Instant at) {
        return new IncidentEvent(kind, vpcId, at, null, null, false, List.of(), List.of(), List.of(), null);
    }
}
