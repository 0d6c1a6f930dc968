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

    /** An ECS service, a task an EventBridge rule or Scheduler schedule runs, a Batch compute environment on Fargate. */
    public enum Kind {
        SERVICE,
        EVENTBRIDGE_RULE,
        SCHEDULE,
        BATCH_COMPUTE_ENVIRONMENT
    }

    public Consumer {
        needs = needs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(needs));
    }
}
