package ecsvpce.core.network;

import java.util.List;

/**
 * Where a task's network interface lives, and whose task it is.
 *
 * @param accountId        the account the task runs in; null when unknown (then a VPC shared by
 *                         another account is not recognised as such)
 * @param securityGroupIds the task's security groups; empty when they could not be learned (a
 *                         standalone task whose interface is already gone)
 */
public record TaskPlacement(String accountId, String subnetId, List<String> securityGroupIds) {
    public TaskPlacement {
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
    }
}
