package ecsvpce.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import ecsvpce.app.port.StoppedTask;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * The stopped task as AWS's {@code DescribeTasks} answers it: every field the remediation decides on
 * comes from here, Exec included (moto 5.2.1 omits {@code enableExecuteCommand}; AWS answers it for
 * every task: docs/testing.md lists the difference).
 */
class EcsTaskReaderTest {
    private static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";
    private static final String TASK = "arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0";

    private final EcsClient ecs = mock(EcsClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
    private final List<DescribeTasksRequest> requests = new ArrayList<>();

    @Test
    void everyFieldIsReadFromAwssAnswerExecIncluded() {
        answer(awsTask().enableExecuteCommand(true).build());

        StoppedTask task = new EcsTaskReader(ecs).describeTask(CLUSTER, TASK).orElseThrow();

        assertThat(task).isEqualTo(StoppedTask.builder().taskArn(TASK).clusterArn(CLUSTER)
                .taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3").lastStatus("STOPPED")
                .stopCode("TaskFailedToStart").stoppedReason("ResourceInitializationError: unable to pull secrets")
                .launchType("FARGATE").platformVersion("1.4.0").platformFamily("Linux").availabilityZone("us-east-1a")
                .group("service:web").startedBy("ecs-svc/1").executeCommandEnabled(true).subnetId("subnet-1")
                .networkInterfaceId("eni-1").tags(java.util.Map.of("team", "a")).build());
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.cluster()).isEqualTo(CLUSTER);
            assertThat(r.tasks()).containsExactly(TASK);
            assertThat(r.include()).containsExactly(TaskField.TAGS);
        });
    }

    @Test
    void execIsOffWhenAwsSaysFalseOrNothing() {
        answer(awsTask().enableExecuteCommand(false).build());
        assertThat(new EcsTaskReader(ecs).describeTask(CLUSTER, TASK).orElseThrow().executeCommandEnabled()).isFalse();

        answer(awsTask().build());
        assertThat(new EcsTaskReader(ecs).describeTask(CLUSTER, TASK).orElseThrow().executeCommandEnabled()).isFalse();
    }

    @Test
    void aTaskAwsAnswersAsMissingIsUnknown() {
        doAnswer(call -> DescribeTasksResponse.builder()
                .failures(Failure.builder().arn(TASK).reason("MISSING").build()).build())
                .when(ecs).describeTasks(any(DescribeTasksRequest.class));

        assertThat(new EcsTaskReader(ecs).describeTask(CLUSTER, TASK)).isEmpty();
    }

    private void answer(Task task) {
        doAnswer(call -> {
            requests.add(call.getArgument(0));
            return DescribeTasksResponse.builder().tasks(task).build();
        }).when(ecs).describeTasks(any(DescribeTasksRequest.class));
    }

    private static Task.Builder awsTask() {
        return Task.builder().taskArn(TASK).clusterArn(CLUSTER)
                .taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3").lastStatus("STOPPED")
                .stopCode(TaskStopCode.TASK_FAILED_TO_START)
                .stoppedReason("ResourceInitializationError: unable to pull secrets").launchType("FARGATE")
                .platformVersion("1.4.0").platformFamily("Linux").availabilityZone("us-east-1a").group("service:web")
                .startedBy("ecs-svc/1").tags(Tag.builder().key("team").value("a").build())
                .attachments(Attachment.builder().type("ElasticNetworkInterface").details(
                        KeyValuePair.builder().name("subnetId").value("subnet-1").build(),
                        KeyValuePair.builder().name("networkInterfaceId").value("eni-1").build()).build());
    }
}
