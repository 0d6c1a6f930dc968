package ecsvpce.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import ecsvpce.app.port.StoppedTask;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskStateChangeEventTest {

    @Test
    void readsTheTaskFieldsAndItsNetworkInterface() {
        StoppedTask task = TaskStateChangeEvent.task(detail());

        assertThat(task.taskArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task/prod/abc");
        assertThat(task.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/prod");
        assertThat(task.subnetId()).isEqualTo("subnet-1");
        assertThat(task.networkInterfaceId()).isEqualTo("eni-1");
        assertThat(task.platformVersion()).isEqualTo("1.4.0");
        assertThat(task.serviceName()).isEqualTo("web");
        assertThat(task.executeCommandEnabled()).isTrue();
    }

    @Test
    void fieldsOfTheWrongTypeCountAsMissing() {
        Map<String, Object> detail = detail();
        detail.put("taskArn", 42);
        detail.put("lastStatus", List.of("STOPPED"));
        detail.put("enableExecuteCommand", "true");
        detail.put("attachments", "eni");

        StoppedTask task = TaskStateChangeEvent.task(detail);

        assertThat(task.taskArn()).isNull();
        assertThat(task.lastStatus()).isNull();
        assertThat(task.executeCommandEnabled()).isFalse();
        assertThat(task.subnetId()).isNull();
    }

    @Test
    void onlyEcsTaskStateChangesWithADetailAreOurs() {
        ScheduledEvent event = new ScheduledEvent().withSource("aws.ecs").withDetailType("ECS Task State Change")
                .withDetail(detail());
        assertThat(TaskStateChangeEvent.envelopeSkipReason(event)).isEmpty();

        assertThat(TaskStateChangeEvent.envelopeSkipReason(null)).isPresent();
        assertThat(TaskStateChangeEvent.envelopeSkipReason(new ScheduledEvent()
                .withSource("aws.events").withDetailType("Scheduled Event").withDetail(Map.of())))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not an ECS Task State Change"));
        assertThat(TaskStateChangeEvent.envelopeSkipReason(new ScheduledEvent()
                .withSource("aws.ecs").withDetailType("ECS Task State Change").withDetail(null)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("no detail"));
    }

    static Map<String, Object> detail() {
        Map<String, Object> detail = new HashMap<>();
        detail.put("taskArn", "arn:aws:ecs:us-east-1:123456789012:task/prod/abc");
        detail.put("clusterArn", "arn:aws:ecs:us-east-1:123456789012:cluster/prod");
        detail.put("lastStatus", "STOPPED");
        detail.put("stopCode", "TaskFailedToStart");
        detail.put("stoppedReason", "ResourceInitializationError: unable to pull secrets or registry auth");
        detail.put("launchType", "FARGATE");
        detail.put("platformVersion", "1.4.0");
        detail.put("group", "service:web");
        detail.put("enableExecuteCommand", true);
        detail.put("attachments", List.of(Map.of("type", "eni", "details", List.of(
                Map.of("name", "subnetId", "value", "subnet-1"),
                Map.of("name", "networkInterfaceId", "value", "eni-1")))));
        return detail;
    }
}
