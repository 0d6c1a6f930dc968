package ecsvpce.app;

import ecsvpce.app.port.StoppedTask;
import ecsvpce.core.failure.StopReasonClassifier;
import java.util.Optional;
import java.util.regex.Pattern;

/** Decides whether a stopped task is one the remediator looks at, and says why not otherwise. */
public final class TaskEligibility {
    private static final int QUOTED_REASON_LIMIT = 200;
    // The shape of ECS ARNs (cluster names and task ids are letters, digits, '-' and '_'): anything
    // else is a hand-made event, and is not sent to AWS. Lenient on purpose: ECS judges the ids.
    private static final String ECS_ARN_PREFIX = "arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{1,12}:";
    private static final Pattern TASK_ARN = Pattern.compile(
            ECS_ARN_PREFIX + "task/(?:[A-Za-z0-9_-]{1,255}/)?[A-Za-z0-9_-]{1,255}");
    private static final Pattern CLUSTER_ARN = Pattern.compile(ECS_ARN_PREFIX + "cluster/[A-Za-z0-9_-]{1,255}");

    private TaskEligibility() {
    }

    public static Optional<String> skipReason(StoppedTask task) {
        if (task.taskArn() == null || task.clusterArn() == null) {
            return Optional.of("the event's detail has no taskArn or clusterArn");
        }
        if (!"STOPPED".equals(task.lastStatus())) {
            return Optional.of("task is " + (task.lastStatus() == null ? "in no known state" : task.lastStatus())
                    + ", not STOPPED");
        }
        if (!StopReasonClassifier.isStartFailure(task.stopCode(), task.stoppedReason())) {
            return Optional.of("the task did not fail to start (stop reason: "
                    + quoted(task.stoppedReason()) + ")");
        }
        if (!task.isFargate()) {
            return Optional.of("not a Fargate task (launchType " + task.launchType() + ")");
        }
        if (task.subnetId() == null) {
            return Optional.of("the task has no awsvpc network interface with a subnetId");
        }
        if (!TASK_ARN.matcher(task.taskArn()).matches() || !CLUSTER_ARN.matcher(task.clusterArn()).matches()) {
            return Optional.of("the taskArn or clusterArn is not an ECS task or cluster ARN; nothing was asked of AWS");
        }
        return Optional.empty();
    }

    /** A text of the event as a report may quote it: cut, in quotes, or {@code none}. */
    static String quoted(String reason) {
        if (reason == null) {
            return "none";
        }
        // Cut, not redacted: the report's renderer redacts every text once, whatever field it is in.
        return "'" + (reason.length() > QUOTED_REASON_LIMIT ? reason.substring(0, QUOTED_REASON_LIMIT) + "..." : reason) + "'";
    }
}
