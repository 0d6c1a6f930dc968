package ecsvpce.app.port;

import ecsvpce.core.network.OwningService;
import ecsvpce.core.network.PublicIp;
import java.util.List;
import java.util.Map;

/**
 * A Fargate service in awsvpc mode, as the sweep checks it.
 *
 * @param platformVersion as set on the service: {@code LATEST}, a version, or null (unset)
 * @param publicIp        whether its tasks get a public IP, as ECS answers the service's {@code assignPublicIp}
 * @param runningCount    with {@code desiredCount}, whether the service runs all it wants; both 0 when unknown
 */
public record FargateService(
        String clusterArn,
        String serviceArn,
        String serviceName,
        String taskDefinitionArn,
        String platformVersion,
        String platformFamily,
        List<String> subnetIds,
        List<String> securityGroupIds,
        PublicIp publicIp,
        boolean executeCommandEnabled,
        Map<String, String> tags,
        int runningCount,
        int desiredCount) {

    /** The account the service runs in, from its ARN; null when the ARN names none. */
    public String accountId() {
        return Arns.accountOf(serviceArn);
    }

    public FargateService {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** A service whose counts and public IP are not known (taken as running what it wants). */
    public FargateService(String clusterArn, String serviceArn, String serviceName, String taskDefinitionArn,
                          String platformVersion, String platformFamily, List<String> subnetIds,
                          List<String> securityGroupIds, boolean executeCommandEnabled, Map<String, String> tags) {
        this(clusterArn, serviceArn, serviceName, taskDefinitionArn, platformVersion, platformFamily, subnetIds,
                securityGroupIds, PublicIp.UNKNOWN, executeCommandEnabled, tags, 0, 0);
    }

    /** The service as a change to its network configuration names it. */
    public OwningService owner() {
        return new OwningService(clusterArn, serviceName, subnetIds);
    }

    /**
     * Fewer tasks run than the service wants. Where its network lacks a start-up need, every task it
     * starts fails: such a service is failing to start for what the network fix addresses.
     */
    public boolean belowDesiredCount() {
        return runningCount < desiredCount;
    }
}
