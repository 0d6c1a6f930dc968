package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskEligibilityTest {
    private static final StoppedTask FAILED_TO_START = new StoppedTask(
            "arn:aws:ecs:us-east-1:1:task/c/t", "arn:aws:ecs:us-east-1:1:cluster/c", "arn:td", "STOPPED",
            "TaskFailedToStart", "ResourceInitializationError: unable to pull secrets or registry auth", "FARGATE",
            null, "1.4.0", "Linux", "us-east-1a", "service:web", "ecs-svc/1", false, "subnet-1", "eni-1", Map.of());

    @Test
    void aFargateTaskThatFailedToStartIsOurs() {
        assertThat(TaskEligibility.skipReason(FAILED_TO_START)).isEmpty();
    }

    @Test
    void aFargateCapacityProviderTaskIsOursToo() {
        assertThat(TaskEligibility.skipReason(with(FAILED_TO_START, null, "FARGATE_SPOT", "STOPPED",
                "TaskFailedToStart", "subnet-1"))).isEmpty();
    }

    @Test
    void everythingElseIsSkippedWithTheReason() {
        assertThat(TaskEligibility.skipReason(with(FAILED_TO_START, "EC2", null, "STOPPED", "TaskFailedToStart", "subnet-1")))
                .hasValueSatisfying(r -> assertThat(r).contains("not a Fargate task"));
        assertThat(TaskEligibility.skipReason(with(FAILED_TO_START, "FARGATE", null, "RUNNING", "TaskFailedToStart", "subnet-1")))
                .hasValueSatisfying(r -> assertThat(r).contains("RUNNING"));
        assertThat(TaskEligibility.skipReason(with(FAILED_TO_START, "FARGATE", null, "STOPPED", "TaskFailedToStart", null)))
                .hasValueSatisfying(r -> assertThat(r).contains("subnetId"));
        StoppedTask exited = new StoppedTask("t", "c", "td", "STOPPED", "EssentialContainerExited",
                "Essential container in task exited", "FARGATE", null, "1.4.0", null, null, null, null, false,
                "subnet-1", null, Map.of());
        assertThat(TaskEligibility.skipReason(exited))
                .hasValueSatisfying(r -> assertThat(r).contains("did not fail to start").contains("Essential container"));
    }

    private static StoppedTask with(StoppedTask t, String launchType, String capacityProvider, String lastStatus,
                                    String stopCode, String subnetId) {
        return new StoppedTask(t.taskArn(), t.clusterArn(), t.taskDefinitionArn(), lastStatus, stopCode,
                t.stoppedReason(), launchType, capacityProvider, t.platformVersion(), t.platformFamily(),
                t.availabilityZone(), t.group(), t.startedBy(), t.executeCommandEnabled(), subnetId,
                t.networkInterfaceId(), t.tags());
    }
}
