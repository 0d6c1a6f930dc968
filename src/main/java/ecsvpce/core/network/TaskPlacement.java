package ecsvpce.core.network;

import java.util.List;

/**
 * Where a task's network interface lives, and whose task it is.
 *
 * @param accountId        the account the task runs in; null when unknown (then a VPC shared by
 *                         another account is not recognised as such)
 * @param securityGroupIds the task's security groups; empty when they could not be learned (a
 *                         standalone task whose interface is already gone)
 * @param publicIp         whether ECS gives the interface a public IPv4 address, as ECS or the request says
 * @param service          the service that starts the task; null for a standalone task, or when unknown
 */
public record TaskPlacement(String accountId, String subnetId, List<String> securityGroupIds, PublicIp publicIp,
                            OwningService service) {
    public TaskPlacement {
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
        publicIp = publicIp == null ? PublicIp.UNKNOWN : publicIp;
    }

    /** A placement whose public address and service nobody said. */
    public TaskPlacement(String accountId, String subnetId, List<String> securityGroupIds) {
        this(accountId, subnetId, securityGroupIds, PublicIp.UNKNOWN, null);
    }
}
