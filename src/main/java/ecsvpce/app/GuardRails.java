package ecsvpce.app;

import ecsvpce.app.port.StoppedTask;
import ecsvpce.core.plan.ResourceTags;
import java.util.Map;
import java.util.Optional;

/**
 * What a team told the product to leave alone, for both functions in the same words: a task or
 * service tagged {@code ecs-vpce-remediator:skip}, a VPC outside {@code ALLOWED_VPC_IDS}. (A VPC or
 * subnet tagged to be skipped is read and diagnosed, so the planner holds it back.)
 */
final class GuardRails {
    private final Settings settings;

    GuardRails(Settings settings) {
        this.settings = settings;
    }

    Optional<String> task(StoppedTask task) {
        return tagged("task " + task.taskArn(), task.tags());
    }

    Optional<String> service(String serviceName, Map<String, String> tags) {
        return tagged("service " + serviceName, tags);
    }

    Optional<String> vpc(String vpcId) {
        return settings.allows(vpcId) ? Optional.empty()
                : Optional.of("VPC " + vpcId + " is not in " + Settings.ALLOWED_VPC_IDS + ": left alone");
    }

    private static Optional<String> tagged(String what, Map<String, String> tags) {
        return ResourceTags.optsOut(tags) ? Optional.of(what + " is tagged " + ResourceTags.SKIP + ": left alone")
                : Optional.empty();
    }
}
