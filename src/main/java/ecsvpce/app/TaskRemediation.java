package ecsvpce.app;

import ecsvpce.app.RemediationReport.ActionReport;
import ecsvpce.app.RemediationReport.ErrorSummary;
import ecsvpce.app.RemediationReport.FailureSummary;
import ecsvpce.app.RemediationReport.NeedSummary;
import ecsvpce.app.RemediationReport.TaskSummary;
import ecsvpce.aws.AppliedAction;
import ecsvpce.aws.AwsCallFailure;
import ecsvpce.aws.ConcurrentChange;
import ecsvpce.aws.Ec2NetworkReader;
import ecsvpce.aws.Ec2NetworkWriter;
import ecsvpce.aws.EcsTaskReader;
import ecsvpce.core.Decision;
import ecsvpce.core.FailedTask;
import ecsvpce.core.RemediationEngine;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.failure.Classification;
import ecsvpce.core.needs.TaskDefinition;
import ecsvpce.core.needs.TaskLaunch;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.TaskPlacement;
import ecsvpce.core.plan.Action;
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
 * (unless dry run), report. A write that loses a race re-reads the VPC and plans again, so what a
 * concurrent invocation created is adopted instead of duplicated.
 */
public final class TaskRemediation {
    /** Rounds of read-plan-apply when writes keep losing races; beyond that Lambda retries later. */
    static final int MAX_ROUNDS = 3;

    private final EcsTaskReader ecs;
    private final Ec2NetworkReader networkReader;
    private final Ec2NetworkWriter networkWriter;
    private final Settings settings;
    private final String region;
    private final Clock clock;

    public TaskRemediation(EcsTaskReader ecs, Ec2NetworkReader networkReader, Ec2NetworkWriter networkWriter,
                           Settings settings, String region, Clock clock) {
        this.ecs = ecs;
        this.networkReader = networkReader;
        this.networkWriter = networkWriter;
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
        TaskDefinition definition = ecs.taskDefinition(task.taskDefinitionArn());
        List<String> groups = task.serviceName() != null
                ? ecs.serviceSecurityGroups(task.clusterArn(), task.serviceName(), task.startedBy())
                : Optional.ofNullable(task.networkInterfaceId())
                        .flatMap(networkReader::securityGroupsOfInterface).orElse(List.of());
        String vpcId = networkReader.vpcsOfSubnets(List.of(task.subnetId())).get(task.subnetId());
        if (vpcId == null) {
            return RemediationReport.skipped(settings.mode(), "subnet " + task.subnetId()
                    + " no longer exists; nothing was changed", summary(task, groups));
        }
        FailedTask failedTask = new FailedTask(task.taskArn(), task.clusterArn(), task.stoppedReason(), definition,
                new TaskLaunch(region, task.platformVersion(), task.platformFamily(), task.executeCommandEnabled()),
                new TaskPlacement(task.subnetId(), groups));
        Map<String, String> tags = ResourceTags.forCreation(task.taskArn(), clock.instant());

        List<String> notes = new ArrayList<>();
        List<AppliedAction> applied = new ArrayList<>();
        for (int round = 1; ; round++) {
            NetworkSnapshot snapshot = networkReader.snapshot(vpcId);
            Decision decision = RemediationEngine.decide(failedTask, snapshot, settings.plan(), tags);
            if (settings.mode() == Mode.DRY_RUN) {
                return report(task, groups, decision, applied, decision.plan().actions(), "PLANNED", notes);
            }
            if (decision.plan().isEmpty()) {
                return report(task, groups, decision, applied, List.of(), null, notes);
            }
            List<AppliedAction> appliedThisRound = new ArrayList<>();
            try {
                networkWriter.apply(decision.plan().actions(), appliedThisRound);
                applied.addAll(appliedThisRound);
                return report(task, groups, decision, applied, List.of(), null, notes);
            } catch (ConcurrentChange race) {
                applied.addAll(appliedThisRound);
                notes.add("round " + round + ": " + race.getMessage() + "; re-read the VPC to adopt what is there");
                if (round == MAX_ROUNDS) {
                    throw race;
                }
            } catch (AwsCallFailure failure) {
                applied.addAll(appliedThisRound);
                List<Action> notApplied = decision.plan().actions().subList(appliedThisRound.size(),
                        decision.plan().actions().size());
                return report(task, groups, decision, applied, notApplied, "NOT_APPLIED", notes).failedWith(
                        new ErrorSummary(failure.kind().name(), failure.iamAction(), failure.errorCode(),
                                failure.getMessage()));
            }
        }
    }

    /**
     * @param applied       every action applied, in every round
     * @param pending       actions not applied, reported with {@code pendingStatus}
     */
    private RemediationReport report(StoppedTask task, List<String> groups, Decision decision,
                                     List<AppliedAction> applied, List<Action> pending, String pendingStatus,
                                     List<String> notes) {
        Plan plan = decision.plan();
        Classification classification = decision.classification();
        boolean dryRun = settings.mode() == Mode.DRY_RUN;
        List<ActionReport> actions = new ArrayList<>();
        for (AppliedAction done : applied) {
            actions.add(new ActionReport(done.action().type().name(), done.action().describe(), "APPLIED",
                    done.resourceId(), done.action().monthlyCostUsd()));
        }
        for (Action action : pending) {
            actions.add(new ActionReport(action.type().name(), action.describe(), pendingStatus, null,
                    action.monthlyCostUsd()));
        }
        Outcome outcome;
        if (!classification.failureClass().mayBeFixedByEndpoints()) {
            outcome = Outcome.NOT_FIXABLE_BY_ENDPOINTS;
        } else if (!plan.isEmpty()) {
            outcome = dryRun ? Outcome.PLANNED : Outcome.REMEDIATED;
        } else if (decision.diagnosis().blocking().isEmpty()) {
            outcome = Outcome.NOTHING_TO_DO;
        } else {
            outcome = Outcome.NOT_FIXABLE_BY_ENDPOINTS;
        }
        if (outcome == Outcome.NOTHING_TO_DO && !applied.isEmpty()) {
            outcome = Outcome.REMEDIATED;
        }
        // What was created (or, in a dry run, would be): never what failed to apply.
        BigDecimal cost = actions.stream().filter(a -> !"NOT_APPLIED".equals(a.status()))
                .map(ActionReport::monthlyCostUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(plan.heldBack());
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
            case NOTHING_TO_DO -> "the network already serves every need of the task; the cause is elsewhere";
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
                new ErrorSummary(failure.kind().name(), failure.iamAction(), failure.errorCode(), failure.getMessage()));
    }

    private static TaskSummary summary(StoppedTask task, List<String> groups) {
        return new TaskSummary(task.taskArn(), task.clusterArn(), task.taskDefinitionArn(), task.platformVersion(),
                task.availabilityZone(), groups);
    }
}
