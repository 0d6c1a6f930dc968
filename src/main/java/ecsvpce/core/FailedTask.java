package ecsvpce.core;

import ecsvpce.core.needs.TaskDefinition;
import ecsvpce.core.needs.TaskLaunch;
import ecsvpce.core.network.TaskPlacement;

/** A Fargate task that stopped while starting, as confirmed with ECS. */
public record FailedTask(
        String taskArn,
        String clusterArn,
        String stoppedReason,
        TaskDefinition definition,
        TaskLaunch launch,
        TaskPlacement placement) {
}
