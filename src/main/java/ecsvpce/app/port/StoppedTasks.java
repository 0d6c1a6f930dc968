package ecsvpce.app.port;

import java.util.Optional;

/** What the task-stopped use case asks ECS about a stopped task. Read only. */
public interface StoppedTasks {

    /**
     * The task as ECS knows it, or empty when ECS does not know it or its cluster, or rejects the
     * ids as invalid (a stale, replayed or made-up event).
     */
    Optional<StoppedTask> describeTask(String clusterArn, String taskArn);

    /**
     * The network configuration a service gives its tasks (that of the deployment that started the task
     * when ECS still lists it, else the service's current one) and the service's tags; empty when ECS
     * no longer knows the service.
     */
    Optional<ServiceNetwork> service(String clusterArn, String serviceName, String startedBy);

    /** The customer KMS key the cluster's ECS Exec sessions use; empty when it uses none. */
    Optional<String> execKmsKey(String clusterArn);
}
