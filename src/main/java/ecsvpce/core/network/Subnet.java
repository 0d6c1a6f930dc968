package ecsvpce.core.network;

import java.util.Map;

/** A subnet of the VPC. */
public record Subnet(String id, String availabilityZone, String cidrBlock, Map<String, String> tags) {
    public Subnet {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
