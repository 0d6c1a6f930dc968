package ecsvpce.handler;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(TaskStateChangeEvent.envelopeSkipReason(event("aws.ecs", "ECS Task State Change", detail()))).isEmpty();

        assertThat(TaskStateChangeEvent.envelopeSkipReason(null)).contains("empty event");
        assertThat(TaskStateChangeEvent.envelopeSkipReason(event("aws.events", "Scheduled Event", Map.of())))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not an ECS Task State Change"));
        assertThat(TaskStateChangeEvent.envelopeSkipReason(event("aws.ecs", "ECS Task State Change", null)))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("the event has no detail"));
    }

    @Test
    void aPayloadOfAnyOtherShapeIsNotOursAndSaysWhatItIs() {
        assertThat(TaskStateChangeEvent.envelopeSkipReason(true))
                .contains("not an ECS Task State Change event: the payload is a boolean, not an object");
        assertThat(TaskStateChangeEvent.envelopeSkipReason(List.of(event("aws.ecs", "ECS Task State Change", detail()))))
                .contains("not an ECS Task State Change event: the payload is an array, not an object");
        assertThat(TaskStateChangeEvent.envelopeSkipReason(event(List.of("aws.ecs"), "ECS Task State Change", detail())))
                .as("a source that is no string is no source").hasValueSatisfying(reason ->
                        assertThat(reason).startsWith("not an ECS Task State Change event (source [aws.ecs]"));
        assertThat(TaskStateChangeEvent.envelopeSkipReason(event("aws.ecs", "ECS Task State Change", "detail")))
                .contains("the event has no detail object (its detail is a string)");
    }

    @Test
    void ownAccountsAreTheEnvelopesAndTheTasks() {
        Map<String, Object> event = event("aws.ecs", "ECS Task State Change", detail());
        event.put("account", "210987654321");

        assertThat(TaskStateChangeEvent.ownAccounts(event)).containsExactlyInAnyOrder("210987654321", "123456789012");
        assertThat(TaskStateChangeEvent.ownAccounts(42)).isEmpty();
    }

    private static Map<String, Object> event(Object source, Object detailType, Object detail) {
        Map<String, Object> event = new HashMap<>();
        event.put("source", source);
        event.put("detail-type", detailType);
        event.put("detail", detail);
        return event;
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
