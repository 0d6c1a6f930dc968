package ecsvpce.app.port;

import java.util.List;
import java.util.Map;

/**
 * An ECS service as the follow-up check sees it: how many tasks run of how many wanted, its groups,
 * and what the recovery needs (its subnets, tags and deployments).
 */
public record ServiceState(int runningCount, int desiredCount, List<String> securityGroupIds, List<String> subnetIds,
                           Map<String, String> tags, List<DeploymentState> deployments) {
    public ServiceState {
        securityGroupIds = List.copyOf(securityGroupIds);
        subnetIds = List.copyOf(subnetIds);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        deployments = List.copyOf(deployments);
    }

    /** Counts and groups only: no subnets, tags or deployments known. */
    public ServiceState(int runningCount, int desiredCount, List<String> securityGroupIds) {
        this(runningCount, desiredCount, securityGroupIds, List.of(), Map.of(), List.of());
    }

    /** Fewer tasks run than the service wants. */
    public boolean belowDesiredCount() {
        return runningCount < desiredCount;
    }
}
