package ecsvpce.core.plan;

import java.util.List;

/** Adds TCP 443 from VPC CIDR blocks to the product's own endpoint security group. */
public record AuthorizeHttpsIngress(String groupId, List<String> cidrs) implements Action {
    public AuthorizeHttpsIngress {
        cidrs = List.copyOf(cidrs);
    }

    @Override
    public ActionType type() {
        return ActionType.AUTHORIZE_HTTPS_INGRESS;
    }

    @Override
    public String describe() {
        return "admit TCP 443 from " + cidrs + " on security group " + groupId;
    }
}
