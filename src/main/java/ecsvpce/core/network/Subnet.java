package ecsvpce.core.network;

import java.util.Map;

/**
 * A subnet of the VPC.
 *
 * @param ipv6Native an IPv6-only subnet: its tasks have no IPv4 address
 */
public record Subnet(String id, String availabilityZone, String cidrBlock, boolean ipv6Native, Map<String, String> tags) {
    public Subnet {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
