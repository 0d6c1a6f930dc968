package ecsvpce.core.plan;

import ecsvpce.core.EndpointService;

public record AttachSecurityGroup(String endpointId, EndpointService service, EndpointGroup group) implements Action {
    @Override
    public ActionType type() {
        return ActionType.ATTACH_SECURITY_GROUP;
    }

    @Override
    public String describe() {
        return "attach security group " + group + " to " + service.id() + " endpoint " + endpointId;
    }
}
