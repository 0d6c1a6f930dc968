package ecsvpce.core.plan;

/** The two VPC attributes private DNS depends on; {@code ModifyVpcAttribute} takes one per call. */
public enum VpcDnsAttribute {
    ENABLE_DNS_SUPPORT("enableDnsSupport"),
    ENABLE_DNS_HOSTNAMES("enableDnsHostnames");

    private final String awsName;

    VpcDnsAttribute(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }
}
