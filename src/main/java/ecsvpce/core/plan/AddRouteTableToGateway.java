package ecsvpce.core.plan;

import ecsvpce.core.EndpointService;

public record AddRouteTableToGateway(String endpointId, EndpointService service, String routeTableId)
        implements Action {
    @Override
    public ActionType type() {
        return ActionType.ADD_ROUTE_TABLE_TO_GATEWAY;
    }

    @Override
    public String describe() {
        return "add route table " + routeTableId + " to " + service.id() + " gateway endpoint " + endpointId
                + " (open S3 connections from its subnets may be interrupted briefly)";
    }
}
