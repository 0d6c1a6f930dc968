package ecsvpce.app.port;

import java.time.Instant;

/**
 * One deployment of an ECS service, as {@code DescribeServices} lists it: what the recovery reads to
 * start at most one deployment per fix and to leave a deployment the circuit breaker stopped alone.
 *
 * @param status       {@code PRIMARY} (the newest), {@code ACTIVE} (being replaced) or {@code INACTIVE}
 * @param rolloutState {@code IN_PROGRESS}, {@code COMPLETED} or {@code FAILED} (the circuit breaker stopped
 *                     it: a failed deployment launches no new task); null when ECS gives none
 * @param failedTasks  consecutive tasks of this deployment that failed to start (reset once one runs)
 */
public record DeploymentState(String id, String status, String taskDefinitionArn, String rolloutState,
                              String rolloutStateReason, int failedTasks, int runningCount, Instant createdAt) {

    public boolean isPrimary() {
        return "PRIMARY".equals(status);
    }

    public boolean rolloutFailed() {
        return "FAILED".equals(rolloutState);
    }
}
