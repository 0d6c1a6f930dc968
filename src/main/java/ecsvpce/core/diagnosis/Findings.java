package ecsvpce.core.diagnosis;

import ecsvpce.core.EndpointService;
import ecsvpce.core.network.Route;
import java.util.ArrayList;
import java.util.List;

/** The findings of one diagnosis as its checks add them, in order. */
final class Findings {
    private final List<Finding> found = new ArrayList<>();

    void add(FindingCode code, EndpointService service, Severity severity, String resourceId, String explanation) {
        add(code, service, severity, resourceId, explanation, null);
    }

    /** @param fix the exact change for a person, when the product may not make it */
    void add(FindingCode code, EndpointService service, Severity severity, String resourceId, String explanation,
             String fix) {
        found.add(new Finding(code, service, severity, resourceId, explanation, fix));
    }

    /**
     * The task reaches the internet through {@code target}: the gaps that path covers no longer block
     * the start. Through a gateway they are advisory; through something that may filter (a firewall,
     * an appliance, a central egress VPC) they are unverified, since what it lets through is not seen.
     */
    void coveredThrough(String target) {
        boolean mayFilter = Route.mayFilter(target);
        found.replaceAll(f -> !f.isBlocking() || !f.code().isCoveredByAnInternetPath() ? f
                : new Finding(f.code(), f.service(), mayFilter ? Severity.UNVERIFIED : Severity.ADVISORY,
                        f.resourceId(), f.explanation() + "; meanwhile the task reaches "
                        + (f.service() == null ? "the service" : f.service().id()) + " through " + target
                        + (mayFilter ? ", if " + target + " lets it through" : ""), f.fix()));
    }

    List<Finding> all() {
        return List.copyOf(found);
    }
}
