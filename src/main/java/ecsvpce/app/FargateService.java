package ecsvpce.app;

import java.util.List;

/**
 * A Fargate service in awsvpc mode, as the sweep checks it.
 *
 * @param platformVersion as set on the service: {@code LATEST}, a version, or null (unset)
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
        boolean executeCommandEnabled) {

    public FargateService {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
    }
}
