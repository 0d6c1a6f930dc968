package ecsvpce.app.port;

import java.util.Collection;
import java.util.List;

/** Standalone Fargate tasks a scheduler runs: EventBridge rules, or EventBridge Scheduler schedules. Read only. */
public interface ScheduledTasks {

    /** What the report calls this source, e.g. {@code EventBridge rules}. */
    String source();

    /**
     * Every Fargate task in awsvpc mode this source runs on one of the clusters.
     *
     * @throws CallFailure when the source cannot be read
     */
    List<ScheduledTask> fargateTasks(Collection<String> clusterArns);
}
