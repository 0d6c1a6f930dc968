package ecsvpce.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import ecsvpce.app.port.FargateService;
import ecsvpce.core.network.PublicIp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/** The fleet's reads: as few calls as ECS allows, and only Fargate services in awsvpc mode. */
class EcsFleetReaderTest {
    private static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";

    private final EcsClient ecs = mock(EcsClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
    private final List<DescribeServicesRequest> describes = new ArrayList<>();

    @Test
    void servicesAreListedAHundredAPageAndDescribedTenAtATimeWithTheirTags() {
        List<String> arns = IntStream.range(0, 23).mapToObj(i -> arn("s" + i)).toList();
        listServices(arns);
        describeEach(name -> fargate(name).build());

        List<FargateService> services = new EcsFleetReader(ecs).fargateServices(CLUSTER);

        assertThat(services).hasSize(23);
        assertThat(describes).extracting(r -> r.services().size()).containsExactly(10, 10, 3);
        assertThat(describes).allSatisfy(r -> {
            assertThat(r.include()).containsExactly(ServiceField.TAGS);
            assertThat(r.cluster()).isEqualTo(CLUSTER);
        });
    }

    @Test
    void asksForTheLargestPageListServicesAllows() {
        List<ListServicesRequest> lists = new ArrayList<>();
        doAnswer(call -> {
            lists.add(call.getArgument(0));
            return ListServicesResponse.builder().serviceArns(List.of()).build();
        }).when(ecs).listServices(any(ListServicesRequest.class));

        new EcsFleetReader(ecs).fargateServices(CLUSTER);

        assertThat(lists).singleElement().satisfies(r -> assertThat(r.maxResults()).isEqualTo(100));
    }

    @Test
    void keepsActiveFargateServicesInAwsvpcModeOnly() {
        listServices(List.of(arn("web"), arn("spot"), arn("ec2"), arn("draining"), arn("bridge")));
        describeEach(name -> switch (name) {
            case "spot" -> fargate(name).launchType((String) null)
                    .capacityProviderStrategy(c -> c.capacityProvider("FARGATE_SPOT")).build();
            case "ec2" -> fargate(name).launchType(LaunchType.EC2).build();
            case "draining" -> fargate(name).status("DRAINING").build();
            case "bridge" -> fargate(name).networkConfiguration((software.amazon.awssdk.services.ecs.model.NetworkConfiguration) null)
                    .build();
            default -> fargate(name).runningCount(0).desiredCount(2).build();
        });

        List<FargateService> services = new EcsFleetReader(ecs).fargateServices(CLUSTER);

        assertThat(services).extracting(FargateService::serviceName).containsExactly("web", "spot");
        assertThat(services.get(0)).satisfies(web -> {
            assertThat(web.subnetIds()).containsExactly("subnet-1", "subnet-2");
            assertThat(web.securityGroupIds()).containsExactly("sg-1");
            assertThat(web.executeCommandEnabled()).isTrue();
            assertThat(web.tags()).containsEntry("team", "web");
            assertThat(web.platformVersion()).isEqualTo("1.4.0");
            assertThat(web.taskDefinitionArn()).endsWith("task-definition/web:3");
            assertThat(web.belowDesiredCount()).as("runs 0 of 2").isTrue();
        });
        assertThat(services.get(1).belowDesiredCount()).as("no counts given").isFalse();
    }

    @Test
    void whetherTasksGetAPublicIpIsAwssAnswerAndUnknownWhenItSaysNothing() {
        listServices(List.of(arn("public"), arn("private"), arn("unsaid")));
        describeEach(name -> fargate(name).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")
                .assignPublicIp(switch (name) {
                    case "public" -> "ENABLED";
                    case "private" -> "DISABLED";
                    default -> null;
                }))).build());

        assertThat(new EcsFleetReader(ecs).fargateServices(CLUSTER)).extracting(FargateService::publicIp)
                .containsExactly(PublicIp.ASSIGNED, PublicIp.NOT_ASSIGNED, PublicIp.UNKNOWN);
    }

    private void listServices(List<String> arns) {
        doReturn(ListServicesResponse.builder().serviceArns(arns).build())
                .when(ecs).listServices(any(ListServicesRequest.class));
    }

    private void describeEach(java.util.function.Function<String, Service> service) {
        doAnswer(call -> {
            DescribeServicesRequest request = call.getArgument(0);
            describes.add(request);
            return DescribeServicesResponse.builder().services(request.services().stream()
                    .map(arn -> service.apply(arn.substring(arn.lastIndexOf('/') + 1))).toList()).build();
        }).when(ecs).describeServices(any(DescribeServicesRequest.class));
    }

    private static Service.Builder fargate(String name) {
        return Service.builder().serviceName(name).serviceArn(arn(name)).clusterArn(CLUSTER).status("ACTIVE")
                .launchType(LaunchType.FARGATE).platformVersion("1.4.0")
                .taskDefinition("arn:aws:ecs:us-east-1:123456789012:task-definition/" + name + ":3")
                .enableExecuteCommand(true)
                .tags(t -> t.key("team").value(name))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1", "subnet-2")
                        .securityGroups("sg-1")));
    }

    private static String arn(String name) {
        return "arn:aws:ecs:us-east-1:123456789012:service/prod/" + name;
    }
}
