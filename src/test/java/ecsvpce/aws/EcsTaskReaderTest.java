package ecsvpce.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import ecsvpce.app.port.ServiceNetwork;
import ecsvpce.app.port.StoppedTask;
import ecsvpce.core.network.PublicIp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * The stopped task as AWS's {@code DescribeTasks} answers it, and its service as {@code DescribeServices}
 * does: every field the remediation decides on comes from here, Exec included (moto 5.2.1 omits
 * {@code enableExecuteCommand}; AWS answers it for every task: docs/testing.md lists the difference).
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

    @Test
    void aServicesNetworkIsThatOfTheDeploymentThatStartedTheTaskPublicIpIncluded() {
        answerService(Service.builder().serviceName("web").tags(Tag.builder().key("team").value("a").build())
                .networkConfiguration(awsvpc("DISABLED", List.of("subnet-now"), List.of("sg-now")))
                .deployments(Deployment.builder().id("ecs-svc/1").networkConfiguration(
                        awsvpc("DISABLED", List.of("subnet-1", "subnet-2"), List.of("sg-1"))).build()).build());

        assertThat(new EcsTaskReader(ecs).service(CLUSTER, "web", "ecs-svc/1")).contains(new ServiceNetwork(
                List.of("sg-1"), List.of("subnet-1", "subnet-2"), PublicIp.NOT_ASSIGNED, Map.of("team", "a")));
        assertThat(new EcsTaskReader(ecs).service(CLUSTER, "web", "ecs-svc/gone")).hasValueSatisfying(network -> {
            assertThat(network.subnetIds()).containsExactly("subnet-now");
            assertThat(network.securityGroupIds()).containsExactly("sg-now");
        });
    }

    /**
     * AWS answers {@code assignPublicIp} for every awsvpc service, DISABLED when it was left out; moto 5.2.1
     * answers it only when it was given (docs/testing.md): nothing said stays unknown.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(value = {"ENABLED, ASSIGNED", "DISABLED, NOT_ASSIGNED", "NULL, UNKNOWN"}, nullValues = "NULL")
    void whetherTheTasksGetAPublicIpIsAwssAnswer(String assignPublicIp, PublicIp publicIp) {
        answerService(Service.builder().serviceName("web")
                .networkConfiguration(awsvpc(assignPublicIp, List.of("subnet-1"), List.of())).build());

        assertThat(new EcsTaskReader(ecs).service(CLUSTER, "web", null)).map(ServiceNetwork::publicIp)
                .contains(publicIp);
    }

    private void answerService(Service service) {
        doAnswer(call -> DescribeServicesResponse.builder().services(service).build())
                .when(ecs).describeServices(any(DescribeServicesRequest.class));
    }

    private static NetworkConfiguration awsvpc(String assignPublicIp, List<String> subnets, List<String> groups) {
        return NetworkConfiguration.builder().awsvpcConfiguration(a -> a.subnets(subnets).securityGroups(groups)
                .assignPublicIp(assignPublicIp)).build();
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
