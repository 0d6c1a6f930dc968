package ecsvpce.core.plan;

public record EnableVpcDnsAttribute(String vpcId, VpcDnsAttribute attribute) implements Action {
    @Override
    public ActionType type() {
        return ActionType.ENABLE_VPC_DNS_ATTRIBUTE;
    }

    @Override
    public String describe() {
        return "set " + attribute.awsName() + "=true on " + vpcId;
    }
}
