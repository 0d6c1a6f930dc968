package ecsvpce.app.port;

import ecsvpce.core.cost.Consumer;
import java.util.List;

/**
 * A Fargate task that an EventBridge rule or an EventBridge Scheduler schedule runs in a VPC: its
 * ECS target, as the rule or schedule names it.
 *
 * @param id              the rule's or schedule's ARN (with the target's id for a rule)
 * @param taskDefinition  an ARN with or without revision, or a family: ECS runs the latest ACTIVE revision then
 * @param platformVersion as the target sets it, or null (LATEST)
 */
public record ScheduledTask(String id, Consumer.Kind kind, String clusterArn, String taskDefinition,
                            String platformVersion, List<String> subnetIds, boolean executeCommandEnabled) {
    public ScheduledTask {
        subnetIds = List.copyOf(subnetIds);
    }
}
