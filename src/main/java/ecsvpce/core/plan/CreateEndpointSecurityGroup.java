package ecsvpce.core.plan;

import java.util.List;
import java.util.Map;

/**
 * Creates the product's own security group for interface endpoints: TCP 443 from the VPC's CIDR
 * blocks, nothing else. {@code CreateSecurityGroup} takes no idempotency token; the fixed group
 * name makes a racing second create fail with {@code InvalidGroup.Duplicate}, and the group is adopted.
 */
public record CreateEndpointSecurityGroup(String vpcId, String groupName, List<String> httpsFromCidrs,
                                          Map<String, String> tags) implements Action {
    public CreateEndpointSecurityGroup {
        httpsFromCidrs = List.copyOf(httpsFromCidrs);
        tags = Map.copyOf(tags);
    }

    @Override
    public ActionType type() {
        return ActionType.CREATE_ENDPOINT_SECURITY_GROUP;
    }

    @Override
    public String describe() {
        return "create security group " + groupName + " in " + vpcId + " admitting TCP 443 from " + httpsFromCidrs;
    }
}
