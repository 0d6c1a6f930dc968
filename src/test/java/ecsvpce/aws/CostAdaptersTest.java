package ecsvpce.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import ecsvpce.app.port.BatchEnvironments.FargateJobDefinition;
import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.ScheduledTask;
import ecsvpce.core.EndpointService;
import ecsvpce.core.cost.InterfaceEndpoint;
import ecsvpce.core.cost.Traffic;
import ecsvpce.core.needs.NeedsAnalyzer;
import ecsvpce.core.needs.TaskLaunch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.batch.model.JobDefinition;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DeleteVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcEndpointsResponse;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** The cost side's adapters against mocked SDK clients: what moto cannot show. */
class CostAdaptersTest {
    private static final String CLUSTER = "arn:aws:ecs:eu-central-1:111122223333:cluster/jobs";
    private static final String REGION = "eu-central-1";

    @Test
    void ruleTargetsOnEveryBusArePagedAndOnlyFargateAwsvpcTasksOnTheClustersCount() {
        EventBridgeClient events = mock(EventBridgeClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
        doAnswer(call -> ((ListEventBusesRequest) call.getArgument(0)).nextToken() == null
                ? ListEventBusesResponse.builder().eventBuses(b -> b.name("default")).nextToken("p2").build()
                : ListEventBusesResponse.builder().eventBuses(b -> b.name("orders")).build())
                .when(events).listEventBuses(any(ListEventBusesRequest.class));
        List<String> asked = new ArrayList<>();
        doAnswer(call -> {
            ListRuleNamesByTargetRequest request = call.getArgument(0);
            asked.add(request.eventBusName());
            return ListRuleNamesByTargetResponse.builder().ruleNames(request.eventBusName().equals("orders")
                    ? List.of("on-order") : List.of("nightly")).build();
        }).when(events).listRuleNamesByTarget(any(ListRuleNamesByTargetRequest.class));
        doAnswer(call -> {
            ListTargetsByRuleRequest request = call.getArgument(0);
            return ListTargetsByRuleResponse.builder().targets(request.rule().equals("nightly")
                    ? List.of(fargateTarget("1", "FARGATE"), fargateTarget("2", "EC2"))
                    : List.of(fargateTarget("3", null), Target.builder().id("4").arn("arn:aws:sqs:eu-central-1:1:q").build()))
                    .build();
        }).when(events).listTargetsByRule(any(ListTargetsByRuleRequest.class));

        List<ScheduledTask> tasks = new EventBridgeRuleTargets(events).fargateTasks(List.of(CLUSTER));

        assertThat(asked).containsExactly("default", "orders");
        assertThat(tasks).extracting(ScheduledTask::id).containsExactly(
                "arn:aws:events:eu-central-1:111122223333:rule/nightly#1",
                "arn:aws:events:eu-central-1:111122223333:rule/orders/on-order#3");
        assertThat(tasks.get(0).subnetIds()).containsExactly("subnet-1");
    }

    /** @param launchType null: a FARGATE_SPOT capacity provider instead */
    private static Target fargateTarget(String id, String launchType) {
        return Target.builder().id(id).arn(CLUSTER).ecsParameters(e -> {
            e.taskDefinitionArn("arn:aws:ecs:eu-central-1:111122223333:task-definition/nightly")
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")));
            if (launchType == null) {
                e.capacityProviderStrategy(c -> c.capacityProvider("FARGATE_SPOT"));
            } else {
                e.launchType(launchType);
            }
        }).build();
    }

    @Test
    void aBatchJobDefinitionWithoutLogConfigurationLogsWithAwslogsAndMultiContainerJobsCount() {
        JobDefinition single = JobDefinition.builder().jobDefinitionArn("arn:aws:batch:eu-central-1:1:job-definition/a:1")
                .containerProperties(c -> c.image("111122223333.dkr.ecr.eu-central-1.amazonaws.com/a:1")
                        .fargatePlatformConfiguration(f -> f.platformVersion("1.3.0"))).build();
        JobDefinition multi = JobDefinition.builder().jobDefinitionArn("arn:aws:batch:eu-central-1:1:job-definition/b:1")
                .ecsProperties(e -> e.taskProperties(t -> t.containers(c -> c.name("main").image("busybox")
                        .secrets(s -> s.name("T").valueFrom("arn:aws:secretsmanager:eu-central-1:1:secret:t"))))).build();

        FargateJobDefinition a = BatchFargateReader.asTaskDefinition(single);
        FargateJobDefinition b = BatchFargateReader.asTaskDefinition(multi);

        assertThat(needs(a)).containsExactlyInAnyOrder(EndpointService.ECR_DKR, EndpointService.S3, EndpointService.LOGS);
        assertThat(needs(b)).containsExactlyInAnyOrder(EndpointService.SECRETSMANAGER, EndpointService.LOGS);
    }

    private static java.util.Set<EndpointService> needs(FargateJobDefinition job) {
        return NeedsAnalyzer.analyze(job.definition(), new TaskLaunch(REGION, job.platformVersion(), null, false, null))
                .services();
    }

    private static InterfaceEndpoint endpoint(String id) {
        return new InterfaceEndpoint(id, "vpc-1", "com.amazonaws." + REGION + ".kms", "available", List.of("subnet-1"),
                List.of(REGION + "a"), Instant.EPOCH, Map.of());
    }

    @Test
    void theMetricIsReadWithTheExactDimensionSetFiveHundredAtATimeAndWhatCannotBeReadIsUnread() {
        CloudWatchClient cloudWatch = mock(CloudWatchClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
        List<GetMetricDataRequest> requests = new ArrayList<>();
        doAnswer(call -> {
            GetMetricDataRequest request = call.getArgument(0);
            requests.add(request);
            if (requests.size() == 2) {
                throw CloudWatchException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDenied").errorMessage("no").build()).build();
            }
            return GetMetricDataResponse.builder().metricDataResults(
                    MetricDataResult.builder().id("e0").values(2.0, 3.0).statusCode("Complete").build(),
                    MetricDataResult.builder().id("e1").statusCode("Forbidden").build()).build();
        }).when(cloudWatch).getMetricData(any(GetMetricDataRequest.class));
        List<InterfaceEndpoint> endpoints = java.util.stream.IntStream.range(0, 501).mapToObj(i -> endpoint("vpce-" + i)).toList();

        Traffic traffic = new Ec2InterfaceEndpoints(mock(Ec2Client.class), cloudWatch)
                .bytesProcessed(endpoints, Instant.EPOCH, Instant.EPOCH.plusSeconds(86_400));

        assertThat(requests).extracting(r -> r.metricDataQueries().size()).containsExactly(500, 1);
        assertThat(requests.get(0).metricDataQueries().get(0).metricStat().metric().dimensions())
                .extracting(d -> d.name() + "=" + d.value()).containsExactly("Endpoint Type=Interface",
                        "Service Name=com.amazonaws.eu-central-1.kms", "VPC Endpoint Id=vpce-0", "VPC Id=vpc-1");
        assertThat(traffic.bytesOf("vpce-0")).contains(5L);
        assertThat(traffic.bytesOf("vpce-2")).as("no datapoint in a metric that was read").contains(0L);
        assertThat(traffic.bytesOf("vpce-1")).isEmpty();
        assertThat(traffic.unreadReason("vpce-1")).contains("Forbidden");
        assertThat(traffic.unreadReason("vpce-500")).contains("cloudwatch:GetMetricData was denied");
    }

    @Test
    void aDeleteAwsAnswersAsUnsuccessfulIsARefusal() {
        Ec2Client ec2 = mock(Ec2Client.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
        doReturn(DeleteVpcEndpointsResponse.builder().unsuccessful(u -> u.resourceId("vpce-1")
                .error(e -> e.code("InvalidVpcEndpoint.NotFound").message("gone"))).build())
                .when(ec2).deleteVpcEndpoints(any(DeleteVpcEndpointsRequest.class));

        assertThatThrownBy(() -> new Ec2InterfaceEndpoints(ec2, mock(CloudWatchClient.class)).delete("vpce-1"))
                .isInstanceOfSatisfying(CallFailure.Refused.class, refused -> {
                    assertThat(refused.errorCode()).isEqualTo("InvalidVpcEndpoint.NotFound");
                    assertThat(refused.iamAction()).isEqualTo("ec2:DeleteVpcEndpoints");
                });
    }
}
