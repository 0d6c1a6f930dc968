package ecsvpce.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.testing.EndpointSpec.SecurityGroupChoice;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Proves each patch of {@code src/test/moto/moto_server_ext.py} through the Java SDK: every
 * test names its patch letter, and fails with that patch switched off
 * ({@code MOTO_EXT_DISABLE=<letter> mvn verify -Dit.test=MotoExtensionIT}). The last tests prove
 * the seed fixture and its event.
 */
@MotoTest
class MotoExtensionIT {

    private static final String SSM = "com.amazonaws.us-east-1.ssm";

    private final Ec2Client ec2 = FixtureClients.ec2();
    private final EcsClient ecs = FixtureClients.ecs();

    @AfterEach
    void closeClients() {
        ec2.close();
        ecs.close();
    }

    private FargateScenario scenario(Consumer<FargateScenarioBuilder> options) {
        FargateScenarioBuilder builder = FargateScenario.builder()
                .extraSubnet("private-b", "us-east-1b", "10.0.2.0/24");
        options.accept(builder);
        return builder.create(ec2, ecs);
    }

    private CreateVpcEndpointRequest.Builder ssmEndpoint(FargateScenario s, String... subnetNames) {
        return CreateVpcEndpointRequest.builder()
                .vpcId(s.vpcId())
                .serviceName(SSM)
                .vpcEndpointType(VpcEndpointType.INTERFACE)
                .subnetIds(Arrays.stream(subnetNames).map(s::subnetId).toList())
                .securityGroupIds(s.endpointSecurityGroupId());
    }

    private static TagSpecification runTag(String value) {
        return TagSpecification.builder().resourceType(ResourceType.VPC_ENDPOINT)
                .tags(Tag.builder().key("run").value(value).build()).build();
    }

    private static Ec2Exception ec2Error(Runnable call) {
        Ec2Exception error = catchThrowableOfType(Ec2Exception.class, call::run);
        assertThat(error).as("an EC2 error").isNotNull();
        return error;
    }

    // ------------------------------------------------------------------------------------- a

    @Test
    @DisplayName("a: ModifyVpcEndpoint PrivateDnsEnabled=true turns private DNS on")
    void a_modifyPrivateDnsOn() {
        FargateScenario s = scenario(b -> b.endpoint(EndpointSpec.interfaceEndpoint("ssm").privateDns(false)));

        ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(s.endpointId("ssm")).privateDnsEnabled(true));

        assertThat(s.readBack().endpoint("ssm").orElseThrow().privateDns()).isTrue();
    }

    @Test
    @DisplayName("a: ModifyVpcEndpoint PrivateDnsEnabled=false turns private DNS off")
    void a_modifyPrivateDnsOff() {
        FargateScenario s = scenario(b -> b.endpoint(EndpointSpec.interfaceEndpoint("ssm")));

        ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(s.endpointId("ssm")).privateDnsEnabled(false));

        assertThat(s.readBack().endpoint("ssm").orElseThrow().privateDns()).isFalse();
    }

    // ------------------------------------------------------------------------------------- b

    @Test
    @DisplayName("b: a repeated ClientToken with the same request returns the first endpoint")
    void b_repeatedTokenSameRequestReturnsFirstEndpoint() {
        FargateScenario s = scenario(b -> { });
        // private DNS off, so that without the patch the second call makes a second endpoint
        // (rather than failing on the DNS-domain conflict of patch c)
        CreateVpcEndpointRequest request = ssmEndpoint(s, "private-a").privateDnsEnabled(false)
                .clientToken("remediate-ssm-1").build();

        var first = ec2.createVpcEndpoint(request);
        var second = ec2.createVpcEndpoint(request);

        assertThat(second.vpcEndpoint().vpcEndpointId()).isEqualTo(first.vpcEndpoint().vpcEndpointId());
        assertThat(second.clientToken()).isEqualTo("remediate-ssm-1");
        assertThat(s.readBack().endpointCount("ssm")).isEqualTo(1);
    }

    @Test
    @DisplayName("b: a repeated ClientToken with other tags fails with IdempotentParameterMismatch")
    void b_repeatedTokenOtherParametersFails() {
        FargateScenario s = scenario(b -> { });
        ec2.createVpcEndpoint(ssmEndpoint(s, "private-a").privateDnsEnabled(true).clientToken("tok")
                .tagSpecifications(runTag("1"))
                .build());

        Ec2Exception error = ec2Error(() -> ec2.createVpcEndpoint(ssmEndpoint(s, "private-a").privateDnsEnabled(true)
                .clientToken("tok")
                .tagSpecifications(runTag("2"))
                .build()));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("IdempotentParameterMismatch");
        assertThat(s.readBack().endpointCount("ssm")).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------- c

    @Test
    @DisplayName("c: a second private-DNS endpoint for a service in the VPC is refused (conflicting DNS domain)")
    void c_secondPrivateDnsEndpointIsRefused() {
        FargateScenario s = scenario(b -> b.endpoint(EndpointSpec.interfaceEndpoint("ssm")));

        Ec2Exception error = ec2Error(() -> ec2.createVpcEndpoint(ssmEndpoint(s, "private-b").privateDnsEnabled(true).build()));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(
                "private-dns-enabled cannot be set because there is already a conflicting DNS domain for "
                        + "ssm.us-east-1.amazonaws.com in the VPC " + s.vpcId());
        assertThat(s.readBack().endpointCount("ssm")).isEqualTo(1);
    }

    @Test
    @DisplayName("c: turning private DNS on for a second endpoint of the service is refused")
    void c_enablingPrivateDnsOnSecondEndpointIsRefused() {
        FargateScenario s = scenario(b -> b
                .endpoint(EndpointSpec.interfaceEndpoint("ssm"))
                .additionalEndpoint(EndpointSpec.interfaceEndpoint("ssm").privateDns(false).inSubnets("private-b")));
        String second = s.endpointIds().get("ssm").get(1);

        Ec2Exception error = ec2Error(() -> ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(second).privateDnsEnabled(true)));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
        assertThat(error.awsErrorDetails().errorMessage()).contains("conflicting DNS domain for ssm.us-east-1.amazonaws.com");
        assertThat(s.readBack().endpoints("ssm")).filteredOn(VpcReadBack.Endpoint::privateDns).hasSize(1);
    }

    // ------------------------------------------------------------------------------------- d

    @ParameterizedTest(name = "d: enableDnsSupport={0}, enableDnsHostnames={1}")
    @CsvSource({"true,false", "false,true", "false,false"})
    @DisplayName("d: creating a private-DNS endpoint needs both VPC DNS attributes")
    void d_privateDnsCreateNeedsBothDnsAttributes(boolean support, boolean hostnames) {
        FargateScenario s = scenario(b -> b.dnsSupport(support).dnsHostnames(hostnames));

        Ec2Exception error = ec2Error(() -> ec2.createVpcEndpoint(ssmEndpoint(s, "private-a").privateDnsEnabled(true).build()));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(
                "Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for "
                        + s.vpcId());
        assertThat(s.readBack().endpointCount("ssm")).isZero();
    }

    @Test
    @DisplayName("d: turning private DNS on needs both VPC DNS attributes")
    void d_privateDnsModifyNeedsBothDnsAttributes() {
        FargateScenario s = scenario(b -> b.dnsHostnames(false)
                .endpoint(EndpointSpec.interfaceEndpoint("ssm").privateDns(false)));

        Ec2Exception error = ec2Error(() -> ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(s.endpointId("ssm")).privateDnsEnabled(true)));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
        assertThat(error.awsErrorDetails().errorMessage()).startsWith("Enabling private DNS requires both");
        assertThat(s.readBack().endpoint("ssm").orElseThrow().privateDns()).isFalse();
    }

    // ------------------------------------------------------------------------------------- e

    @Test
    @DisplayName("e: creating an interface endpoint on two subnets of one AZ is refused")
    void e_createOnTwoSubnetsOfOneZoneIsRefused() {
        FargateScenario s = scenario(b -> b.extraSubnet("private-a2", "us-east-1a", "10.0.3.0/24"));

        Ec2Exception error = ec2Error(() -> ec2.createVpcEndpoint(
                ssmEndpoint(s, "private-a", "private-a2").privateDnsEnabled(true).build()));

        assertDuplicateSubnets(error);
        assertThat(s.readBack().endpointCount("ssm")).isZero();
    }

    @Test
    @DisplayName("e: adding a second subnet of one AZ to an interface endpoint is refused")
    void e_addingSubnetOfSameZoneIsRefused() {
        FargateScenario s = scenario(b -> b.extraSubnet("private-a2", "us-east-1a", "10.0.3.0/24")
                .endpoint(EndpointSpec.interfaceEndpoint("logs")));

        Ec2Exception error = ec2Error(() -> ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(s.endpointId("logs"))
                .addSubnetIds(s.subnetId("private-a2"))));

        assertDuplicateSubnets(error);
        assertThat(s.readBack().endpoint("logs").orElseThrow().subnetIds()).containsExactly(s.subnetId());
    }

    private static void assertDuplicateSubnets(Ec2Exception error) {
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("DuplicateSubnetsInSameZone");
        assertThat(error.awsErrorDetails().errorMessage())
                .startsWith("Found another VPC endpoint subnet in the availability zone of subnet-");
    }

    // ------------------------------------------------------------------------------------- f

    @Test
    @DisplayName("f: an interface endpoint created without security groups gets the VPC's default group")
    void f_noGroupsMeansTheDefaultGroup() {
        FargateScenario s = scenario(b -> b.endpoint(EndpointSpec.interfaceEndpoint("ssm").securityGroup(SecurityGroupChoice.NONE)));

        assertThat(s.readBack().endpoint("ssm").orElseThrow().securityGroupIds()).containsExactly(s.defaultSecurityGroupId());
    }

    // ------------------------------------------------------------------------------------- g

    @Test
    @DisplayName("g: adding a route table to a gateway endpoint adds the prefix-list route")
    void g_addingRouteTableAddsPrefixListRoute() {
        FargateScenario s = scenario(b -> b.endpoint(EndpointSpec.gateway("s3").noRouteTables()));
        String endpoint = s.endpointId("s3");
        assertThat(s.readBack().routes(s.routeTableId())).noneMatch(r -> endpoint.equals(r.target()));

        ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint).addRouteTableIds(s.routeTableId()));

        assertThat(s.readBack().routes(s.routeTableId())).anySatisfy(r -> {
            assertThat(r.destination()).startsWith("pl-");
            assertThat(r.target()).isEqualTo(endpoint);
        });
    }

    @Test
    @DisplayName("g: removing a route table from a gateway endpoint removes the prefix-list route")
    void g_removingRouteTableRemovesPrefixListRoute() {
        FargateScenario s = scenario(b -> b.endpoint(EndpointSpec.gateway("s3")));
        String endpoint = s.endpointId("s3");
        assertThat(s.readBack().routes(s.routeTableId())).anyMatch(r -> endpoint.equals(r.target()));

        ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint).removeRouteTableIds(s.routeTableId()));

        assertThat(s.readBack().routes(s.routeTableId())).noneMatch(r -> endpoint.equals(r.target()));
    }

    // ------------------------------------------------------------------------------------- h

    @Test
    @DisplayName("h: a gateway endpoint reports PrivateDnsEnabled=false")
    void h_gatewayEndpointHasNoPrivateDns() {
        FargateScenario s = scenario(b -> b.endpoint(EndpointSpec.gateway("s3")));

        assertThat(s.readBack().endpoint("s3").orElseThrow().privateDns()).isFalse();
    }

    // ------------------------------------------------------------------------------------- i

    @Test
    @DisplayName("i: CreateVpcEndpoint with DryRun answers DryRunOperation and creates nothing")
    void i_dryRunCreateCreatesNothing() {
        FargateScenario s = scenario(b -> { });

        Ec2Exception error = ec2Error(() -> ec2.createVpcEndpoint(ssmEndpoint(s, "private-a").privateDnsEnabled(true)
                .dryRun(true).build()));

        assertDryRun(error);
        assertThat(s.readBack().endpointCount("ssm")).isZero();
    }

    @Test
    @DisplayName("i: ModifyVpcEndpoint with DryRun answers DryRunOperation and changes nothing")
    void i_dryRunModifyChangesNothing() {
        FargateScenario s = scenario(b -> b.endpoint(EndpointSpec.interfaceEndpoint("logs").privateDns(false)));

        Ec2Exception error = ec2Error(() -> ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(s.endpointId("logs"))
                .addSubnetIds(s.subnetId("private-b")).dryRun(true)));

        assertDryRun(error);
        assertThat(s.readBack().endpoint("logs").orElseThrow().subnetIds()).containsExactly(s.subnetId());
    }

    private static void assertDryRun(Ec2Exception error) {
        assertThat(error.statusCode()).isEqualTo(412);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation");
    }

    // ------------------------------------------------------------------------------------- j

    @Test
    @DisplayName("j: the VPC's default security group admits all traffic from itself")
    void j_defaultGroupAdmitsItsMembers() {
        FargateScenario s = scenario(b -> { });

        assertThat(s.readBack().ingress(s.defaultSecurityGroupId())).containsExactly(
                new VpcReadBack.Rule("-1", null, null, List.of(), List.of(s.defaultSecurityGroupId()), List.of()));
    }

    // ------------------------------------------------------------------------------------- fixture

    @Test
    @DisplayName("fixture: the seed's VPC, endpoints and a well-formed ECS Task State Change event")
    void fixtureBuildsTheSeedVpcAndAWellFormedEvent() throws Exception {
        FargateScenario s = FargateScenario.seedArticle().create(ec2, ecs);
        VpcReadBack vpc = s.readBack();

        assertThat(vpc.dnsAttributes()).isEqualTo(new VpcReadBack.DnsAttributes(true, true));
        assertThat(vpc.routeTableOf(s.subnetId())).isEqualTo(s.routeTableId()).isNotEqualTo(s.mainRouteTableId());
        assertThat(vpc.routes(s.routeTableId())).noneMatch(r -> "0.0.0.0/0".equals(r.destination()));
        assertThat(vpc.endpointCountByService()).isEqualTo(Map.of(
                "ecr.api", 1L, "ecr.dkr", 1L, "logs", 1L, "s3", 1L, "secretsmanager", 1L, "ssm", 1L));
        for (var endpoint : vpc.endpoints()) {
            if (endpoint.isGateway()) {
                assertThat(endpoint.routeTableIds()).containsExactly(s.routeTableId());
            } else {
                assertThat(endpoint.subnetIds()).containsExactly(s.subnetId());
                assertThat(endpoint.securityGroupIds()).containsExactly(s.endpointSecurityGroupId());
                assertThat(endpoint.privateDns()).as(endpoint.service()).isEqualTo(!"secretsmanager".equals(endpoint.service()));
            }
        }
        assertThat(vpc.securityGroup(s.endpointSecurityGroupId()).admitsTcp(443)).isTrue();
        assertThat(vpc.securityGroup(s.taskSecurityGroupId()).letsOutTcp(443)).isTrue();

        TaskStoppedEvent stopped = s.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
        JsonNode event = new ObjectMapper().readTree(stopped.json());   // round trip: plain JSON

        assertThat(event.path("version").asText()).isEqualTo("0");
        assertThat(event.path("detail-type").asText()).isEqualTo("ECS Task State Change");
        assertThat(event.path("source").asText()).isEqualTo("aws.ecs");
        assertThat(event.path("account").asText()).isEqualTo("123456789012");
        assertThat(event.path("region").asText()).isEqualTo("us-east-1");
        assertThat(event.path("id").asText()).isNotBlank();
        assertThat(Instant.parse(event.path("time").asText())).isNotNull();
        assertThat(event.path("resources").get(0).asText()).isEqualTo(stopped.taskArn());

        JsonNode detail = event.path("detail");
        assertThat(detail.path("taskArn").asText()).isEqualTo(stopped.taskArn());
        assertThat(detail.path("clusterArn").asText()).isEqualTo(s.clusterArn());
        assertThat(detail.path("taskDefinitionArn").asText()).isEqualTo(s.taskDefinitionArn());
        assertThat(detail.path("lastStatus").asText()).isEqualTo("STOPPED");
        assertThat(detail.path("desiredStatus").asText()).isEqualTo("STOPPED");
        assertThat(detail.path("stopCode").asText()).isEqualTo("TaskFailedToStart");
        assertThat(detail.path("stoppedReason").asText()).isEqualTo(FargateScenario.SEED_SECRETS_MANAGER_REASON);
        assertThat(Instant.parse(detail.path("stoppedAt").asText())).isNotNull();
        assertThat(detail.path("availabilityZone").asText()).isEqualTo("us-east-1a");
        assertThat(detail.path("launchType").asText()).isEqualTo("FARGATE");
        assertThat(detail.path("platformVersion").asText()).isEqualTo("1.4.0");
        assertThat(detail.path("group").asText()).isEqualTo("family:app");

        JsonNode attachment = detail.path("attachments").get(0);
        assertThat(attachment.path("type").asText()).isEqualTo("eni");
        Map<String, String> details = new HashMap<>();
        attachment.path("details").forEach(d -> details.put(d.path("name").asText(), d.path("value").asText()));
        assertThat(details).containsEntry("subnetId", s.subnetId()).containsKey("networkInterfaceId");
        assertThat(details.get("privateIPv4Address")).startsWith("10.0.1.");
        assertThat(stopped.subnetId()).isEqualTo(s.subnetId());
        assertThat(stopped.availabilityZone()).isEqualTo("us-east-1a");

        assertThat(detail.path("containers")).hasSize(1);
        assertThat(detail.path("containers").get(0).path("image").asText()).isEqualTo(FargateScenario.DEFAULT_IMAGE);
        assertThat(detail.path("containers").get(0).path("taskArn").asText()).isEqualTo(stopped.taskArn());
    }
}
