package ecsvpce.app.port;

import ecsvpce.core.network.PublicIp;
import java.util.List;
import java.util.Map;

/**
 * A service's awsvpc configuration as its tasks get it (task security groups, subnets, public IP) and
 * the service's tags.
 */
public record ServiceNetwork(List<String> securityGroupIds, List<String> subnetIds, PublicIp publicIp,
                             Map<String, String> tags) {
    public ServiceNetwork {
        securityGroupIds = List.copyOf(securityGroupIds);
        subnetIds = List.copyOf(subnetIds);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
