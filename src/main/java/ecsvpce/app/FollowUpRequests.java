package ecsvpce.app;

import ecsvpce.app.port.FollowUp;
import ecsvpce.report.ActionReport;
import ecsvpce.report.ActionStatus;
import ecsvpce.report.Outcome;
import ecsvpce.report.ServiceStatus;
import ecsvpce.report.SweepReport;
import ecsvpce.report.TaskReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which follow-up checks a report asks for: one per VPC whose changes were applied, naming what
 * must run again there, which services failed to start for what was fixed (the stopped task's
 * service; services the sweep found below their desired count with a blocking finding), and the
 * endpoints the changes created or changed. A failure or nothing to do asks for none; a dry run asks
 * for none, but says which services its follow-up would recover ({@link #wouldRecover}). Pure.
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
        // REMEDIATED: the task's stop reason was a network failure and the changes for it were applied.
        return Optional.of(new FollowUp(examined.vpcId(), task.taskArn(), failedAt, appliedAt, 1, List.of(
                new FollowUp.Workload(examined.subnetId(),
                        examined.needs().stream().map(TaskReport.NeedSummary::service).toList(),
                        task.securityGroups() == null ? List.of() : task.securityGroups(),
                        service ? task.clusterArn() : null, task.serviceName(), service)),
                endpointIds(examined.actions()), null, List.of()));
    }

    /** The services a dry run's follow-up would recover: the stopped task's, or those the sweep found failing. */
    static List<WouldRecover> wouldRecover(TaskReport report) {
        if (report instanceof TaskReport.Examined examined && examined.outcome() == Outcome.PLANNED
                && examined.task() != null && examined.task().serviceName() != null) {
            return List.of(new WouldRecover(examined.vpcId(), examined.task().clusterArn(), examined.task().serviceName()));
        }
        return List.of();
    }

    static List<WouldRecover> wouldRecover(SweepReport report) {
        List<WouldRecover> services = new ArrayList<>();
        List<SweepReport.VpcReport> vpcs = report instanceof SweepReport.Swept swept ? swept.vpcs() : List.of();
        for (SweepReport.VpcReport vpc : vpcs) {
            vpc.subnets().stream().flatMap(subnet -> subnet.services().stream())
                    .filter(service -> service.status() == ServiceStatus.PLANNED && service.failingToStart())
                    .map(service -> new WouldRecover(vpc.vpcId(), service.clusterArn(), service.serviceName()))
                    .distinct().forEach(services::add);
        }
        return services;
    }

    /** A service a dry run's follow-up would deploy again once its planned changes were live. */
    record WouldRecover(String vpcId, String clusterArn, String serviceName) {
    }

    /** The endpoints applied actions created or changed (their resource is the endpoint). */
    private static List<String> endpointIds(List<ActionReport> actions) {
        return actions.stream().filter(a -> a.status() == ActionStatus.APPLIED && a.resourceId() != null
                        && a.resourceId().startsWith("vpce-"))
                .map(ActionReport::resourceId).distinct().limit(FollowUp.MAX_WORKLOADS).toList();
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
                                service.clusterArn(), service.serviceName(), service.failingToStart()))
                        .forEach(workloads::add);
            }
            if (!workloads.isEmpty()) {
                // Failing services first: when a VPC has more than fit, they are the ones to recover.
                workloads.sort(Comparator.comparing(workload -> !workload.failedToStart()));
                followUps.add(new FollowUp(vpc.vpcId(), SWEEP, at, at, 1,
                        workloads.subList(0, Math.min(workloads.size(), FollowUp.MAX_WORKLOADS)),
                        endpointIds(vpc.actions()), null, List.of()));
            }
        }
        return followUps;
    }
}
