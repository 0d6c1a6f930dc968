package ecsvpce.core.diagnosis;

import ecsvpce.core.EndpointService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
     * the start. They are advisory when the path surely serves the task; unverified when that is not
     * seen ({@code unless} says on what it depends: what a firewall lets through, a public IP nobody named).
     */
    void coveredThrough(String target, Optional<String> unless) {
        found.replaceAll(f -> !f.isBlocking() || !f.code().isCoveredByAnInternetPath() ? f
                : new Finding(f.code(), f.service(), unless.isPresent() ? Severity.UNVERIFIED : Severity.ADVISORY,
                        f.resourceId(), f.explanation() + "; meanwhile the task reaches "
                        + (f.service() == null ? "the service" : f.service().id()) + " through " + target
                        + unless.map(condition -> ", if " + condition).orElse(""), f.fix()));
    }

    List<Finding> all() {
        return List.copyOf(found);
    }
}
