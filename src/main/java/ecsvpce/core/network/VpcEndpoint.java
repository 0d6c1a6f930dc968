package ecsvpce.core.network;

import ecsvpce.core.EndpointType;
import ecsvpce.core.policy.EndpointPolicy;
import java.util.List;
import java.util.Map;

/**
 * A VPC endpoint as EC2 describes it.
 *
 * @param policy the endpoint policy; full access when EC2 gives none
 */
public record VpcEndpoint(
        String id,
        String serviceName,
        EndpointType type,
        String state,
        boolean privateDnsEnabled,
        List<String> subnetIds,
        List<String> securityGroupIds,
        List<String> routeTableIds,
        EndpointPolicy policy,
        Map<String, String> tags) {

    public VpcEndpoint {
        subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
        routeTableIds = routeTableIds == null ? List.of() : List.copyOf(routeTableIds);
        policy = policy == null ? EndpointPolicy.fullAccess() : policy;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public boolean isAvailable() {
        return "available".equalsIgnoreCase(state);
    }

    /** Just created: it serves its service in a minute or two, with no help. */
    public boolean isPending() {
        return "pending".equalsIgnoreCase(state);
    }

    public boolean isGone() {
        return isGone(state);
    }

    /**
     * Deleted endpoints stay listed for a while; they serve nothing and count for nothing. Every
     * other state still holds the service's name in the VPC: a {@code deleting}, {@code failed} or
     * {@code rejected} endpoint is merely not available, so it must not be taken for missing and
     * replaced (the one place that says what "gone" is, for the engine and the writer alike).
     */
    public static boolean isGone(String state) {
        return "deleted".equalsIgnoreCase(state);
    }
}
