package ecsvpce.app;

import ecsvpce.app.RemediationReport.FailureSummary;
import ecsvpce.app.RemediationReport.NeedSummary;
import ecsvpce.app.RemediationReport.TaskSummary;
import ecsvpce.aws.AwsCallFailure;
import ecsvpce.aws.Ec2NetworkReader;
import ecsvpce.aws.Ec2NetworkWriter;
import ecsvpce.aws.EcsTaskReader;
import ecsvpce.aws.EcsTaskReader.ServiceNetwork;
import ecsvpce.core.Decision;
import ecsvpce.core.FailedTask;
import ecsvpce.core.RemediationEngine;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.failure.Classification;
import ecsvpce.core.needs.TaskDefinition;
import ecsvpce.core.needs.TaskLaunch;
import ecsvpce.core.network.TaskPlacement;
import ecsvpce.core.plan.HeldBack;
import ecsvpce.core.plan.Plan;
import ecsvpce.core.plan.ResourceTags;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task-stopped use case: confirm the task with ECS, read its VPC, let the engine decide, apply
 * (unless dry run), report.
 */
public final class TaskRemediation {
    private final EcsTaskReader ecs;
    private final Ec2NetworkReader networkReader;
    private final VpcConvergence convergence;
    private final Settings settings;
    private final String region;
    private final Clock clock;

    public TaskRemediation(EcsTaskReader ecs, Ec2NetworkReader networkReader, Ec2NetworkWriter networkWriter,
                           Settings settings, String region, Clock clock) {
        this.ecs = ecs;
        this.networkReader = networkReader;
        this.convergence = new VpcConvergence(networkReader, networkWriter, settings.mode());
        this.settings = settings;
        this.region = region;
        this.clock = clock;
    }

    /** @param fromEvent the task as the event describes it */
    public RemediationReport remediate(StoppedTask fromEvent) {
        Optional<String> skip = TaskEligibility.skipReason(fromEvent);
        if (skip.isPresent()) {
            return RemediationReport.skipped(settings.mode(), skip.get(), summary(fromEvent, List.of()));
        }
        try {
            return remediateEligible(fromEvent);
        } catch (AwsCallFailure failure) {
            return failed(fromEvent, failure);
        }
    }

    private RemediationReport remediateEligible(StoppedTask fromEvent) {
        Optional<StoppedTask> known = ecs.describeTask(fromEvent.clusterArn(), fromEvent.taskArn());
        if (known.isEmpty()) {
            return RemediationReport.skipped(settings.mode(), "ECS does not know task " + fromEvent.taskArn()
                    + " (stale, replayed or hand-made event); nothing was changed", summary(fromEvent, List.of()));
        }
        StoppedTask task = known.get().withGapsFrom(fromEvent);
        Optional<String> skip = TaskEligibility.skipReason(task);
        if (skip.isPresent()) {
            return RemediationReport.skipped(settings.mode(), "according to ECS, " + skip.get(), summary(task, List.of()));
        }
        if (ResourceTags.optsOut(task.tags())) {
            return RemediationReport.skipped(settings.mode(), "task " + task.taskArn() + " is tagged "
                    + ResourceTags.SKIP + ": left alone", summary(task, List.of()));
        }
        List<String> groups;
        if (task.serviceName() != null) {
            Optional<ServiceNetwork> service = ecs.service(task.clusterArn(), task.serviceName(), task.startedBy());
            if (service.isPresent() && ResourceTags.optsOut(service.get().tags())) {
                return RemediationReport.skipped(settings.mode(), "service " + task.serviceName() + " is tagged "
                        + ResourceTags.SKIP + ": left alone", summary(task, List.of()));
            }
            groups = service.map(ServiceNetwork::securityGroupIds).orElse(List.of());
        } else {
            groups = Optional.ofNullable(task.networkInterfaceId())
                    .flatMap(networkReader::securityGroupsOfInterface).orElse(List.of());
        }
        String vpcId = networkReader.vpcsOfSubnets(List.of(task.subnetId())).get(task.subnetId());
        if (vpcId == null) {
            return RemediationReport.skipped(settings.mode(), "subnet " + task.subnetId()
                    + " no longer exists; nothing was changed", summary(task, groups));
        }
        if (!settings.allows(vpcId)) {
            return RemediationReport.skipped(settings.mode(), "VPC " + vpcId + " is not in "
                    + Settings.ALLOWED_VPC_IDS + ": left alone", summary(task, groups));
        }
        TaskDefinition definition = ecs.taskDefinition(task.taskDefinitionArn());
        FailedTask failedTask = new FailedTask(task.taskArn(), task.clusterArn(), task.stoppedReason(), definition,
                new TaskLaunch(region, task.platformVersion(), task.platformFamily(), task.executeCommandEnabled()),
                new TaskPlacement(task.subnetId(), groups));
        Map<String, String> tags = ResourceTags.forCreation(task.taskArn(), clock.instant());

        VpcConvergence.Result<Decision> result = convergence.converge(vpcId,
                snapshot -> RemediationEngine.decide(failedTask, snapshot, settings.plan(), tags), Decision::plan);
        RemediationReport report = report(task, groups, result.decision(), ActionReport.of(result, settings.mode()),
                !result.applied().isEmpty(), result.notes());
        return result.failure().map(f -> report.failedWith(ErrorSummary.of(f))).orElse(report);
    }

    private RemediationReport report(StoppedTask task, List<String> groups, Decision decision,
                                     List<ActionReport> actions, boolean appliedAny, List<String> notes) {
        Plan plan = decision.plan();
        Classification classification = decision.classification();
        boolean dryRun = settings.mode() == Mode.DRY_RUN;
        Outcome outcome;
        if (!classification.failureClass().mayBeFixedByEndpoints()) {
            outcome = Outcome.NOT_FIXABLE_BY_ENDPOINTS;
        } else if (!plan.isEmpty()) {
            outcome = dryRun ? Outcome.PLANNED : Outcome.REMEDIATED;
        } else if (decision.diagnosis().blocking().isEmpty()) {
            outcome = Outcome.NOTHING_TO_DO;
        } else if (plan.optedOut(decision.diagnosis().vpcId(), decision.diagnosis().subnetId())) {
            outcome = Outcome.SKIPPED;
        } else {
            outcome = Outcome.NOT_FIXABLE_BY_ENDPOINTS;
        }
        if (outcome == Outcome.NOTHING_TO_DO && appliedAny) {
            outcome = Outcome.REMEDIATED;
        }
        BigDecimal cost = ActionReport.monthlyCost(actions);
        List<String> allNotes = new ArrayList<>(notes);
        plan.heldBack().forEach(held -> allNotes.add(held.explanation()));
        return new RemediationReport(outcome, settings.mode(),
                summaryLine(outcome, classification, decision, actions, cost),
                summary(task, groups), decision.diagnosis().vpcId(), decision.diagnosis().subnetId(),
                new FailureSummary(classification.failureClass().name(), classification.service().orElse(null),
                        classification.explanation(), classification.missingIamAction().orElse(null),
                        classification.redactedReason()),
                decision.needs().endpoints().stream()
                        .map(n -> new NeedSummary(n.service(), n.reasons().stream().map(Object::toString).toList()))
                        .toList(),
                decision.needs().unservable().stream().map(Object::toString).toList(),
                decision.diagnosis().findings(), actions, plan.unfixed(), allNotes, cost, null);
    }

    private static String summaryLine(Outcome outcome, Classification classification, Decision decision,
                                      List<ActionReport> actions, BigDecimal cost) {
        String costText = cost.signum() == 0 ? "" : ", adds " + cost.setScale(2) + " USD/month";
        return switch (outcome) {
            case REMEDIATED -> actions.size() + " change(s) applied to " + decision.diagnosis().vpcId() + costText;
            case PLANNED -> "dry run: " + actions.size() + " change(s) would fix " + decision.diagnosis().vpcId()
                    + costText;
            case NOTHING_TO_DO -> decision.diagnosis().findings().stream()
                    .anyMatch(f -> f.code() == FindingCode.ENDPOINT_PENDING)
                    ? "endpoints the task needs are being created (pending); nothing else is missing"
                    : "the network already serves every need of the task; the cause is elsewhere";
            case SKIPPED -> "skipped: " + decision.plan().heldBack().stream()
                    .filter(held -> held.reason() == HeldBack.Reason.OPTED_OUT).findFirst().orElseThrow().explanation();
            case NOT_FIXABLE_BY_ENDPOINTS -> !classification.failureClass().mayBeFixedByEndpoints()
                    ? classification.failureClass() + ": " + classification.explanation()
                    : decision.plan().unfixed().size() + " blocking finding(s) need a person: "
                            + decision.plan().unfixed().stream().map(Finding::code).distinct().toList();
            default -> outcome.name();
        };
    }

    private RemediationReport failed(StoppedTask task, AwsCallFailure failure) {
        return new RemediationReport(Outcome.FAILED, settings.mode(), failure.getMessage(), summary(task, List.of()),
                null, task.subnetId(), null, null, null, null, null, null, null, null,
                ErrorSummary.of(failure));
    }

    private static TaskSummary summary(StoppedTask task, List<String> groups) {
        return new TaskSummary(task.taskArn(), task.clusterArn(), task.taskDefinitionArn(), task.platformVersion(),
                task.availabilityZone(), groups);
    }
}
