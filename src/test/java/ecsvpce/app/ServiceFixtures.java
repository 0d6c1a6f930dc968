package ecsvpce.app;

import ecsvpce.app.port.DeploymentState;
import ecsvpce.app.port.ServiceState;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Service {@code web} as ECS describes it to the follow-up check: counts, subnet, deployments. */
final class ServiceFixtures {
    /** Before the sample's failure: the deployment that has been failing to start its tasks. */
    static final Instant LONG_AGO = ReportSamples.FAILED_AT.minus(Duration.ofHours(3));

    private ServiceFixtures() {
    }

    /** In the seed's task subnet and group, not tagged, with these deployments (newest first). */
    static ServiceState state(int running, int desired, DeploymentState... deployments) {
        return state(running, desired, Map.of(), deployments);
    }

    static ServiceState state(int running, int desired, Map<String, String> tags, DeploymentState... deployments) {
        return new ServiceState(running, desired, List.of(Snapshots.TASK_SG), List.of(Snapshots.TASK_SUBNET), tags,
                List.of(deployments));
    }

    /** The primary deployment, created long before the fix, whose tasks keep failing to start. */
    static DeploymentState primaryBeforeTheFix() {
        return new DeploymentState("ecs-svc/1", "PRIMARY", Tasks.TASK_DEFINITION_ARN, "IN_PROGRESS",
                "ECS deployment ecs-svc/1 in progress.", 7, 0, LONG_AGO);
    }

    /** A primary deployment of the sample's task definition created at {@code createdAt}. */
    static DeploymentState deployment(String id, Instant createdAt) {
        return new DeploymentState(id, "PRIMARY", Tasks.TASK_DEFINITION_ARN, "IN_PROGRESS", null, 0, 0, createdAt);
    }

    /** The circuit breaker stopped the primary deployment (no rollback configured): it launches no task. */
    static DeploymentState failedDeployment() {
        return new DeploymentState("ecs-svc/1", "PRIMARY", Tasks.TASK_DEFINITION_ARN, "FAILED",
                "ECS deployment circuit breaker: tasks failed to start.", 10, 0, LONG_AGO);
    }
}
