package ecsvpce.core;

import java.util.Optional;

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

    /** Empty for the types that never serve a task's start-up (Gateway Load Balancer, Resource, ...). */
    public static Optional<EndpointType> fromAwsName(String name) {
        for (EndpointType type : values()) {
            if (type.awsName.equalsIgnoreCase(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
