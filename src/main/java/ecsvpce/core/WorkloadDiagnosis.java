package ecsvpce.core;

import ecsvpce.core.diagnosis.Diagnosis;

/** A workload and what its subnet lacks. */
public record WorkloadDiagnosis(Workload workload, Diagnosis diagnosis) {

    public boolean compliant() {
        return diagnosis.blocking().isEmpty();
    }
}
