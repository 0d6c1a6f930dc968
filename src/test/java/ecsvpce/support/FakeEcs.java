package ecsvpce.support;

import ecsvpce.app.port.StoppedTask;
import ecsvpce.testing.FargateScenario;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * The ECS side of the seed article, in memory: one cluster, one Fargate service {@code web} whose
 * task definition needs ecr.dkr, ecr.api, s3, logs, ssm and secretsmanager, and its stopped tasks.
 * Only the three reads {@code EcsTaskReader} makes are answered.
 */
public final class FakeEcs implements EcsClient {
    static final String REGION = "us-east-1";
    static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/app-cluster";
    static final String TASK_DEFINITION_ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/app:1";
    static final String SERVICE = "web";

    private static final String REASON = FargateScenario.SEED_SECRETS_MANAGER_REASON;

    private final AtomicInteger taskNumbers = new AtomicInteger();
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final List<String> taskSecurityGroups;

    /** @param taskSecurityGroups the groups the service gives its tasks */
    public FakeEcs(List<String> taskSecurityGroups) {
        this.taskSecurityGroups = List.copyOf(taskSecurityGroups);
    }

    /** A task of service {@code web} that failed to start in this subnet, as its event describes it. */
    public StoppedTask stoppedTask(String subnetId, String availabilityZone) {
        int number = taskNumbers.incrementAndGet();
        String taskArn = "arn:aws:ecs:us-east-1:123456789012:task/app-cluster/" + String.format("%032x", number);
        Task task = Task.builder()
                .taskArn(taskArn).clusterArn(CLUSTER_ARN).taskDefinitionArn(TASK_DEFINITION_ARN)
                .lastStatus("STOPPED").desiredStatus("STOPPED").stopCode(TaskStopCode.TASK_FAILED_TO_START)
                .stoppedReason(REASON).launchType(LaunchType.FARGATE).platformVersion("1.4.0")
                .availabilityZone(availabilityZone).group("service:" + SERVICE).startedBy("ecs-svc/1234567890")
                .attachments(Attachment.builder().type("ElasticNetworkInterface").status("DELETED")
                        .details(KeyValuePair.builder().name("subnetId").value(subnetId).build(),
                                KeyValuePair.builder().name("networkInterfaceId").value("eni-" + number).build())
                        .build())
                .build();
        tasks.put(taskArn, task);
        return StoppedTask.builder().taskArn(taskArn).clusterArn(CLUSTER_ARN).taskDefinitionArn(TASK_DEFINITION_ARN)
                .lastStatus("STOPPED").stopCode("TaskFailedToStart").stoppedReason(REASON).launchType("FARGATE")
                .platformVersion("1.4.0").availabilityZone(availabilityZone).group("service:" + SERVICE)
                .startedBy("ecs-svc/1234567890").subnetId(subnetId).networkInterfaceId("eni-" + number).build();
    }

    @Override
    public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
        return DescribeTasksResponse.builder()
                .tasks(request.tasks().stream().map(tasks::get).filter(t -> t != null).toList()).build();
    }

    @Override
    public DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request) {
        ContainerDefinition app = ContainerDefinition.builder()
                .name("app").image(FargateScenario.DEFAULT_IMAGE).essential(true)
                .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of(
                        "awslogs-group", "/ecs/app", "awslogs-region", REGION, "awslogs-stream-prefix", "app")))
                .secrets(Secret.builder().name("DB_USER").valueFrom(FargateScenario.SSM_PARAMETER_ARN).build(),
                        Secret.builder().name("DB_PASS").valueFrom(FargateScenario.SECRET_ARN).build())
                .build();
        return DescribeTaskDefinitionResponse.builder().taskDefinition(TaskDefinition.builder()
                .taskDefinitionArn(TASK_DEFINITION_ARN).family("app").containerDefinitions(app).build()).build();
    }

    @Override
    public DescribeServicesResponse describeServices(DescribeServicesRequest request) {
        return DescribeServicesResponse.builder().services(Service.builder()
                .serviceName(SERVICE).clusterArn(CLUSTER_ARN)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.securityGroups(taskSecurityGroups)))
                .build()).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
