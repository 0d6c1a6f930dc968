package ecsvpce.core;

import ecsvpce.core.diagnosis.Diagnoser;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.core.plan.Planner;
import java.util.List;
import java.util.Map;

/**
 * The functional core of the compliance sweep for one VPC: diagnose every workload against the one
 * snapshot, then merge what they lack into a single plan, so two services missing the same endpoint
 * get one endpoint. Nothing has failed yet, so there is no stop reason to gate on: only network gaps
 * are planned, as for an unknown failure.
 */
public final class SweepEngine {
    private SweepEngine() {
    }

    public static VpcDecision decide(NetworkSnapshot snapshot, List<Workload> workloads, PlanSettings settings,
                                     Map<String, String> tags) {
        List<WorkloadDiagnosis> diagnoses = workloads.stream()
                .map(w -> new WorkloadDiagnosis(w, Diagnoser.diagnose(w.needs(), w.placement(), snapshot)))
                .toList();
        return new VpcDecision(diagnoses, Planner.plan(snapshot,
                diagnoses.stream().map(WorkloadDiagnosis::diagnosis).toList(), settings, tags));
    }
}
