package ecsvpce.core;

import java.util.Optional;

/**
 * An AWS service a Fargate task may have to reach while it starts, and the endpoint type that
 * serves it from an isolated subnet.
 */
public enum EndpointService {
    ECR_DKR("ecr.dkr", EndpointType.INTERFACE),
    ECR_API("ecr.api", EndpointType.INTERFACE),
    S3("s3", EndpointType.GATEWAY),
    LOGS("logs", EndpointType.INTERFACE),
    SSM("ssm", EndpointType.INTERFACE),
    SECRETSMANAGER("secretsmanager", EndpointType.INTERFACE),
    SSMMESSAGES("ssmmessages", EndpointType.INTERFACE);

    private final String id;
    private final EndpointType requiredType;

    EndpointService(String id, EndpointType requiredType) {
        this.id = id;
        this.requiredType = requiredType;
    }

    /** The short name AWS uses at the end of the endpoint service name, e.g. {@code ecr.dkr}. */
    public String id() {
        return id;
    }

    /** The endpoint type that serves a Fargate task (S3 layers need the gateway). */
    public EndpointType requiredType() {
        return requiredType;
    }

    /**
     * The endpoint service name in a region. In the China regions ECR's names carry a
     * {@code cn.} prefix (AWS China documentation); every other service keeps {@code com.amazonaws}.
     */
    public String serviceName(String region) {
        boolean chinaEcr = region.startsWith("cn-") && (this == ECR_API || this == ECR_DKR);
        return (chinaEcr ? "cn.com.amazonaws." : "com.amazonaws.") + region + "." + id;
    }

    /** Whether an endpoint's service name is this service in this region, whatever its prefix. */
    public boolean isServedBy(String endpointServiceName, String region) {
        return endpointServiceName != null && endpointServiceName.endsWith("." + region + "." + id);
    }

    public static Optional<EndpointService> fromId(String id) {
        for (EndpointService service : values()) {
            if (service.id.equals(id)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
