package ecsvpce.core.plan;

import ecsvpce.core.EndpointService;

public record EnablePrivateDns(String endpointId, EndpointService service) implements Action {
    @Override
    public ActionType type() {
        return ActionType.ENABLE_PRIVATE_DNS;
    }

    @Override
    public String describe() {
        return "enable private DNS on " + service.id() + " endpoint " + endpointId;
    }
}
