package ecsvpce.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.MotoServer;
import ecsvpce.testing.MotoTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code scripts/local-invoke} as a user runs it: a child process, moto through AWS_ENDPOINT_URL. */
@MotoTest
class LocalInvokeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runsTheFunctionWithTheTemplatesEnvironmentAndPrintsItsReport(MotoServer moto) throws Exception {
        try (FargateScenario scenario = FargateScenario.seedArticle().create()) {
            Path event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON)
                    .writeTo(Path.of("target", "local-invoke-it", "seed.json"));

            Run run = localInvoke(moto.environment(), "RemediateFunction", event.toString());

            assertThat(run.exitCode).isZero();
            JsonNode report = JSON.readTree(run.stdout);
            assertThat(report.path("mode").asText()).as("REMEDIATION_MODE from template.yaml").isEqualTo("REMEDIATE");
            assertThat(report.path("outcome").asText()).isEqualTo("REMEDIATED");
            assertThat(scenario.readBack().endpoint("secretsmanager").orElseThrow().privateDns()).isTrue();
        }
    }

    @Test
    void theProcessEnvironmentGoesOnTopOfTheTemplates(MotoServer moto) throws Exception {
        try (FargateScenario scenario = FargateScenario.builder().create()) {
            Path event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON)
                    .writeTo(Path.of("target", "local-invoke-it", "dry-run.json"));
            Map<String, String> env = new HashMap<>(moto.environment());
            env.put("REMEDIATION_MODE", "DRY_RUN");

            Run run = localInvoke(env, "RemediateFunction", event.toString());

            assertThat(run.exitCode).isZero();
            assertThat(JSON.readTree(run.stdout).path("outcome").asText()).isEqualTo("PLANNED");
            assertThat(scenario.readBack().endpoints()).isEmpty();
        }
    }

    @Test
    void textPrintsTheReportAsPeopleReadIt(MotoServer moto) throws Exception {
        try (FargateScenario scenario = FargateScenario.seedArticle().create()) {
            Path event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON)
                    .writeTo(Path.of("target", "local-invoke-it", "text.json"));

            Run run = localInvoke(moto.environment(), List.of("--text", "RemediateFunction", event.toString()));

            assertThat(run.exitCode).isZero();
            assertThat(run.stdout).startsWith("REMEDIATED: 1 change(s) applied to " + scenario.vpcId() + "\n")
                    .contains("APPLIED " + scenario.endpointId("secretsmanager") + " enable private DNS",
                            "No notification: NOTIFICATION_TOPIC_ARN is not set");
        }
    }

    /** Without a stack there is no topic or queue: template.yaml's values for them need one, and are left out. */
    @Test
    void aFollowUpForAVpcThatIsGoneIsReportedAndEndsNormally(MotoServer moto) throws Exception {
        Run run = localInvoke(moto.environment(), List.of("VerifyFunction", "events/verify-follow-up.json"));

        assertThat(run.exitCode).isZero();
        JsonNode report = JSON.readTree(run.stdout);
        assertThat(report.path("verdict").asText()).isEqualTo("GONE");
        assertThat(report.path("notification").path("status").asText()).isEqualTo("NOT_CONFIGURED");
        assertThat(report.path("account").asText()).as("from the local function ARN").isEqualTo("000000000000");
    }

    @Test
    void aMessageThatIsNoFollowUpIsRejectedAndEndsNormally(MotoServer moto) throws Exception {
        Run run = localInvoke(moto.environment(), List.of("--text", "VerifyFunction", "events/verify-malformed.json"));

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).startsWith("REJECTED: not a follow-up message");
    }

    @Test
    void aSampleEventForATaskMotoDoesNotKnowIsSkippedNormally(MotoServer moto) throws Exception {
        Run run = localInvoke(moto.environment(), "RemediateFunction", "events/task-stopped-secretsmanager.json");

        assertThat(run.exitCode).isZero();
        assertThat(JSON.readTree(run.stdout).path("outcome").asText()).isEqualTo("SKIPPED");
    }

    @Test
    void exitsNonZeroOnlyWhenTheHandlerThrows() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> unreachable = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + closedPort,
                "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "x");

        Run run = localInvoke(unreachable, "RemediateFunction", "events/task-stopped-secretsmanager.json");

        assertThat(run.exitCode).isNotZero();
        assertThat(JSON.readTree(run.stdout).path("errorType").asText()).endsWith("StillFailing");
        assertThat(JSON.readTree(run.stdout).path("errorMessage").asText())
                .startsWith("ecs:DescribeTasks still failing after the SDK's retries: Unable to execute HTTP request");
    }

    @Test
    void anUnknownFunctionIsAUsageError() throws Exception {
        Run run = localInvoke(Map.of(), "NoSuchFunction", "events/task-stopped-secretsmanager.json");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("NoSuchFunction");
    }

    private static Run localInvoke(Map<String, String> env, String function, String event)
            throws IOException, InterruptedException {
        return localInvoke(env, List.of(function, event));
    }

    private static Run localInvoke(Map<String, String> env, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("scripts/local-invoke"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(key -> key.startsWith("AWS_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        var stderr = process.getErrorStream();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = stderr.readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("local-invoke did not finish");
        }
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }
}
