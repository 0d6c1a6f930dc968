package ecsvpce.core.network;

import java.util.List;

/**
 * The ECS service whose tasks these are, as a change to its network configuration names it.
 *
 * @param cluster   the cluster's ARN or name
 * @param subnetIds every subnet of the service's awsvpc configuration, which such a change restates
 */
public record OwningService(String cluster, String name, List<String> subnetIds) {
    public OwningService {
        subnetIds = List.copyOf(subnetIds);
    }
}
