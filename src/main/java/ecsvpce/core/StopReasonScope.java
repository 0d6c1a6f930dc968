package ecsvpce.core;

import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.failure.ChangeScope;
import ecsvpce.core.plan.HeldBack;
import ecsvpce.core.plan.Plan;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.core.plan.Planner;
import ecsvpce.core.network.NetworkSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plans only the gaps the stop reason lets the product fix (docs/stop-reasons.md#what-unknown-may-change):
 * the blocking findings of services outside its scope are reported, never acted on. VPC-wide findings
 * (DNS attributes) stay in scope: they stand in the way of every service.
 */
final class StopReasonScope {
    private StopReasonScope() {
    }

    static Plan plan(ChangeScope scope, Diagnosis diagnosis, NetworkSnapshot snapshot, PlanSettings settings,
                     Map<String, String> tags) {
        List<Finding> outside = diagnosis.blocking().stream()
                .filter(f -> f.service() != null && !scope.covers(f.service())).toList();
        if (outside.isEmpty()) {
            return Planner.plan(snapshot, List.of(diagnosis), settings, tags);
        }
        List<Finding> within = new ArrayList<>(diagnosis.findings());
        within.removeAll(outside);
        Plan plan = Planner.plan(snapshot, List.of(new Diagnosis(diagnosis.vpcId(), diagnosis.subnetId(),
                diagnosis.availabilityZone(), diagnosis.routeTableId(), diagnosis.internetPath(), within)), settings, tags);
        String leftAlone = outside.stream().map(f -> f.service().id()).distinct().sorted()
                .collect(Collectors.joining(", "));
        List<Finding> unfixed = new ArrayList<>(plan.unfixed());
        unfixed.addAll(outside);
        List<HeldBack> heldBack = new ArrayList<>(plan.heldBack());
        heldBack.add(new HeldBack(HeldBack.Reason.STOP_REASON, null, "the stop reason is not recognised and points at "
                + scope + ", so nothing is made for " + leftAlone + ": those gaps are reported, and fixed when a "
                + "failure points at them"));
        return new Plan(plan.actions(), unfixed, heldBack);
    }
}
