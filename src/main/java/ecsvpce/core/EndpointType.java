package ecsvpce.core;

/** The two VPC endpoint types a Fargate task's start-up can depend on. */
public enum EndpointType {
    INTERFACE("Interface"),
    GATEWAY("Gateway");

    private final String awsName;

    EndpointType(String awsName) {
        this.awsName = awsName;
    }

    /** The spelling EC2 uses in {@code VpcEndpointType}. */
    public String awsName() {
        return awsName;
    }

    public static EndpointType fromAwsName(String name) {
        for (EndpointType type : values()) {
            if (type.awsName.equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown VPC endpoint type: " + name);
    }
}
