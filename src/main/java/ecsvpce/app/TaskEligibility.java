package ecsvpce.app;

import ecsvpce.core.failure.Redaction;
import ecsvpce.core.failure.StopReasonClassifier;
import java.util.Optional;

/** Decides whether a stopped task is one the remediator looks at, and says why not otherwise. */
public final class TaskEligibility {
    private static final int QUOTED_REASON_LIMIT = 200;

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
        boolean fargate = "FARGATE".equals(task.launchType())
                || (task.capacityProviderName() != null && task.capacityProviderName().startsWith("FARGATE"));
        if (!fargate) {
            return Optional.of("not a Fargate task (launchType " + task.launchType() + ")");
        }
        if (task.subnetId() == null) {
            return Optional.of("the task has no awsvpc network interface with a subnetId");
        }
        return Optional.empty();
    }

    private static String quoted(String reason) {
        if (reason == null) {
            return "none";
        }
        String redacted = Redaction.redact(reason);
        return "'" + (redacted.length() > QUOTED_REASON_LIMIT ? redacted.substring(0, QUOTED_REASON_LIMIT) + "..." : redacted) + "'";
    }
}
