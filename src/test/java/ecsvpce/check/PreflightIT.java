package ecsvpce.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.MotoServer;
import ecsvpce.testing.MotoTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/preflight} as a pipeline runs it: a child process with the caller's credentials and
 * the SDK's standard settings (moto through AWS_ENDPOINT_URL). Exit 1 and the service and the change
 * named where an endpoint the task needs is missing, 0 where every need is served, 2 for a subnet that
 * does not exist or bad arguments; one line on stderr; the VPC the same after as before.
 */
@MotoTest
class PreflightIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first run builds the product's classes and records the class-sharing archive: not a test's time. */
    @BeforeAll
    static void build() throws Exception {
        assertThat(preflight(Map.of(), "--no-such-argument").exitCode()).isEqualTo(2);
    }

    @Test
    void anIsolatedSubnetLackingAnEndpointTheTaskNeedsWillFailNamingTheServiceAndTheChange(MotoServer moto)
            throws Exception {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs").create()) {
            String before = VpcState.describe(scenario.ec2(), scenario.vpcId());

            ChildProcess.Run run = preflight(moto.environment(), "--task-definition", scenario.taskDefinitionArn(), "--subnets",
                    scenario.subnetId(), "--security-groups", scenario.taskSecurityGroupId(), "--platform-version", "1.4.0");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.stdout()).startsWith("WILL_FAIL: task definition app:1 will fail to start in " + scenario.vpcId())
                    .contains("BLOCKING ENDPOINT_MISSING logs: no logs interface endpoint in " + scenario.vpcId(),
                            "    change: ", "aws ec2 create-vpc-endpoint --vpc-id " + scenario.vpcId()
                                    + " --vpc-endpoint-type Interface --service-name com.amazonaws.us-east-1.logs",
                            "PLANNED create logs interface endpoint");
            assertThat(run.stderrLines()).singleElement().asString()
                    .startsWith("preflight: WILL_FAIL: ").endsWith("ENDPOINT_MISSING logs (" + scenario.vpcId() + ")");
            assertThat(VpcState.describe(scenario.ec2(), scenario.vpcId())).as("the VPC after the check").isEqualTo(before);
        }
    }

    @Test
    void aSubnetThatServesEveryNeedIsReady(MotoServer moto) throws Exception {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().create()) {
            String before = VpcState.describe(scenario.ec2(), scenario.vpcId());

            ChildProcess.Run run = preflight(moto.environment(), "--json", "--task-definition", "app:1", "--subnets",
                    scenario.subnetId(), "--security-groups", scenario.taskSecurityGroupId());

            assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
            JsonNode report = JSON.readTree(run.stdout());
            assertThat(report.path("verdict").asText()).isEqualTo("READY");
            assertThat(report.path("checked").path("taskDefinition").asText()).isEqualTo(scenario.taskDefinitionArn());
            assertThat(run.stderrLines()).singleElement().asString().startsWith("preflight: READY: task definition app:1 "
                    + "finds every start-up need served in " + scenario.vpcId());
            assertThat(VpcState.describe(scenario.ec2(), scenario.vpcId())).isEqualTo(before);
        }
    }

    @Test
    void aSubnetBehindANatGatewayWithoutEndpointsIsReady(MotoServer moto) throws Exception {
        try (FargateScenario scenario = FargateScenario.builder().natGatewayRoute().create()) {
            ChildProcess.Run run = preflight(moto.environment(), "--json", "--task-definition", "app:1", "--subnets",
                    scenario.subnetId(), "--security-groups", scenario.taskSecurityGroupId());

            assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
            JsonNode report = JSON.readTree(run.stdout());
            assertThat(report.path("verdict").asText()).isEqualTo("READY");
            assertThat(report.toString()).contains("through " + scenario.natGatewayId().orElseThrow());
        }
    }

    @Test
    void aSubnetThatDoesNotExistCannotTell(MotoServer moto) throws Exception {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().create()) {
            String before = VpcState.describe(scenario.ec2(), scenario.vpcId());

            ChildProcess.Run run = preflight(moto.environment(), "--task-definition", "app:1", "--subnets", "subnet-0123456789abcdef0",
                    "--security-groups", scenario.taskSecurityGroupId());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.stdout()).startsWith("CANNOT_TELL: subnet(s) subnet-0123456789abcdef0 do not exist in this "
                    + "account and Region (us-east-1)");
            assertThat(run.stderrLines()).singleElement().asString().startsWith("preflight: CANNOT_TELL: subnet(s)");
            assertThat(VpcState.describe(scenario.ec2(), scenario.vpcId())).isEqualTo(before);
        }
    }

    @Test
    void aServiceIsCheckedWithItsCurrentNetworkAndTaskDefinition(MotoServer moto) throws Exception {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().withoutEndpoint("ssm").service("web")
                .create()) {
            ChildProcess.Run run = preflight(moto.environment(), "--cluster", scenario.clusterArn(), "--service", "web");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.stdout()).startsWith("WILL_FAIL: service web (task definition app:1) will fail to start")
                    .contains("Service: web in " + scenario.clusterArn(), "Subnets: " + scenario.subnetId(),
                            "BLOCKING ENDPOINT_MISSING ssm");
        }
    }

    @Test
    void aTaskDefinitionDocumentIsCheckedBeforeItIsEvenRegistered(MotoServer moto) throws Exception {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().create()) {
            Path document = Path.of("target", "preflight-it", "task-definition.json");
            Files.createDirectories(document.getParent());
            Files.writeString(document, """
                    {"family": "next", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
                     "cpu": "256", "memory": "512",
                     "containerDefinitions": [{"name": "app", "image": "docker.io/library/nginx:1.27", "essential": true}]}""");

            ChildProcess.Run run = preflight(moto.environment(), "--task-definition", "file://" + document.toAbsolutePath(),
                    "--subnets", scenario.subnetId(), "--security-groups", scenario.taskSecurityGroupId());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.stdout()).startsWith("WILL_FAIL: task definition next will fail to start")
                    .contains("registry docker.io is outside AWS PrivateLink", "NEED_NOT_SERVABLE_BY_ENDPOINT");
        }
    }

    @Test
    void badArgumentsExitWithTwoAndOneLineThatSaysWhy() throws Exception {
        ChildProcess.Run missing = preflight(Map.of(), "--task-definition", "app:1");
        ChildProcess.Run unknown = preflight(Map.of(), "--service", "web", "--subnets", "subnet-1");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stdout()).isEmpty();
        assertThat(missing.stderrLines()).singleElement().asString().startsWith("preflight: --subnets is missing (usage: ");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderrLines()).singleElement().asString()
                .startsWith("preflight: unknown key 'subnets': a check of a service takes [cluster, service]");
    }

    private static ChildProcess.Run preflight(Map<String, String> env, String... arguments)
            throws IOException, InterruptedException {
        return ChildProcess.run(env, "scripts/preflight", arguments);
    }
}
