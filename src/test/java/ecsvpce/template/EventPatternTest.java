package ecsvpce.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.app.port.FollowUp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.RuleCompiler;

/**
 * Matches every sample in {@code events/} against the template's TaskStopped rule with Event
 * Ruler, the matcher EventBridge itself uses.
 */
class EventPatternTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = SamTemplate.projectRoot().resolve("events");

    /** Which sample must reach RemediateFunction. Every file in events/ must be listed here. */
    private static final Map<String, Boolean> MATCHES_TASK_STOPPED_RULE = new LinkedHashMap<>();

    static {
        MATCHES_TASK_STOPPED_RULE.put("task-stopped-secretsmanager.json", true);
        MATCHES_TASK_STOPPED_RULE.put("task-stopped-ssm.json", true);
        MATCHES_TASK_STOPPED_RULE.put("task-stopped-ecr-auth.json", true);
        MATCHES_TASK_STOPPED_RULE.put("task-stopped-logger.json", true);
        MATCHES_TASK_STOPPED_RULE.put("task-stopped-s3-layer.json", true);
        MATCHES_TASK_STOPPED_RULE.put("task-stopped-pv13-cannot-pull.json", true);
        // Delivered on purpose: the rule is coarse, the code classifies it as a permission problem.
        MATCHES_TASK_STOPPED_RULE.put("task-stopped-permission.json", true);
        // ECS prefixes container-runtime failures with CannotStartContainerError, so the rule
        // never delivers them (they are never network problems).
        MATCHES_TASK_STOPPED_RULE.put("task-stopped-oci-runtime.json", false);
        MATCHES_TASK_STOPPED_RULE.put("task-running.json", false);
        MATCHES_TASK_STOPPED_RULE.put("task-stopped-essential-exited.json", false);
        MATCHES_TASK_STOPPED_RULE.put("scheduled-sweep.json", false);
        MATCHES_TASK_STOPPED_RULE.put("sweep-manual.json", false);
        // SQS events for VerifyFunction (scripts/local-invoke VerifyFunction FILE replays them).
        MATCHES_TASK_STOPPED_RULE.put("verify-follow-up.json", false);
        MATCHES_TASK_STOPPED_RULE.put("verify-malformed.json", false);
        // The check's payloads and CloudFormation hook requests for CheckFunction (DeployCheckTemplateTest).
        for (String check : List.of("check-request.json", "check-service.json", "hook-ecs-service-create.json",
                "hook-ecs-service-update.json", "hook-dynamodb-table-update.json", "hook-stack-operation.json",
                "hook-malformed.json")) {
            MATCHES_TASK_STOPPED_RULE.put(check, false);
        }
        // ECS events about one service, for SweepFunction's own rules (ServiceEventRulesTest).
        for (String serviceEvent : List.of("service-created.json", "service-updated.json", "service-scaled.json",
                "service-task-start-impaired.json")) {
            MATCHES_TASK_STOPPED_RULE.put(serviceEvent, false);
        }
    }

    private static String pattern;
    private static Machine taskStopped;

    @BeforeAll
    static void compileRule() throws Exception {
        pattern = SamTemplate.load().eventPattern("RemediateFunction", "TaskStopped");
        taskStopped = new Machine();
        taskStopped.addRule("TaskStopped", pattern);
    }

    @Test
    void patternIsValidForEventBridge() {
        assertThat(RuleCompiler.check(pattern)).as("Event Ruler's verdict on %s", pattern).isNull();
    }

    @Test
    void everySampleEventHasAnExpectation() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(EVENTS)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("files in events/ vs the expectation table")
                .containsExactlyInAnyOrderElementsOf(MATCHES_TASK_STOPPED_RULE.keySet());
    }

    static Stream<Arguments> samples() {
        return MATCHES_TASK_STOPPED_RULE.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} reaches RemediateFunction: {1}")
    @MethodSource("samples")
    void ruleMatchesExactlyTheExpectedSamples(String file, boolean expected) throws Exception {
        List<String> matched = taskStopped.rulesForJSONEvent(Files.readString(EVENTS.resolve(file)));
        assertThat(!matched.isEmpty()).as("%s against %s", file, pattern).isEqualTo(expected);
    }

    @Test
    void stoppedTaskSamplesAreWhatEcsSendsForAFargateStartFailure() throws IOException {
        for (String file : MATCHES_TASK_STOPPED_RULE.keySet()) {
            if (!file.startsWith("task-stopped-") || file.equals("task-stopped-essential-exited.json")) {
                continue;
            }
            JsonNode event = read(file);
            JsonNode detail = event.get("detail");
            assertThat(event.get("source").asText()).as(file).isEqualTo("aws.ecs");
            assertThat(event.get("detail-type").asText()).as(file).isEqualTo("ECS Task State Change");
            assertThat(event.get("resources").get(0).asText()).as(file).isEqualTo(detail.get("taskArn").asText());
            assertThat(detail.get("launchType").asText()).as(file).isEqualTo("FARGATE");
            assertThat(detail.get("stopCode").asText()).as(file).isEqualTo("TaskFailedToStart");
            assertThat(detail.get("attachments").get(0).get("type").asText()).as(file).isEqualTo("eni");
        }
    }

    @Test
    void scheduledSampleIsWhatAnEventBridgeScheduleSends() throws Exception {
        JsonNode event = read("scheduled-sweep.json");
        Machine schedule = new Machine();
        schedule.addRule("Schedule", "{\"source\":[\"aws.events\"],\"detail-type\":[\"Scheduled Event\"]}");
        assertThat(schedule.rulesForJSONEvent(JSON.writeValueAsString(event))).containsExactly("Schedule");
        assertThat(event.get("detail").isObject() && event.get("detail").isEmpty()).as("detail is {}").isTrue();
        assertThat(event.get("resources").get(0).asText()).startsWith("arn:aws:events:us-east-1:123456789012:rule/");
    }

    @Test
    void sweepIsTriggeredByTheSchedule() {
        SamTemplate template = SamTemplate.load();
        Map<String, Object> schedule = template.event("SweepFunction", "Schedule");
        Map<String, Object> properties = SamTemplate.map(schedule.get("Properties"), "Schedule.Properties");
        assertThat(schedule.get("Type")).isEqualTo("Schedule");
        assertThat(properties.get("Schedule")).isEqualTo(Map.of("Ref", "SweepSchedule"));
        assertThat(template.parameter("SweepSchedule").get("Default")).isEqualTo("rate(6 hours)");
        assertThat(properties.get("State")).isEqualTo(Map.of("Fn::If", List.of("SweepIsEnabled", "ENABLED", "DISABLED")));
        assertThat(SamTemplate.map(template.raw().get("Conditions"), "Conditions").get("SweepIsEnabled"))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "SweepEnabled"), "true")));
        assertThat(template.parameter("SweepEnabled").get("Default")).isEqualTo("true");
    }

    @Test
    void manualSweepPayloadNamesClustersAndVpcs() throws IOException {
        JsonNode payload = read("sweep-manual.json");
        assertThat(payload.fieldNames()).toIterable().containsExactlyInAnyOrder("clusters", "vpcIds");
        assertThat(payload.get("clusters").isArray() && payload.get("vpcIds").isArray()).isTrue();
    }

    @Test
    void followUpSamplesAreSqsEventsOfOneMessageWhoseBodyIsOrIsNotAFollowUp() throws IOException {
        for (String file : List.of("verify-follow-up.json", "verify-malformed.json")) {
            JsonNode records = read(file).path("Records");
            assertThat(records).as(file).hasSize(1);
            assertThat(records.path(0).path("eventSource").asText()).isEqualTo("aws:sqs");
        }
        FollowUp followUp = FollowUp.parse(read("verify-follow-up.json").path("Records").path(0).path("body").asText());
        assertThat(followUp.workloads()).singleElement().satisfies(w -> assertThat(w.serviceName()).isEqualTo("orders-api"));
        String malformed = read("verify-malformed.json").path("Records").path(0).path("body").asText();
        assertThatThrownBy(() -> FollowUp.parse(malformed)).hasMessageContaining("not a follow-up message");
    }

    private static JsonNode read(String file) throws IOException {
        return JSON.readTree(EVENTS.resolve(file).toFile());
    }
}
