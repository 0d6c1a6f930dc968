package ecsvpce.core.network;

import java.util.List;
import java.util.Map;

/** A security group with its rules. */
public record SecurityGroup(
        String id,
        String name,
        List<SecurityGroupRule> ingress,
        List<SecurityGroupRule> egress,
        Map<String, String> tags) {

    public SecurityGroup {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
