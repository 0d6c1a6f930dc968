package ecsvpce.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.support.Lambda;
import ecsvpce.testing.EstateFixtures;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.FixtureClients;
import ecsvpce.testing.MotoServer;
import ecsvpce.testing.MotoTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The deployed check against moto: a check request as the Lambda payload, a service, and the
 * CloudFormation hook's requests, in-process with every AWS call recorded (the least-privilege check
 * reads them), and the payloads in events/ through {@code scripts/local-invoke}. Nothing is written.
 */
@MotoTest
class CheckFunctionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";

    private final CallRecorder recorder = new CallRecorder("CheckFunction");

    private Map<String, Object> check(Map<String, Object> payload) {
        return Lambda.invoke(Functions.check(recorder), Lambda.json(payload));
    }

    @Test
    void aLaunchIsCheckedWithEverythingARemediationReadsAndNothingIsWritten() {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().withoutEndpoint("ssm")
                .withoutEndpoint("ecr.api").create(); Ec2Client ec2 = FixtureClients.ec2()) {
            String options = ec2.createDhcpOptions(r -> r.dhcpConfigurations(c -> c.key("domain-name-servers")
                    .values("AmazonProvidedDNS"))).dhcpOptions().dhcpOptionsId();
            ec2.associateDhcpOptions(r -> r.dhcpOptionsId(options).vpcId(scenario.vpcId()));
            EstateFixtures.centralZones(scenario.vpcId(), List.of("ssm"));
            EstateFixtures.execKey(scenario.ecs(), scenario.clusterArn(), KMS_KEY);
            String before = VpcState.describe(scenario.ec2(), scenario.vpcId());

            Map<String, Object> report = check(Map.of("taskDefinition", scenario.taskDefinitionArn(),
                    "subnets", List.of(scenario.subnetId()), "securityGroups", List.of(scenario.taskSecurityGroupId()),
                    "platformVersion", "1.4.0", "cluster", scenario.clusterArn(), "enableExecuteCommand", true));

            assertThat(report).containsEntry("verdict", "WILL_FAIL");
            assertThat(codes(report)).contains("ENDPOINT_MISSING", "SERVED_BY_CENTRAL_ENDPOINT")
                    .doesNotContain("CUSTOM_DNS_SERVERS");
            assertThat((String) report.get("summary")).contains("ENDPOINT_MISSING ecr.api", "ENDPOINT_MISSING ssmmessages",
                    "ENDPOINT_MISSING kms").doesNotContain("ENDPOINT_MISSING ssm ");
            assertThat(recorder.calls()).contains("ecs:DescribeTaskDefinition", "ecs:DescribeClusters",
                    "ec2:DescribeDhcpOptions", "route53:ListHostedZonesByVPC", "route53:ListResourceRecordSets");
            assertThat(recorder.writes()).isEmpty();
            assertThat(VpcState.describe(scenario.ec2(), scenario.vpcId())).isEqualTo(before);
        }
    }

    @Test
    void aServiceIsReadOnItsOwnAndCheckedAsItRuns() {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().service("web").create()) {
            Map<String, Object> report = check(Map.of("cluster", scenario.clusterArn(), "service", "web"));

            assertThat(report).containsEntry("verdict", "READY");
            assertThat(recorder.calls()).contains("ecs:DescribeServices").doesNotContain("ecs:ListServices");
            assertThat(recorder.writes()).isEmpty();
        }
    }

    @Test
    void aServiceEcsDoesNotKnowCannotTell() {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().create()) {
            Map<String, Object> report = check(Map.of("cluster", scenario.clusterArn(), "service", "gone"));

            assertThat(report).containsEntry("verdict", "CANNOT_TELL")
                    .containsEntry("summary", "CANNOT_TELL: service gone does not exist in cluster " + scenario.clusterArn());
        }
    }

    @Test
    void theHookRefusesAServiceThatWillFailAndLetsAHealthyOneThrough() throws Exception {
        try (FargateScenario broken = FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs").create()) {
            Map<String, Object> refused = Lambda.invoke(Functions.check(recorder), hookRequest(broken));

            assertThat(refused).containsEntry("hookStatus", "FAILED").containsEntry("errorCode", "NonCompliant")
                    .containsEntry("clientRequestToken", "4b90a7e4-b790-456b-a937-0cfdfa211dfe");
            assertThat((String) refused.get("message")).contains("ENDPOINT_MISSING logs (" + broken.vpcId() + ")",
                    "--service-name com.amazonaws.us-east-1.logs");
        }
        try (FargateScenario healthy = FargateScenario.seedEndpointsAllOn().create()) {
            Map<String, Object> passed = Lambda.invoke(Functions.check(recorder), hookRequest(healthy));

            assertThat(passed).containsEntry("hookStatus", "SUCCESS").doesNotContainKey("errorCode");
            assertThat((String) passed.get("message")).startsWith("READY: task definition app:2 finds every start-up need");
        }
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void theSamplePayloadsRunThroughLocalInvoke(MotoServer moto) throws Exception {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs").create()) {
            Path hook = Path.of("target", "check-it", "hook-create.json");
            Files.createDirectories(hook.getParent());
            Files.writeString(hook, hookRequest(scenario));

            assertThat(localInvoke(moto, hook.toString())).containsEntry("hookStatus", "FAILED")
                    .containsEntry("errorCode", "NonCompliant");
            assertThat(localInvoke(moto, "events/hook-ecs-service-create.json")).as("a task definition moto does not know")
                    .containsEntry("hookStatus", "SUCCESS").containsEntry("clientRequestToken",
                            "4b90a7e4-b790-456b-a937-0cfdfa211dfe");
            assertThat(localInvoke(moto, "events/hook-dynamodb-table-update.json")).containsEntry("hookStatus", "SUCCESS")
                    .containsEntry("message", "not an AWS::ECS::Service (AWS::DynamoDB::Table): nothing to check");
            assertThat(localInvoke(moto, "events/hook-stack-operation.json")).containsEntry("hookStatus", "SUCCESS");
            assertThat(localInvoke(moto, "events/hook-malformed.json")).containsEntry("hookStatus", "FAILED")
                    .containsEntry("errorCode", "InternalFailure");
            assertThat(localInvoke(moto, "events/check-request.json")).containsEntry("verdict", "CANNOT_TELL")
                    .containsEntry("summary", "CANNOT_TELL: could not read task definition orders-api:42: "
                            + "ecs:DescribeTaskDefinition was rejected: ClientException: Unable to describe task definition.");
        }
    }

    /** The documented sample of a service being created, about this scenario's task definition and network. */
    private static String hookRequest(FargateScenario scenario) throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Path.of("events", "hook-ecs-service-create.json").toFile());
        ObjectNode properties = (ObjectNode) request.at("/requestData/targetModel/resourceProperties");
        properties.put("Cluster", scenario.clusterArn()).put("TaskDefinition", scenario.taskDefinitionArn());
        ObjectNode awsvpc = (ObjectNode) properties.at("/NetworkConfiguration/AwsvpcConfiguration");
        awsvpc.putArray("Subnets").add(scenario.subnetId());
        awsvpc.putArray("SecurityGroups").add(scenario.taskSecurityGroupId());
        return JSON.writeValueAsString(request);
    }

    private static Map<String, Object> localInvoke(MotoServer moto, String event) throws Exception {
        ChildProcess.Run run = ChildProcess.run(moto.environment(), "scripts/local-invoke", "CheckFunction", event);
        assertThat(run.exitCode()).as(event + ": " + run.stderr()).isZero();
        return Lambda.parse(run.stdout().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<String> codes(Map<String, Object> report) {
        JsonNode subnets = JSON.valueToTree(report).path("subnets");
        return subnets.findValues("code").stream().map(JsonNode::asText).toList();
    }
}
