package ecsvpce.core.network;

import java.util.List;
import java.util.Map;

/**
 * The VPC itself: what every decision about it starts from.
 *
 * @param ownerId      the account that owns the VPC; in a VPC shared through AWS RAM, another account
 *                     than the task's, and the only one that may change it
 * @param region       the VPC's region (endpoint service names depend on it)
 * @param cidrBlocks   the VPC's associated IPv4 CIDR blocks
 * @param dnsSupport   VPC attribute {@code enableDnsSupport}
 * @param dnsHostnames VPC attribute {@code enableDnsHostnames}
 * @param dnsServers   the DHCP option set's {@code domain-name-servers}; empty means Amazon's
 * @param dhcpOptionsId the DHCP option set associated with the VPC ({@code dopt-...}), null when it has none
 */
public record Vpc(
        String id,
        String ownerId,
        String region,
        List<String> cidrBlocks,
        boolean dnsSupport,
        boolean dnsHostnames,
        List<String> dnsServers,
        String dhcpOptionsId,
        Map<String, String> tags) {

    public Vpc {
        cidrBlocks = List.copyOf(cidrBlocks);
        dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** Whether the DHCP options point the VPC at DNS servers other than Amazon's. */
    public boolean usesCustomDns() {
        return dnsServers.stream().anyMatch(server -> !server.equalsIgnoreCase("AmazonProvidedDNS"));
    }
}
