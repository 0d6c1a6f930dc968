package ecsvpce.core.plan;

import ecsvpce.core.EndpointService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Creates an interface endpoint with private DNS on.
 *
 * @param clientToken deterministic per VPC and service, so racing or repeated invocations converge
 *                    on one endpoint
 */
public record CreateInterfaceEndpoint(
        String vpcId,
        EndpointService service,
        String serviceName,
        List<String> subnetIds,
        EndpointGroup group,
        String clientToken,
        Map<String, String> tags,
        BigDecimal monthlyCostUsd) implements Action {

    public CreateInterfaceEndpoint {
        subnetIds = List.copyOf(subnetIds);
        tags = Map.copyOf(tags);
    }

    @Override
    public ActionType type() {
        return ActionType.CREATE_INTERFACE_ENDPOINT;
    }

    @Override
    public String describe() {
        return "create " + service.id() + " interface endpoint (" + serviceName + ") in " + subnetIds
                + " with private DNS and security group " + group;
    }
}
