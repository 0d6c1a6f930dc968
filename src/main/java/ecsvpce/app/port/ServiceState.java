package ecsvpce.app.port;

import java.util.List;

/** An ECS service as the follow-up check sees it: how many tasks run of how many wanted, and its groups. */
public record ServiceState(int runningCount, int desiredCount, List<String> securityGroupIds) {
    public ServiceState {
        securityGroupIds = List.copyOf(securityGroupIds);
    }
}
