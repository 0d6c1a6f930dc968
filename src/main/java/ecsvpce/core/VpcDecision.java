package ecsvpce.core;

import ecsvpce.core.plan.Plan;
import java.util.List;

/** Every workload of one VPC diagnosed against one shared snapshot, and one merged plan. */
public record VpcDecision(List<WorkloadDiagnosis> diagnoses, Plan plan) {
    public VpcDecision {
        diagnoses = List.copyOf(diagnoses);
    }
}
