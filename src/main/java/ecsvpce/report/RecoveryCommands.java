package ecsvpce.report;

/** The exact commands a person runs to recover a service, in the service's own Region. */
public final class RecoveryCommands {
    private RecoveryCommands() {
    }

    /** A new deployment of what the service runs now: what the recovery does. */
    public static String forceNewDeployment(String clusterArn, String serviceName) {
        return "aws ecs update-service" + region(clusterArn) + " --cluster " + clusterArn + " --service " + serviceName
                + " --force-new-deployment";
    }

    /** A new deployment of the revision a failed deployment was rolling out: rolling forward. */
    public static String rollForward(String clusterArn, String serviceName, String taskDefinitionArn) {
        return "aws ecs update-service" + region(clusterArn) + " --cluster " + clusterArn + " --service " + serviceName
                + " --task-definition " + taskDefinitionArn + " --force-new-deployment";
    }

    /** {@code --region R} from {@code arn:PARTITION:ecs:R:ACCOUNT:cluster/NAME}; nothing for a bare name. */
    private static String region(String clusterArn) {
        String[] parts = clusterArn == null ? new String[0] : clusterArn.split(":", 6);
        return parts.length == 6 && !parts[3].isEmpty() ? " --region " + parts[3] : "";
    }
}
