package ecsvpce.app;

import ecsvpce.report.SweepReport.ServiceEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sweep covers. Empty lists mean everything.
 *
 * @param dryRun       a manual run may ask for a dry run even when the function remediates; never the reverse
 * @param serviceEvent when set, the sweep covers that one service only, read on its own
 */
public record SweepScope(List<String> clusters, Set<String> vpcIds, boolean dryRun, ServiceEvent serviceEvent) {
    public SweepScope {
        clusters = List.copyOf(clusters);
        vpcIds = Set.copyOf(vpcIds);
    }

    public SweepScope(List<String> clusters, Set<String> vpcIds, boolean dryRun) {
        this(clusters, vpcIds, dryRun, null);
    }

    public static SweepScope everything() {
        return new SweepScope(List.of(), Set.of(), false);
    }

    /** The one service an ECS event is about, checked like the sweep checks every service. */
    public static SweepScope ofService(ServiceEvent event) {
        return new SweepScope(List.of(), Set.of(), false, event);
    }

    /**
     * Reads a manual invocation's payload ({@code {"clusters": [...], "vpcIds": [...], "dryRun": true}});
     * the schedule's own event carries none of these keys and means everything.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static SweepScope fromPayload(Map<String, Object> payload) {
        if (payload == null) {
            return everything();
        }
        Object dryRun = payload.getOrDefault("dryRun", false);
        if (!(dryRun instanceof Boolean)) {
            throw new IllegalArgumentException("dryRun must be true or false");
        }
        return new SweepScope(strings(payload, "clusters"), Set.copyOf(strings(payload, "vpcIds")), (Boolean) dryRun);
    }

    private static List<String> strings(Map<String, Object> payload, String key) {
        Object value = payload.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof String s) || s.isBlank())) {
            throw new IllegalArgumentException(key + " must be a list of non-empty strings");
        }
        return list.stream().map(String.class::cast).toList();
    }
}
