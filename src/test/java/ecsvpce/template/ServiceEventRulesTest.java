package ecsvpce.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.JsonRuleCompiler;

/**
 * SweepFunction's rules for one service, matched with Event Ruler (EventBridge's own matcher) against
 * the samples in events/ and variants of them: a service created, or updated in what it runs or where,
 * and ECS's SERVICE_TASK_START_IMPAIRED reach the sweep; scaling, forced deployments, failed calls and
 * other service actions do not.
 */
class ServiceEventRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = SamTemplate.projectRoot().resolve("events");
    private static final String CHANGED = "ServiceChanged";
    private static final String IMPAIRED = "ServiceStartImpaired";

    private static Machine rules;

    @BeforeAll
    static void compileRules() throws Exception {
        SamTemplate template = SamTemplate.load();
        rules = new Machine();
        for (String rule : List.of(CHANGED, IMPAIRED)) {
            String pattern = template.eventPattern("SweepFunction", rule);
            assertThat(JsonRuleCompiler.check(pattern)).as("Event Ruler's verdict on %s", pattern).isNull();
            rules.addRule(rule, pattern);
        }
        rules.addRule("TaskStopped", template.eventPattern("RemediateFunction", "TaskStopped"));
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("service-created.json", List.of(CHANGED)),
                Arguments.of("service-updated.json", List.of(CHANGED)),
                Arguments.of("service-scaled.json", List.of()),
                Arguments.of("service-task-start-impaired.json", List.of(IMPAIRED)),
                Arguments.of("task-stopped-secretsmanager.json", List.of("TaskStopped")),
                Arguments.of("scheduled-sweep.json", List.of()));
    }

    @ParameterizedTest(name = "{0} reaches {1}")
    @MethodSource("samples")
    void eachSampleReachesExactlyItsRule(String file, List<String> expected) throws Exception {
        assertThat(rules.rulesForJSONEvent(Files.readString(EVENTS.resolve(file))))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> updates() {
        return Stream.of(
                Arguments.of(Map.of("taskDefinition", "orders-api:43"), true),
                Arguments.of(Map.of("platformVersion", "1.4.0"), true),
                Arguments.of(Map.of("launchType", "FARGATE"), true),
                Arguments.of(Map.of("enableExecuteCommand", true), true),
                Arguments.of(Map.of("capacityProviderStrategy", List.of(Map.of("capacityProvider", "FARGATE_SPOT",
                        "weight", 1))), true),
                Arguments.of(Map.of("networkConfiguration", Map.of("awsvpcConfiguration", Map.of("subnets",
                        List.of("subnet-0a1b2c3d4e5f60003")))), true),
                Arguments.of(Map.of("networkConfiguration", Map.of("awsvpcConfiguration", Map.of("securityGroups",
                        List.of("sg-0a1b2c3d4e5f60009")))), true),
                Arguments.of(Map.of("desiredCount", 6), false),
                Arguments.of(Map.of("forceNewDeployment", true), false),
                Arguments.of(Map.of("healthCheckGracePeriodSeconds", 60), false));
    }

    @ParameterizedTest(name = "UpdateService with {0} is swept: {1}")
    @MethodSource("updates")
    void anUpdateIsSweptOnlyWhenItChangesWhatTheServiceRunsOrWhere(Map<String, Object> change, boolean swept)
            throws Exception {
        ObjectNode event = sample("service-scaled.json");
        ObjectNode parameters = JSON.createObjectNode().put("cluster", "orders-prod").put("service", "orders-api");
        parameters.setAll((ObjectNode) JSON.valueToTree(change));
        ((ObjectNode) event.get("detail")).set("requestParameters", parameters);

        assertThat(rules.rulesForJSONEvent(JSON.writeValueAsString(event))).isEqualTo(swept ? List.of(CHANGED) : List.of());
    }

    @Test
    void aCallThatFailedChangedNothingAndIsNotSwept() throws Exception {
        ObjectNode event = sample("service-created.json");
        ((ObjectNode) event.get("detail")).put("errorCode", "InvalidParameterException")
                .put("errorMessage", "subnet-0a1b2c3d4e5f60001 does not exist").putNull("responseElements");

        assertThat(rules.rulesForJSONEvent(JSON.writeValueAsString(event))).isEmpty();
    }

    @Test
    void otherServiceActionsAndOtherApiCallsAreNotSwept() throws Exception {
        ObjectNode steady = sample("service-task-start-impaired.json");
        ((ObjectNode) steady.get("detail")).put("eventType", "INFO").put("eventName", "SERVICE_STEADY_STATE");
        ObjectNode deleted = sample("service-created.json");
        ((ObjectNode) deleted.get("detail")).put("eventName", "DeleteService");

        assertThat(rules.rulesForJSONEvent(JSON.writeValueAsString(steady))).isEmpty();
        assertThat(rules.rulesForJSONEvent(JSON.writeValueAsString(deleted))).isEmpty();
    }

    @Test
    void theSamplesAreWhatEcsAndCloudTrailSend() throws IOException {
        ObjectNode created = sample("service-created.json");
        assertThat(created.path("detail").path("eventSource").asText()).isEqualTo("ecs.amazonaws.com");
        assertThat(created.path("detail").path("responseElements").path("service").path("serviceArn").asText())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/orders-prod/orders-api");
        ObjectNode impaired = sample("service-task-start-impaired.json");
        assertThat(impaired.path("detail").path("eventType").asText()).isEqualTo("WARN");
        assertThat(impaired.path("resources").path(0).asText()).endsWith(":service/orders-prod/orders-api");
    }

    private static ObjectNode sample(String file) throws IOException {
        return (ObjectNode) JSON.readTree(EVENTS.resolve(file).toFile());
    }
}
