package ecsvpce.core.cost;

import ecsvpce.core.EndpointService;
import java.util.EnumSet;
import java.util.Set;

/**
 * A workload that starts Fargate tasks in a VPC and needs endpoints there to start them: a service,
 * a task an EventBridge rule or a Scheduler schedule runs, or an AWS Batch compute environment.
 *
 * @param id    its ARN
 * @param kind  what it is, for the report
 * @param needs the start-up services it needs
 */
public record Consumer(String id, Kind kind, String vpcId, Set<EndpointService> needs) {

    public enum Kind {
        SERVICE("ECS service"),
        EVENTBRIDGE_RULE("EventBridge rule"),
        SCHEDULE("EventBridge Scheduler schedule"),
        BATCH_COMPUTE_ENVIRONMENT("AWS Batch compute environment");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Consumer {
        needs = needs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(needs));
    }
}
