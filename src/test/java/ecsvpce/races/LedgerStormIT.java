package ecsvpce.races;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.app.port.Incident;
import ecsvpce.aws.DynamoDbLedger;
import ecsvpce.report.Mode;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.FixtureClients;
import ecsvpce.testing.Inbox;
import ecsvpce.testing.LedgerTableFixture;
import ecsvpce.testing.MotoServer;
import ecsvpce.testing.MotoTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A storm as Lambda runs it when concurrency is not reserved: one broken VPC, six failed tasks, six
 * execution environments, each its own JVM ({@link StormChild}) built by the runtime's no-argument
 * constructor from the environment, all released at once, sharing moto's SNS topic and the ledger
 * table. Exactly one message reaches the topic per outcome, and the one incident counts every failed
 * start. moto applies DynamoDB's conditional writes atomically only with patch t (src/test/moto).
 */
@MotoTest
class LedgerStormIT {
    private static final int ENVIRONMENTS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("target", "ledger-storm");

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"REMEDIATE", "DRY_RUN"})
    void aStormInSeparateEnvironmentsIsOneMessageAndOneIncident(Mode mode, MotoServer moto) throws Exception {
        String table = LedgerTableFixture.create("ledger");
        Inbox inbox = Inbox.create("storm");
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            List<Path> events = new ArrayList<>();
            for (int i = 0; i < ENVIRONMENTS; i++) {
                events.add(scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON)
                        .writeTo(EVENTS.resolve(mode + "-" + i + ".json")));
            }

            List<JsonNode> reports = storm(environment(moto, mode, inbox, table), events);

            List<String> told = reports.stream().map(r -> r.path("notification").path("status").asText()).toList();
            System.out.println(mode + " storm of " + ENVIRONMENTS + " JVMs: outcomes "
                    + reports.stream().map(r -> r.path("outcome").asText()).toList() + ", notifications " + told);
            assertThat(told).containsOnlyOnce("SENT");
            assertThat(inbox.take()).hasSize(1);
            if (mode == Mode.DRY_RUN) {
                assertThat(reports).allSatisfy(r -> assertThat(r.path("outcome").asText()).isEqualTo("PLANNED"));
                assertThat(told).filteredOn(status -> !status.equals("SENT")).containsOnly("ALREADY_SENT");
                assertThat(scenario.readBack().endpoints()).isEmpty();
            } else {
                assertThat(reports).extracting(r -> r.path("outcome").asText()).contains("REMEDIATED")
                        .allMatch(outcome -> outcome.equals("REMEDIATED") || outcome.equals("NOTHING_TO_DO"));
                assertThat(told).filteredOn(status -> !status.equals("SENT")).allMatch(
                        status -> status.equals("ALREADY_SENT") || status.equals("NOT_NEEDED"));
                assertThat(scenario.readBack().endpointCountByService()).hasSize(6).allSatisfy((service, count) -> assertThat(count).isEqualTo(1));
            }
            assertThat(reports).allSatisfy(r -> assertThat(r.path("incident").path("id").asText())
                    .isEqualTo(scenario.vpcId() + "#1"));
            Incident incident = new DynamoDbLedger(FixtureClients::dynamoDb, table).latest(scenario.vpcId()).incident()
                    .orElseThrow();
            assertThat(incident.failedStarts()).isEqualTo(ENVIRONMENTS);
            assertThat(incident.open()).isTrue();
        }
    }

    @Test
    void aTableThatCannotBeReachedStillTells(MotoServer moto) throws Exception {
        Inbox inbox = Inbox.create("unreachable");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            Path event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON)
                    .writeTo(EVENTS.resolve("unreachable.json"));
            Map<String, String> env = environment(moto, Mode.DRY_RUN, inbox, "ledger");
            env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + closed);

            JsonNode report = storm(env, List.of(event)).get(0);

            assertThat(report.path("outcome").asText()).isEqualTo("PLANNED");
            assertThat(report.path("notification").path("status").asText()).isEqualTo("SENT");
            assertThat(report.path("ledger").path("status").asText()).isEqualTo("FAILED");
            assertThat(report.path("ledger").path("errors").get(0).asText()).contains("dynamodb:", "still failing");
            assertThat(inbox.take()).hasSize(1);
        }
    }

    private static Map<String, String> environment(MotoServer moto, Mode mode, Inbox inbox, String table) {
        Map<String, String> env = new HashMap<>(moto.environment());
        env.put("REMEDIATION_MODE", mode.name());
        env.put("NOTIFICATION_TOPIC_ARN", inbox.topicArn());
        env.put("LEDGER_TABLE_NAME", table);
        return env;
    }

    /** Starts one JVM per event, releases them together once all are ready, and returns their reports. */
    private static List<JsonNode> storm(Map<String, String> env, List<Path> events) throws Exception {
        List<Process> children = new ArrayList<>();
        try {
            for (Path event : events) {
                ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        StormChild.class.getName(), event.toString())
                        .redirectError(EVENTS.resolve(event.getFileName() + ".log").toFile());
                child.environment().keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("JAVA_TOOL"));
                child.environment().putAll(env);
                children.add(child.start());
            }
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process child : children) {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).as("a child is ready").isEqualTo("READY");
                outputs.add(out);
            }
            for (Process child : children) {
                Writer go = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
                go.write("GO\n");
                go.flush();
            }
            List<JsonNode> reports = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                String line = outputs.get(i).readLine();
                assertThat(children.get(i).waitFor(3, TimeUnit.MINUTES)).isTrue();
                assertThat(line).as("report of %s (see its .log)", events.get(i)).startsWith("REPORT ");
                reports.add(JSON.readTree(line.substring("REPORT ".length())));
            }
            return reports;
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    static {
        try {
            Files.createDirectories(EVENTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
