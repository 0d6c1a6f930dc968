package ecsvpce.app;

import java.util.Map;

/**
 * The fields of an ECS task the remediator reads, whether from the EventBridge event's
 * {@code detail} or from {@code DescribeTasks}. Any field may be null; {@link TaskEligibility} decides.
 *
 * @param group     {@code service:NAME} or {@code family:NAME}
 * @param startedBy for service tasks, the deployment id
 * @param tags      the task's tags as ECS reports them (events carry none)
 */
public record StoppedTask(
        String taskArn,
        String clusterArn,
        String taskDefinitionArn,
        String lastStatus,
        String stopCode,
        String stoppedReason,
        String launchType,
        String capacityProviderName,
        String platformVersion,
        String platformFamily,
        String availabilityZone,
        String group,
        String startedBy,
        boolean executeCommandEnabled,
        String subnetId,
        String networkInterfaceId,
        Map<String, String> tags) {

    public StoppedTask {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** This task, with each field it lacks taken from {@code other} (moto, for one, omits some). */
    public StoppedTask withGapsFrom(StoppedTask other) {
        return new StoppedTask(
                first(taskArn, other.taskArn), first(clusterArn, other.clusterArn),
                first(taskDefinitionArn, other.taskDefinitionArn), first(lastStatus, other.lastStatus),
                first(stopCode, other.stopCode), first(stoppedReason, other.stoppedReason),
                first(launchType, other.launchType), first(capacityProviderName, other.capacityProviderName),
                first(platformVersion, other.platformVersion), first(platformFamily, other.platformFamily),
                first(availabilityZone, other.availabilityZone), first(group, other.group),
                first(startedBy, other.startedBy), executeCommandEnabled || other.executeCommandEnabled,
                first(subnetId, other.subnetId), first(networkInterfaceId, other.networkInterfaceId),
                tags.isEmpty() ? other.tags : tags);
    }

    private static String first(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** The service name when the task belongs to a service. */
    public String serviceName() {
        return group != null && group.startsWith("service:") ? group.substring("service:".length()) : null;
    }
}
