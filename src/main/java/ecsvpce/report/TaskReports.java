package ecsvpce.report;

import ecsvpce.core.Decision;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.failure.Classification;
import ecsvpce.core.needs.TaskNeeds;
import ecsvpce.core.plan.HeldBack;
import ecsvpce.core.plan.Plan;
import ecsvpce.report.TaskReport.Examined;
import ecsvpce.report.TaskReport.FailureSummary;
import ecsvpce.report.TaskReport.NeedSummary;
import ecsvpce.report.TaskReport.TaskSummary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Builds the report of an examined task from the engine's decision and what became of its plan. */
public final class TaskReports {
    private TaskReports() {
    }

    /**
     * @param actions every action of the run, over every round, and what became of it
     * @param error   the permanent failure that cut the changes short, or null
     */
    public static Examined examined(TaskSummary task, Decision decision, List<ActionReport> actions,
                                    List<String> notes, Mode mode, ErrorSummary error) {
        Plan plan = decision.plan();
        Classification classification = decision.classification();
        Outcome outcome = Outcomes.of(new Outcomes.TaskFacts(classification.failureClass().mayBeFixedByEndpoints(),
                !plan.isEmpty(), !decision.diagnosis().blocking().isEmpty(), !decision.diagnosis().unverified().isEmpty(),
                plan.optedOut(decision.diagnosis().vpcId(), decision.diagnosis().subnetId()),
                actions.stream().anyMatch(a -> a.status() == ActionStatus.APPLIED), error != null, mode));
        BigDecimal cost = ActionReport.monthlyCost(actions);
        List<String> allNotes = new ArrayList<>(notes);
        plan.heldBack().forEach(held -> allNotes.add(held.explanation()));
        return new Examined(outcome, mode, error != null ? error.message() : summary(outcome, decision, actions, cost),
                task, decision.diagnosis().vpcId(), decision.diagnosis().subnetId(),
                new FailureSummary(classification.failureClass().name(), classification.service().orElse(null),
                        classification.explanation(), classification.missingIamAction().orElse(null),
                        classification.redactedReason()),
                needs(decision.needs()), unservable(decision.needs()),
                decision.diagnosis().findings(), actions, plan.unfixed(), allNotes, cost, error);
    }

    /** What a task needs at start-up, each service with every reason. */
    static List<NeedSummary> needs(TaskNeeds needs) {
        return needs.endpoints().stream()
                .map(n -> new NeedSummary(n.service(), n.reasons().stream().map(Object::toString).toList()))
                .toList();
    }

    /** What a task needs that no endpoint can serve, with why. */
    static List<String> unservable(TaskNeeds needs) {
        return needs.unservable().stream().map(Object::toString).toList();
    }

    /** What is left for a person, each with the resource that blocks and the change to make. */
    private static String forAPerson(Decision decision) {
        List<Finding> unfixed = decision.plan().unfixed();
        List<Finding> left = unfixed.isEmpty() ? decision.diagnosis().unverified() : unfixed;
        String owner = decision.plan().heldBack().stream().filter(h -> h.reason() == HeldBack.Reason.SHARED_VPC)
                .findFirst().map(h -> h.explanation().substring(0, h.explanation().indexOf(':')) + "; ").orElse("");
        return owner + (unfixed.isEmpty() ? "nothing the product may change; " + left.size() + " check(s) need a person: "
                : left.size() + " blocking finding(s) need a person: ")
                + left.stream().map(TaskReports::whatToDo).collect(java.util.stream.Collectors.joining("; "));
    }

    private static String whatToDo(Finding finding) {
        return finding.code() + (finding.resourceId() == null ? "" : " (" + finding.resourceId() + ")")
                + (finding.fix() == null ? "" : ": " + finding.fix());
    }

    private static String summary(Outcome outcome, Decision decision, List<ActionReport> actions, BigDecimal cost) {
        String vpcId = decision.diagnosis().vpcId();
        String costText = cost.signum() == 0 ? "" : ", adds " + cost.setScale(2) + " USD/month";
        Classification classification = decision.classification();
        return switch (outcome) {
            case REMEDIATED -> actions.size() + " change(s) applied to " + vpcId + costText;
            case PLANNED -> "dry run: " + actions.size() + " change(s) would fix " + vpcId + costText;
            case NOTHING_TO_DO -> decision.diagnosis().findings().stream()
                    .anyMatch(f -> f.code() == FindingCode.ENDPOINT_PENDING)
                    ? "endpoints the task needs are being created (pending); nothing else is missing"
                    : "the network already serves every need of the task; the cause is elsewhere";
            case SKIPPED -> "skipped: " + decision.plan().heldBack().stream()
                    .filter(held -> held.reason() == HeldBack.Reason.OPTED_OUT).findFirst().orElseThrow().explanation();
            case NOT_FIXABLE_BY_ENDPOINTS -> !classification.failureClass().mayBeFixedByEndpoints()
                    ? classification.failureClass() + ": " + classification.explanation()
                    : forAPerson(decision);
            case FAILED -> throw new IllegalArgumentException("a failed run is summed up by its error");
        };
    }
}
