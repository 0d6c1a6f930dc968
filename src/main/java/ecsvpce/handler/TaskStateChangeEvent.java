package ecsvpce.handler;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import ecsvpce.app.port.StoppedTask;
import ecsvpce.core.failure.Redaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the generic EventBridge envelope of an "ECS Task State Change" to our own record. Lenient:
 * a field of the wrong type counts as missing, unknown fields are ignored, nothing here throws.
 */
final class TaskStateChangeEvent {
    static final String SOURCE = "aws.ecs";
    static final String DETAIL_TYPE = "ECS Task State Change";

    private TaskStateChangeEvent() {
    }

    /** Why the envelope itself is not ours to handle, if it is not. */
    static Optional<String> envelopeSkipReason(ScheduledEvent event) {
        if (event == null) {
            return Optional.of("empty event");
        }
        if (!SOURCE.equals(event.getSource()) || !DETAIL_TYPE.equals(event.getDetailType())) {
            return Optional.of("not an ECS Task State Change event (source " + event.getSource()
                    + ", detail-type " + event.getDetailType() + ")");
        }
        if (event.getDetail() == null || event.getDetail().isEmpty()) {
            return Optional.of("the event has no detail");
        }
        return Optional.empty();
    }

    /**
     * The accounts the event is about, whose ids its report may show: the envelope's {@code account}
     * and the account of the detail's {@code taskArn}. Any other account id is masked.
     */
    static Set<String> ownAccounts(ScheduledEvent event) {
        if (event == null) {
            return Set.of();
        }
        return Redaction.accountsOf(event.getAccount(), event.getDetail() == null ? null : event.getDetail().get("taskArn"));
    }

    static StoppedTask task(Map<String, Object> detail) {
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
