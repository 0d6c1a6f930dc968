package ecsvpce.app.port;

import java.util.List;
import java.util.Map;

/** A service's task security groups and the service's tags. */
public record ServiceNetwork(List<String> securityGroupIds, Map<String, String> tags) {
    public ServiceNetwork {
        securityGroupIds = List.copyOf(securityGroupIds);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
