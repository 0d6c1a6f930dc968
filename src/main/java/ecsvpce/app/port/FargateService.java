package ecsvpce.app.port;

import java.util.List;
import java.util.Map;

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
        boolean executeCommandEnabled,
        Map<String, String> tags) {

    /** The account the service runs in, from its ARN; null when the ARN names none. */
    public String accountId() {
        return Arns.accountOf(serviceArn);
    }

    public FargateService {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
