package ecsvpce.handler;

import ecsvpce.app.port.StoppedTask;
import ecsvpce.core.failure.Redaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the EventBridge envelope of an "ECS Task State Change", as read by {@link RawPayload}, to our
 * own record. Lenient: a field of the wrong type counts as missing, unknown fields are ignored,
 * nothing here throws.
 */
final class TaskStateChangeEvent {
    static final String SOURCE = "aws.ecs";
    static final String DETAIL_TYPE = "ECS Task State Change";

    private TaskStateChangeEvent() {
    }

    /** Why the payload is not an event of ours to handle, if it is not. */
    static Optional<String> envelopeSkipReason(Object payload) {
        if (payload == null) {
            return Optional.of("empty event");
        }
        if (!(payload instanceof Map<?, ?> event)) {
            return Optional.of("not an ECS Task State Change event: the payload is " + RawPayload.kindOf(payload)
                    + ", not an object");
        }
        if (!SOURCE.equals(event.get("source")) || !DETAIL_TYPE.equals(event.get("detail-type"))) {
            return Optional.of("not an ECS Task State Change event (source " + event.get("source")
                    + ", detail-type " + event.get("detail-type") + ")");
        }
        Object detail = event.get("detail");
        if (detail == null || detail instanceof Map<?, ?> map && map.isEmpty()) {
            return Optional.of("the event has no detail");
        }
        if (!(detail instanceof Map<?, ?>)) {
            return Optional.of("the event has no detail object (its detail is " + RawPayload.kindOf(detail) + ")");
        }
        return Optional.empty();
    }

    /**
     * The accounts the event is about, whose ids its report may show: the envelope's {@code account}
     * and the account of the detail's {@code taskArn}. Any other account id is masked.
     */
    static Set<String> ownAccounts(Object payload) {
        if (!(payload instanceof Map<?, ?> event)) {
            return Set.of();
        }
        return Redaction.accountsOf(event.get("account"),
                event.get("detail") instanceof Map<?, ?> detail ? detail.get("taskArn") : null);
    }

    /** The task an event of ours describes; call only when {@link #envelopeSkipReason} found none. */
    static StoppedTask task(Object payload) {
        return task((Map<?, ?>) ((Map<?, ?>) payload).get("detail"));
    }

    static StoppedTask task(Map<?, ?> detail) {
        StoppedTask.Builder task = StoppedTask.builder()
                .taskArn(string(detail.get("taskArn")))
                .clusterArn(string(detail.get("clusterArn")))
                .taskDefinitionArn(string(detail.get("taskDefinitionArn")))
                .lastStatus(string(detail.get("lastStatus")))
                .stopCode(string(detail.get("stopCode")))
                .stoppedReason(string(detail.get("stoppedReason")))
                .launchType(string(detail.get("launchType")))
                .capacityProviderName(string(detail.get("capacityProviderName")))
                .platformVersion(string(detail.get("platformVersion")))
                .platformFamily(string(detail.get("platformFamily")))
                .availabilityZone(string(detail.get("availabilityZone")))
                .group(string(detail.get("group")))
                .startedBy(string(detail.get("startedBy")))
                .executeCommandEnabled(Boolean.TRUE.equals(detail.get("enableExecuteCommand")));
        for (Object attachment : list(detail.get("attachments"))) {
            if (attachment instanceof Map<?, ?> map) {
                Map<String, String> details = new LinkedHashMap<>();
                for (Object pair : list(map.get("details"))) {
                    if (pair instanceof Map<?, ?> kv && string(kv.get("name")) != null) {
                        details.put(string(kv.get("name")), string(kv.get("value")));
                    }
                }
                task.attachment(string(map.get("type")), details);
            }
        }
        return task.build();
    }

    private static String string(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
