package ecsvpce.app;

import ecsvpce.app.port.FollowUp;
import ecsvpce.report.Outcome;
import ecsvpce.report.ServiceStatus;
import ecsvpce.report.SweepReport;
import ecsvpce.report.TaskReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which follow-up checks a report asks for: one per VPC whose changes were applied, naming what
 * must run again there. A dry run, a failure or nothing to do asks for none. Pure.
 */
final class FollowUpRequests {
    /** What resources and checks name as the trigger of a sweep's changes. */
    static final String SWEEP = VpcSweep.TRIGGER;

    private FollowUpRequests() {
    }

    /** @param failedAt when the task stopped (the event's time) */
    static Optional<FollowUp> afterTask(TaskReport report, Instant failedAt, Instant appliedAt) {
        if (!(report instanceof TaskReport.Examined examined) || examined.outcome() != Outcome.REMEDIATED
                || examined.vpcId() == null || examined.subnetId() == null) {
            return Optional.empty();
        }
        TaskReport.TaskSummary task = examined.task();
        boolean service = task.serviceName() != null;
        return Optional.of(new FollowUp(examined.vpcId(), task.taskArn(), failedAt, appliedAt, 1, List.of(
                new FollowUp.Workload(examined.subnetId(),
                        examined.needs().stream().map(TaskReport.NeedSummary::service).toList(),
                        task.securityGroups() == null ? List.of() : task.securityGroups(),
                        service ? task.clusterArn() : null, task.serviceName()))));
    }

    /**
     * A service is {@code FIXED} only when the changes for its every blocking finding were applied, so a
     * VPC with a fixed service is one whose changes were applied.
     *
     * @param at when the sweep found the gaps and applied its changes
     */
    static List<FollowUp> afterSweep(SweepReport report, Instant at) {
        List<FollowUp> followUps = new ArrayList<>();
        List<SweepReport.VpcReport> vpcs = report instanceof SweepReport.Swept swept ? swept.vpcs() : List.of();
        for (SweepReport.VpcReport vpc : vpcs) {
            List<FollowUp.Workload> workloads = new ArrayList<>();
            for (SweepReport.SubnetReport subnet : vpc.subnets()) {
                subnet.services().stream().filter(service -> service.status() == ServiceStatus.FIXED)
                        .map(service -> new FollowUp.Workload(subnet.subnetId(), service.needs(), List.of(),
                                service.clusterArn(), service.serviceName()))
                        .forEach(workloads::add);
            }
            if (!workloads.isEmpty()) {
                followUps.add(new FollowUp(vpc.vpcId(), SWEEP, at, at, 1,
                        workloads.subList(0, Math.min(workloads.size(), FollowUp.MAX_WORKLOADS))));
            }
        }
        return followUps;
    }
}
