package ecsvpce.handler;

import static ecsvpce.handler.PayloadFields.object;
import static ecsvpce.handler.PayloadFields.string;
import static ecsvpce.handler.PayloadFields.strings;

import ecsvpce.app.SweepScope;
import ecsvpce.report.SweepReport.ServiceEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ECS events that ask for a sweep of one service: a {@code CreateService} or {@code UpdateService}
 * call as CloudTrail delivers it to EventBridge ({@code AWS API Call via CloudTrail}), and ECS's own
 * service action {@code SERVICE_TASK_START_IMPAIRED} ({@code ECS Service Action}). Both name the
 * service; its cluster may be given by name or ARN, or not at all (the default cluster).
 */
final class ServiceEvents {
    static final String CLOUDTRAIL = "AWS API Call via CloudTrail";
    static final String SERVICE_ACTION = "ECS Service Action";
    private static final Set<String> CALLS = Set.of("CreateService", "UpdateService");

    private ServiceEvents() {
    }

    /** @throws IllegalArgumentException saying why the event asks for no sweep */
    static SweepScope scope(Map<String, Object> event) {
        String detailType = event.get("detail-type") instanceof String text ? text : null;
        Map<String, Object> detail = object(event, "detail");
        if (detail == null) {
            throw new IllegalArgumentException("the " + detailType + " event has no detail");
        }
        if (CLOUDTRAIL.equals(detailType)) {
            return SweepScope.ofService(apiCall(detail));
        }
        if (SERVICE_ACTION.equals(detailType)) {
            String name = string(detail, "eventName");
            if (!ServiceEvent.START_IMPAIRED.equals(name)) {
                throw new IllegalArgumentException("service action " + name + " asks for no sweep (only "
                        + ServiceEvent.START_IMPAIRED + ")");
            }
            List<String> resources = strings(event, "resources");
            if (resources.isEmpty()) {
                throw new IllegalArgumentException(name + " names no service in its resources");
            }
            return SweepScope.ofService(new ServiceEvent(name, string(detail, "clusterArn"), resources.get(0)));
        }
        throw new IllegalArgumentException("an aws.ecs event of detail-type " + detailType + " asks for no sweep");
    }

    /** The service the call created or updated: from ECS's answer, else from what was asked. */
    private static ServiceEvent apiCall(Map<String, Object> detail) {
        String name = string(detail, "eventName");
        if (!CALLS.contains(name)) {
            throw new IllegalArgumentException("the API call " + name + " changes no service's tasks");
        }
        if (detail.get("errorCode") != null) {
            throw new IllegalArgumentException(name + " failed (" + detail.get("errorCode") + "): it changed nothing");
        }
        Map<String, Object> request = object(detail, "requestParameters");
        Map<String, Object> response = object(detail, "responseElements");
        Map<String, Object> service = response == null ? null : object(response, "service");
        Map<String, Object> asked = request == null ? Map.of() : request;
        String cluster = service != null && string(service, "clusterArn") != null ? string(service, "clusterArn")
                : string(asked, "cluster");
        String serviceName = service != null && string(service, "serviceArn") != null ? string(service, "serviceArn")
                : string(asked, name.equals("CreateService") ? "serviceName" : "service");
        if (serviceName == null) {
            throw new IllegalArgumentException(name + " names no service");
        }
        return new ServiceEvent(name, cluster, serviceName);
    }
}
