package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.port.StoppedTask;
import org.junit.jupiter.api.Test;

class TaskEligibilityTest {
    private static final StoppedTask FAILED_TO_START = failedToStart().build();

    @Test
    void aFargateTaskThatFailedToStartIsOurs() {
        assertThat(TaskEligibility.skipReason(FAILED_TO_START)).isEmpty();
    }

    @Test
    void aFargateCapacityProviderTaskIsOursToo() {
        assertThat(TaskEligibility.skipReason(with(null, "FARGATE_SPOT", "STOPPED",
                "TaskFailedToStart", "subnet-1"))).isEmpty();
    }

    @Test
    void everythingElseIsSkippedWithTheReason() {
        assertThat(TaskEligibility.skipReason(with("EC2", null, "STOPPED", "TaskFailedToStart", "subnet-1")))
                .hasValueSatisfying(r -> assertThat(r).contains("not a Fargate task"));
        assertThat(TaskEligibility.skipReason(with("FARGATE", null, "RUNNING", "TaskFailedToStart", "subnet-1")))
                .hasValueSatisfying(r -> assertThat(r).contains("RUNNING"));
        assertThat(TaskEligibility.skipReason(with("FARGATE", null, "STOPPED", "TaskFailedToStart", null)))
                .hasValueSatisfying(r -> assertThat(r).contains("subnetId"));
        StoppedTask exited = StoppedTask.builder().taskArn("t").clusterArn("c").taskDefinitionArn("td")
                .lastStatus("STOPPED").stopCode("EssentialContainerExited")
                .stoppedReason("Essential container in task exited").launchType("FARGATE").platformVersion("1.4.0")
                .subnetId("subnet-1").build();
        assertThat(TaskEligibility.skipReason(exited))
                .hasValueSatisfying(r -> assertThat(r).contains("did not fail to start").contains("Essential container"));
    }

    @Test
    void anEventWithoutTheIdsOrWithIdsOfAnotherShapeIsSkippedBeforeAskingAws() {
        assertThat(TaskEligibility.skipReason(failedToStart().taskArn(null).build()))
                .hasValue("the event's detail has no taskArn or clusterArn");
        assertThat(TaskEligibility.skipReason(failedToStart().clusterArn(null).build()))
                .hasValue("the event's detail has no taskArn or clusterArn");
        assertThat(TaskEligibility.skipReason(failedToStart().taskArn("arn:aws:ecs:us-east-1:1:task/c/t;rm").build()))
                .hasValueSatisfying(r -> assertThat(r).contains("not an ECS task or cluster ARN"));
    }

    @Test
    void theStopReasonIsQuotedShortAndANoneIsSaidSo() {
        String longReason = "Essential container in task exited: " + "x".repeat(300);
        assertThat(TaskEligibility.skipReason(failedToStart().stopCode(null).stoppedReason(null).build()))
                .hasValue("the task did not fail to start (stop reason: none)");
        assertThat(TaskEligibility.skipReason(failedToStart().stopCode(null).stoppedReason(longReason).build()))
                .hasValue("the task did not fail to start (stop reason: '" + longReason.substring(0, 200) + "...')");
        String exactly = "Scaling activity initiated by deployment " + "y".repeat(200 - 41);
        assertThat(TaskEligibility.skipReason(failedToStart().stopCode(null).stoppedReason(exactly).build()))
                .hasValue("the task did not fail to start (stop reason: '" + exactly + "')");
    }

    private static StoppedTask with(String launchType, String capacityProvider, String lastStatus,
                                    String stopCode, String subnetId) {
        return failedToStart().launchType(launchType).capacityProviderName(capacityProvider).lastStatus(lastStatus)
                .stopCode(stopCode).subnetId(subnetId).build();
    }

    private static StoppedTask.Builder failedToStart() {
        return StoppedTask.builder()
                .taskArn("arn:aws:ecs:us-east-1:1:task/c/t").clusterArn("arn:aws:ecs:us-east-1:1:cluster/c")
                .taskDefinitionArn("arn:td").lastStatus("STOPPED").stopCode("TaskFailedToStart")
                .stoppedReason("ResourceInitializationError: unable to pull secrets or registry auth").launchType("FARGATE")
                .platformVersion("1.4.0").platformFamily("Linux").availabilityZone("us-east-1a").group("service:web")
                .startedBy("ecs-svc/1").subnetId("subnet-1").networkInterfaceId("eni-1");
    }
}
