package ecsvpce.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.testing.EstateFixtures;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.TaskStoppedEvent;
import ecsvpce.testing.MotoTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 against moto: an event is a hint, ECS's answer decides. An event that claims what ECS
 * does not say about its task changes nothing the true event would not have changed.
 */
@MotoTest
class EventTrustIT {
    private static final String KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d";

    private final CallRecorder recorder = new CallRecorder("RemediateFunction");

    @Test
    void anEventClaimingExecForATaskWithoutItChangesNothing() {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().create()) {
            EstateFixtures.execKey(scenario.ecs(), scenario.clusterArn(), KMS_KEY);
            TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
            Map<String, Long> before = scenario.readBack().endpointCountByService();
            event.detail().put("enableExecuteCommand", true);

            Map<String, Object> report = Invocations.remediate(Mode.REMEDIATE, recorder, event.json());

            assertThat(report.get("outcome")).isEqualTo("NOTHING_TO_DO");
            assertThat(recorder.writes()).isEmpty();
            assertThat(recorder.calls()).doesNotContain("ecs:DescribeClusters");
            assertThat(scenario.readBack().endpointCountByService()).isEqualTo(before).doesNotContainKeys("ssmmessages", "kms");
            assertThat(notes(report)).contains(
                    "the event's enableExecuteCommand true is not what ECS says (off): ECS's answer was used");
        }
    }

    @Test
    void anEventNamingAnotherVpcsSubnetChangesNothingThere() {
        try (FargateScenario task = FargateScenario.seedEndpointsAllOn().create();
             FargateScenario elsewhere = FargateScenario.builder().namePrefix("elsewhere").noEcs().create()) {
            TaskStoppedEvent event = task.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
            for (JsonNode attachment : event.detail().withArray("attachments")) {
                for (JsonNode detail : attachment.withArray("details")) {
                    if ("subnetId".equals(detail.path("name").asText())) {
                        ((ObjectNode) detail).put("value", elsewhere.subnetId());
                    }
                }
            }

            Map<String, Object> report = Invocations.remediate(Mode.REMEDIATE, recorder, event.json());

            assertThat(report.get("outcome")).isEqualTo("NOTHING_TO_DO");
            assertThat(report.get("vpcId")).isEqualTo(task.vpcId());
            assertThat(recorder.writes()).isEmpty();
            assertThat(elsewhere.readBack().endpointCountByService()).isEmpty();
            assertThat(notes(report)).anySatisfy(note -> assertThat(note).startsWith("the event's subnetId '"
                    + elsewhere.subnetId() + "' is not what ECS says ('" + task.subnetId() + "')"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> notes(Map<String, Object> report) {
        return (List<String>) report.get("notes");
    }
}
