package ecsvpce.core.network;

import java.util.stream.Stream;

/**
 * A route of a route table.
 *
 * @param destinationCidr         IPv4 destination, or null
 * @param destinationPrefixListId destination prefix list ({@code pl-...}), or null
 * @param target                  the target's id: {@code local}, {@code igw-...}, {@code nat-...},
 *                                {@code vpce-...}, {@code tgw-...}, {@code i-...}, ...
 * @param active                  false for a blackhole route
 */
public record Route(String destinationCidr, String destinationPrefixListId, String target, boolean active) {

    /**
     * A default route to something that can reach the internet: a gateway, a transit gateway (a shared
     * egress VPC), or an appliance in the path (a Gateway Load Balancer endpoint of AWS Network Firewall
     * or an inspection appliance, an instance or its network interface); never a blackhole.
     */
    public boolean isInternetPath() {
        return active && isDefault() && target != null
                && Stream.of("igw-", "nat-", "tgw-", "i-", "eni-", "vpce-").anyMatch(target::startsWith);
    }

    /**
     * An internet path for a task whose public address is as given: an internet gateway forwards
     * nothing from an interface without a public IPv4 address
     * (docs/real-estates.md#an-internet-gateway-without-a-public-ip).
     */
    public boolean isInternetPathFor(PublicIp publicIp) {
        return isInternetPath() && !(publicIp == PublicIp.NOT_ASSIGNED && isInternetGatewayDefault());
    }

    /** A live default route to an internet gateway: a path only for an interface with a public address. */
    public boolean isInternetGatewayDefault() {
        return isInternetPath() && target.startsWith("igw-");
    }

    /**
     * Whether traffic to this target may be filtered on its way (a firewall, an appliance, a central
     * egress VPC), unlike an internet or NAT gateway, which forwards everything.
     */
    public static boolean mayFilter(String target) {
        return target != null && !target.startsWith("igw-") && !target.startsWith("nat-");
    }

    /** A default route whose target no longer exists (a deleted NAT gateway, a detached gateway): traffic is dropped. */
    public boolean isBlackholeDefault() {
        return !active && isDefault();
    }

    private boolean isDefault() {
        return "0.0.0.0/0".equals(destinationCidr);
    }
}
