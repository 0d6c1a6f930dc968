package ecsvpce.core;

import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.failure.Classification;
import ecsvpce.core.needs.TaskNeeds;
import ecsvpce.core.plan.Plan;

/** Everything the engine decided about one failed task, in the order it decided it. */
public record Decision(TaskNeeds needs, Classification classification, Diagnosis diagnosis, Plan plan) {
}
