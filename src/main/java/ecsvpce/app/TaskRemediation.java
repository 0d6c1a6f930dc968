package ecsvpce.app;

import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.ServiceNetwork;
import ecsvpce.app.port.StoppedTask;
import ecsvpce.app.port.StoppedTasks;
import ecsvpce.app.port.TaskDefinitions;
import ecsvpce.app.port.VpcChanges;
import ecsvpce.app.port.VpcReads;
import ecsvpce.core.Decision;
import ecsvpce.core.FailedTask;
import ecsvpce.core.RemediationEngine;
import ecsvpce.core.needs.TaskLaunch;
import ecsvpce.core.network.OwningService;
import ecsvpce.core.network.PublicIp;
import ecsvpce.core.network.TaskPlacement;
import ecsvpce.core.plan.ResourceTags;
import ecsvpce.report.Mode;
import ecsvpce.report.TaskReport;
import ecsvpce.report.TaskReport.TaskSummary;
import ecsvpce.report.TaskReports;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task-stopped use case: confirm the task with ECS ({@link ConfirmedTask}: ECS's answer decides,
 * never the event), read its VPC, let the engine decide, apply (unless dry run), report. A permanent AWS failure is reported; a transient one
 * ({@link CallFailure.StillFailing}) or a race lost every round escapes, so Lambda retries.
 */
public final class TaskRemediation {
    private final StoppedTasks tasks;
    private final TaskDefinitions definitions;
    private final VpcReads network;
    private final VpcConvergence convergence;
    private final Settings settings;
    private final GuardRails guardRails;
    private final String region;
    private final Clock clock;

    public TaskRemediation(StoppedTasks tasks, TaskDefinitions definitions, VpcReads network, VpcChanges changes,
                           Settings settings, String region, Clock clock) {
        this.tasks = tasks;
        this.definitions = definitions;
        this.network = network;
        this.convergence = new VpcConvergence(network, settings.mode() == Mode.DRY_RUN ? VpcChanges.dryRun() : changes);
        this.settings = settings;
        this.guardRails = new GuardRails(settings);
        this.region = region;
        this.clock = clock;
    }

    /** The report for a payload that is not a stopped task at all: nothing is read or changed. */
    public TaskReport notOurs(String reason) {
        return TaskReport.skipped(settings.mode(), reason, null);
    }

    /** @param fromEvent the task as the event describes it: a hint, which ECS confirms or not */
    public TaskReport remediate(StoppedTask fromEvent) {
        Optional<String> skip = TaskEligibility.skipReason(fromEvent);
        if (skip.isPresent()) {
            return skipped(skip.get(), fromEvent, List.of());
        }
        ConfirmedTask confirmed;
        try {
            Optional<StoppedTask> known = tasks.describeTask(fromEvent.clusterArn(), fromEvent.taskArn());
            if (known.isEmpty()) {
                return skipped("ECS does not know task " + fromEvent.taskArn()
                        + " (stale, replayed or hand-made event); nothing was changed", fromEvent, List.of());
            }
            confirmed = ConfirmedTask.of(known.get(), fromEvent);
        } catch (CallFailure.Refused failure) {
            return failed(fromEvent, failure);
        }
        try {
            return remediateConfirmed(confirmed);
        } catch (CallFailure.Refused failure) {
            return failed(confirmed.task(), failure);
        }
    }

    private TaskReport failed(StoppedTask task, CallFailure.Refused failure) {
        return new TaskReport.Failed(settings.mode(), summary(task, List.of()), task.subnetId(), failure.summary());
    }

    private TaskReport remediateConfirmed(ConfirmedTask confirmed) {
        StoppedTask task = confirmed.task();
        Optional<String> skip = TaskEligibility.skipReason(task).map(reason -> "according to ECS, " + reason)
                .or(() -> guardRails.task(task));
        if (skip.isPresent()) {
            return skipped(skip.get(), task, List.of());
        }
        List<String> groups;
        Optional<ServiceNetwork> service = Optional.empty();
        if (task.serviceName() != null) {
            service = tasks.service(task.clusterArn(), task.serviceName(), task.startedBy());
            Optional<String> serviceSkip = service.flatMap(s -> guardRails.service(task.serviceName(), s.tags()));
            if (serviceSkip.isPresent()) {
                return skipped(serviceSkip.get(), task, List.of());
            }
            groups = service.map(ServiceNetwork::securityGroupIds).orElse(List.of());
        } else {
            groups = Optional.ofNullable(task.networkInterfaceId())
                    .flatMap(network::securityGroupsOfInterface).orElse(List.of());
        }
        String vpcId = network.vpcsOfSubnets(List.of(task.subnetId())).get(task.subnetId());
        if (vpcId == null) {
            return skipped("subnet " + task.subnetId() + " no longer exists; nothing was changed", task, groups);
        }
        Optional<String> vpcSkip = guardRails.vpc(vpcId);
        if (vpcSkip.isPresent()) {
            return skipped(vpcSkip.get(), task, groups);
        }
        String execKmsKey = task.executeCommandEnabled() ? tasks.execKmsKey(task.clusterArn()).orElse(null) : null;
        FailedTask failedTask = new FailedTask(task.taskArn(), task.clusterArn(), task.stoppedReason(),
                definitions.taskDefinition(task.taskDefinitionArn()), new TaskLaunch(region, task.platformVersion(),
                        task.platformFamily(), task.executeCommandEnabled(), execKmsKey),
                placement(task, groups, service));
        Map<String, String> tags = ResourceTags.forCreation(task.taskArn(), clock.instant());

        VpcConvergence.Result<Decision> result = convergence.converge(vpcId,
                snapshot -> RemediationEngine.decide(failedTask, snapshot, settings.plan(), tags), Decision::plan);
        List<String> notes = new ArrayList<>(result.notes());
        notes.addAll(confirmed.notes());
        return TaskReports.examined(summary(task, groups), result.decision(), result.actionReports(), notes,
                settings.mode(), result.failure().map(CallFailure::summary).orElse(null));
    }

    /** Whether the task gets a public IP is ECS's answer about its service; nobody says it for a standalone task. */
    private static TaskPlacement placement(StoppedTask task, List<String> groups, Optional<ServiceNetwork> service) {
        return new TaskPlacement(task.accountId(), task.subnetId(), groups,
                service.map(ServiceNetwork::publicIp).orElse(PublicIp.UNKNOWN),
                service.map(s -> new OwningService(task.clusterArn(), task.serviceName(), s.subnetIds())).orElse(null));
    }

    private TaskReport skipped(String reason, StoppedTask task, List<String> groups) {
        return TaskReport.skipped(settings.mode(), reason, summary(task, groups));
    }

    private static TaskSummary summary(StoppedTask task, List<String> groups) {
        return new TaskSummary(task.taskArn(), task.clusterArn(), task.taskDefinitionArn(), task.platformVersion(),
                task.availabilityZone(), groups, task.serviceName());
    }
}
