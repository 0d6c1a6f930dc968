package ecsvpce.handler;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import ecsvpce.app.StoppedTask;
import ecsvpce.core.failure.Redaction;
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
        String subnetId = null;
        String networkInterfaceId = null;
        for (Object attachment : list(detail.get("attachments"))) {
            if (attachment instanceof Map<?, ?> map && isNetworkInterface(string(map.get("type")))) {
                for (Object pair : list(map.get("details"))) {
                    if (pair instanceof Map<?, ?> kv) {
                        String name = string(kv.get("name"));
                        if ("subnetId".equals(name)) {
                            subnetId = string(kv.get("value"));
                        } else if ("networkInterfaceId".equals(name)) {
                            networkInterfaceId = string(kv.get("value"));
                        }
                    }
                }
            }
        }
        return new StoppedTask(
                string(detail.get("taskArn")),
                string(detail.get("clusterArn")),
                string(detail.get("taskDefinitionArn")),
                string(detail.get("lastStatus")),
                string(detail.get("stopCode")),
                string(detail.get("stoppedReason")),
                string(detail.get("launchType")),
                string(detail.get("capacityProviderName")),
                string(detail.get("platformVersion")),
                string(detail.get("platformFamily")),
                string(detail.get("availabilityZone")),
                string(detail.get("group")),
                string(detail.get("startedBy")),
                Boolean.TRUE.equals(detail.get("enableExecuteCommand")),
                subnetId,
                networkInterfaceId,
                Map.of());
    }

    private static boolean isNetworkInterface(String type) {
        return "eni".equalsIgnoreCase(type) || "ElasticNetworkInterface".equalsIgnoreCase(type);
    }

    private static String string(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
