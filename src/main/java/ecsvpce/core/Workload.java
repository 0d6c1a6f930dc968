package ecsvpce.core;

import ecsvpce.core.needs.TaskNeeds;
import ecsvpce.core.network.TaskPlacement;

/**
 * Something that will start tasks in one subnet: a service in one of its subnets, for the sweep.
 *
 * @param id a name for the report (the service ARN)
 */
public record Workload(String id, TaskNeeds needs, TaskPlacement placement) {
}
