package ecsvpce.core.plan;

import ecsvpce.core.EndpointService;
import java.util.List;
import java.util.Map;

public record CreateGatewayEndpoint(
        String vpcId,
        EndpointService service,
        String serviceName,
        List<String> routeTableIds,
        String clientToken,
        Map<String, String> tags) implements Action {

    public CreateGatewayEndpoint {
        routeTableIds = List.copyOf(routeTableIds);
        tags = Map.copyOf(tags);
    }

    @Override
    public ActionType type() {
        return ActionType.CREATE_GATEWAY_ENDPOINT;
    }

    @Override
    public String describe() {
        return "create " + service.id() + " gateway endpoint (" + serviceName + ") on route tables " + routeTableIds;
    }
}
