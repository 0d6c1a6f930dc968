package ecsvpce.core.network;

import java.util.List;

/**
 * Where a task's network interface lives.
 *
 * @param securityGroupIds the task's security groups; empty when they could not be learned (a
 *                         standalone task whose interface is already gone)
 */
public record TaskPlacement(String subnetId, List<String> securityGroupIds) {
    public TaskPlacement {
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
    }
}
