package ecsvpce.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ecsvpce.testing.EndpointSpec.SecurityGroupChoice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** The fixture's variants do what their names say, as read back from moto. */
@MotoTest
class FargateScenarioIT {

    private final Ec2Client ec2 = FixtureClients.ec2();
    private final EcsClient ecs = FixtureClients.ecs();

    @AfterEach
    void closeClients() {
        ec2.close();
        ecs.close();
    }

    @Test
    void sdkAndChildProcessSettingsPointAtTheServer(MotoServer moto) {
        assertThat(System.getProperty("aws.endpointUrl")).isEqualTo(moto.endpointUrl()).startsWith("http://127.0.0.1:");
        assertThat(moto.environment()).containsEntry("AWS_ENDPOINT_URL", moto.endpointUrl())
                .containsEntry("AWS_REGION", "us-east-1")
                .containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        assertThat(ec2.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
        assertThat(ec2.describeVpcs().vpcs()).isNotEmpty();   // moto's default VPC, so it answers
    }

    @Test
    void dnsHostnamesOffStaysOffAroundRunTask() {
        FargateScenario s = FargateScenario.seedEndpointsAllOn().dnsHostnames(false).create(ec2, ecs);
        assertThat(s.readBack().dnsAttributes()).isEqualTo(new VpcReadBack.DnsAttributes(true, false));
        assertThat(s.readBack().endpoints()).filteredOn(VpcReadBack.Endpoint::isInterface)
                .hasSize(5).allMatch(VpcReadBack.Endpoint::privateDns);

        TaskStoppedEvent event = s.runAndStopTask("ResourceInitializationError: unable to pull secrets or registry auth");

        assertThat(event.detail().path("availabilityZone").asText()).isEqualTo("us-east-1a");
        assertThat(s.readBack().dnsAttributes()).isEqualTo(new VpcReadBack.DnsAttributes(true, false));
    }

    @Test
    void serviceTasksRunInTheServiceGroupWithExec() {
        FargateScenario s = FargateScenario.builder().service("web").executeCommand().platformVersion("LATEST")
                .create(ec2, ecs);

        var service = ecs.describeServices(r -> r.cluster(s.clusterArn()).services("web")).services().get(0);
        assertThat(service.serviceArn()).isEqualTo(s.serviceArn().orElseThrow());
        assertThat(service.networkConfiguration().awsvpcConfiguration().subnets()).containsExactly(s.subnetId());
        assertThat(service.networkConfiguration().awsvpcConfiguration().securityGroups())
                .containsExactly(s.taskSecurityGroupId());

        JsonNode detail = s.runAndStopTask("CannotPullContainerError: pull image manifest has been retried").detail();
        assertThat(detail.path("group").asText()).isEqualTo("service:web");
        assertThat(detail.path("startedBy").asText()).startsWith("ecs-svc/");
        assertThat(detail.path("enableExecuteCommand").asBoolean()).isTrue();
        assertThat(detail.path("platformVersion").asText()).isEqualTo("LATEST");
    }

    @Test
    void routeVariants() {
        FargateScenario igw = FargateScenario.builder().internetGatewayRoute().create(ec2, ecs);
        assertThat(igw.readBack().routes(igw.routeTableId()))
                .contains(new VpcReadBack.RouteView("0.0.0.0/0", igw.internetGatewayId().orElseThrow()));

        FargateScenario nat = FargateScenario.builder().namePrefix("nat").natGatewayRoute().create(ec2, ecs);
        assertThat(nat.readBack().routes(nat.routeTableId()))
                .contains(new VpcReadBack.RouteView("0.0.0.0/0", nat.natGatewayId().orElseThrow()));
        assertThat(nat.readBack().routes(nat.routeTableId("public")))
                .contains(new VpcReadBack.RouteView("0.0.0.0/0", nat.internetGatewayId().orElseThrow()));

        FargateScenario main = FargateScenario.builder().namePrefix("main").subnetOnMainRouteTable()
                .endpoint(EndpointSpec.gateway("s3").mainRouteTable()).create(ec2, ecs);
        assertThat(main.routeTableId()).isEqualTo(main.mainRouteTableId());
        assertThat(main.readBack().routeTableOf(main.subnetId())).isEqualTo(main.mainRouteTableId());
        assertThat(main.readBack().endpoint("s3").orElseThrow().routeTableIds()).containsExactly(main.mainRouteTableId());
        assertThat(main.readBack().routes(main.mainRouteTableId())).anyMatch(r -> r.destination().startsWith("pl-"));
    }

    @Test
    void securityGroupVariants() {
        FargateScenario s = FargateScenario.builder()
                .taskEgressTcp(443, "10.0.0.0/16")
                .endpoint(EndpointSpec.interfaceEndpoint("ssm").securityGroup(SecurityGroupChoice.NO_HTTPS))
                .endpoint(EndpointSpec.interfaceEndpoint("logs").securityGroup(SecurityGroupChoice.VPC_DEFAULT))
                .create(ec2, ecs);
        VpcReadBack vpc = s.readBack();

        var task = vpc.securityGroup(s.taskSecurityGroupId());
        assertThat(task.egress()).containsExactly(
                new VpcReadBack.Rule("tcp", 443, 443, List.of("10.0.0.0/16"), List.of(), List.of()));
        assertThat(task.letsOutTcp(443)).isTrue();
        assertThat(task.letsOutTcp(80)).isFalse();

        String noHttps = vpc.endpoint("ssm").orElseThrow().securityGroupIds().get(0);
        assertThat(noHttps).isEqualTo(s.noHttpsSecurityGroupId().orElseThrow());
        assertThat(vpc.securityGroup(noHttps).admitsTcp(443)).isFalse();
        assertThat(vpc.securityGroup(noHttps).admitsTcp(80)).isTrue();
        assertThat(vpc.endpoint("logs").orElseThrow().securityGroupIds()).containsExactly(s.defaultSecurityGroupId());

        FargateScenario closed = FargateScenario.builder().namePrefix("closed").taskEgressNone().create(ec2, ecs);
        assertThat(closed.readBack().securityGroup(closed.taskSecurityGroupId()).egress()).isEmpty();
    }

    @Test
    void taskDefinitionVariants() {
        FargateScenario s = FargateScenario.builder()
                .image("docker.io/library/nginx:1.27")
                .container("envoy", "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29")
                .noSecrets()
                .secret("TOKEN", "app/token")
                .repositoryCredentials("arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-AbCdEf")
                .environmentFile("arn:aws:s3:::app-config/app.env")
                .logRegion("eu-west-1")
                .platformVersion("1.3.0")
                .cpuMemory("512", "1024")
                .create(ec2, ecs);

        TaskDefinition definition = ecs.describeTaskDefinition(r -> r.taskDefinition(s.taskDefinitionArn())).taskDefinition();
        assertThat(definition.cpu()).isEqualTo("512");
        assertThat(definition.containerDefinitions()).hasSize(2);
        var app = definition.containerDefinitions().get(0);
        assertThat(app.image()).isEqualTo("docker.io/library/nginx:1.27");
        assertThat(app.memory()).isEqualTo(512);
        assertThat(app.secrets()).hasSize(1).allMatch(x -> x.valueFrom().equals("app/token"));
        assertThat(app.repositoryCredentials().credentialsParameter()).contains("dockerhub");
        assertThat(app.environmentFiles()).hasSize(1);
        assertThat(app.logConfiguration().options()).containsEntry("awslogs-region", "eu-west-1");

        JsonNode detail = s.runAndStopTask("CannotPullContainerError: dial tcp: i/o timeout").detail();
        assertThat(detail.path("platformVersion").asText()).isEqualTo("1.3.0");
        assertThat(detail.path("containers")).hasSize(2);
        assertThat(detail.path("containers").get(1).path("name").asText()).isEqualTo("envoy");
        assertThat(detail.path("cpu").asText()).isEqualTo("512");

        FargateScenario bare = FargateScenario.builder().namePrefix("bare").noLogs().noSecrets().create(ec2, ecs);
        var bareApp = ecs.describeTaskDefinition(r -> r.taskDefinition(bare.taskDefinitionArn()))
                .taskDefinition().containerDefinitions().get(0);
        assertThat(bareApp.logConfiguration()).isNull();
        assertThat(bareApp.secrets()).isEmpty();
    }

    @Test
    void taskInAnotherSubnet() {
        FargateScenario s = FargateScenario.builder().extraSubnet("private-b", "us-east-1b", "10.0.2.0/24")
                .endpoint(EndpointSpec.interfaceEndpoint("ssm").inSubnets("private-a", "private-b"))
                .create(ec2, ecs);
        assertThat(s.readBack().endpoint("ssm").orElseThrow().subnetIds())
                .containsExactly(s.subnetId(), s.subnetId("private-b"));
        assertThat(s.routeTableId("private-b")).isNotEqualTo(s.routeTableId()).isNotEqualTo(s.mainRouteTableId());

        TaskStoppedEvent event = s.runAndStopTask("private-b", "ResourceInitializationError: unable to retrieve secrets from ssm");

        assertThat(event.subnetId()).isEqualTo(s.subnetId("private-b"));
        assertThat(event.availabilityZone()).isEqualTo("us-east-1b");
        Map<String, String> details = new java.util.HashMap<>();
        event.detail().path("attachments").get(0).path("details")
                .forEach(d -> details.put(d.path("name").asText(), d.path("value").asText()));
        assertThat(details.get("subnetId")).isEqualTo(s.subnetId("private-b"));
        assertThat(details.get("privateIPv4Address")).startsWith("10.0.2.");
    }

    @Test
    void builderCanBeReused() {
        FargateScenarioBuilder builder = FargateScenario.seedArticle();
        FargateScenario first = builder.create(ec2, ecs);
        builder.withoutEndpoint("secretsmanager").namePrefix("second").clusterName("other");
        FargateScenario second = builder.create(ec2, ecs);

        assertThat(first.readBack().endpointCount("secretsmanager")).isEqualTo(1);
        assertThat(second.readBack().endpointCount("secretsmanager")).isZero();
        assertThat(first.vpcId()).isNotEqualTo(second.vpcId());
    }

    @Test
    void addressInStaysInsideTheSubnet() {
        for (String seed : List.of("a", "b", "arn:aws:ecs:us-east-1:123456789012:task/app/1", "")) {
            assertThat(TaskStoppedEvent.addressIn("10.0.1.0/24", seed)).matches("10\\.0\\.1\\.([4-9]|[1-9]\\d|1\\d\\d|2[0-4]\\d|25[0-4])");
        }
        assertThat(TaskStoppedEvent.addressIn("10.0.0.0/28", "x")).matches("10\\.0\\.0\\.([4-9]|1[0-4])");
    }
}
