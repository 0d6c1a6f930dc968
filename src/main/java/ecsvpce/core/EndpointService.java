package ecsvpce.core;

import java.util.Optional;

/**
 * An AWS service a Fargate task may have to reach while it starts, and the endpoint type that
 * serves it from an isolated subnet.
 */
public enum EndpointService {
    ECR_DKR("ecr.dkr", "*.dkr.ecr", EndpointType.INTERFACE),
    ECR_API("ecr.api", "api.ecr", EndpointType.INTERFACE),
    S3("s3", "s3", EndpointType.GATEWAY),
    LOGS("logs", "logs", EndpointType.INTERFACE),
    SSM("ssm", "ssm", EndpointType.INTERFACE),
    SECRETSMANAGER("secretsmanager", "secretsmanager", EndpointType.INTERFACE),
    SSMMESSAGES("ssmmessages", "ssmmessages", EndpointType.INTERFACE),
    /** Only for ECS Exec with a customer KMS key: the Exec session's key is used from the task. */
    KMS("kms", "kms", EndpointType.INTERFACE);

    private final String id;
    private final String dnsPrefix;
    private final EndpointType requiredType;

    EndpointService(String id, String dnsPrefix, EndpointType requiredType) {
        this.id = id;
        this.dnsPrefix = dnsPrefix;
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

    /**
     * The name the service answers to in a region, as its interface endpoint's private DNS declares
     * it (ECR's registry is {@code *.dkr.ecr...}: one name per registry account).
     */
    public String dnsName(String region) {
        return dnsPrefix + "." + region + (region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com");
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
