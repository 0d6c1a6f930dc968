package ecsvpce.core;

import ecsvpce.core.diagnosis.Diagnoser;
import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.failure.Classification;
import ecsvpce.core.failure.StopReasonClassifier;
import ecsvpce.core.needs.NeedsAnalyzer;
import ecsvpce.core.needs.TaskNeeds;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.plan.HeldBack;
import ecsvpce.core.plan.Plan;
import ecsvpce.core.plan.PlanSettings;
import java.util.Map;

/**
 * The functional core for one failed task: needs, class of failure, diagnosis, plan. Pure: the same
 * inputs always give the same decision, and nothing here talks to AWS.
 */
public final class RemediationEngine {
    private RemediationEngine() {
    }

    /**
     * @param tags tags for every resource the plan creates
     */
    public static Decision decide(FailedTask task, NetworkSnapshot snapshot, PlanSettings settings,
                                  Map<String, String> tags) {
        TaskNeeds needs = NeedsAnalyzer.analyze(task.definition(), task.launch());
        Classification classification = StopReasonClassifier.classify(task.stoppedReason());
        Diagnosis diagnosis = DialedAddress.weigh(Diagnoser.diagnose(needs, task.placement(), snapshot),
                classification, snapshot);
        Plan plan = classification.failureClass().mayBeFixedByEndpoints()
                ? StopReasonScope.plan(classification.scope(), diagnosis, snapshot, settings, tags)
                : Plan.heldBack(new HeldBack(HeldBack.Reason.STOP_REASON, null, "the stop reason is a "
                        + classification.failureClass() + " failure (" + classification.explanation()
                        + "): no network change is made"), diagnosis.blocking());
        return new Decision(needs, classification, diagnosis, plan);
    }
}
