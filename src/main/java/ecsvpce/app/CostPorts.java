package ecsvpce.app;

import ecsvpce.app.port.BatchEnvironments;
import ecsvpce.app.port.InterfaceEndpoints;
import ecsvpce.app.port.ScheduledTasks;
import java.util.List;

/**
 * What the sweep's cost side reads and changes: the schedulers that run Fargate tasks (EventBridge
 * rules, Scheduler schedules), AWS Batch, the interface endpoints; and its settings.
 */
public record CostPorts(List<ScheduledTasks> schedulers, BatchEnvironments batch, InterfaceEndpoints endpoints,
                        CostSettings settings) {
    public CostPorts {
        schedulers = List.copyOf(schedulers);
    }
}
