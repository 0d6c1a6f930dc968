package ecsvpce.core.diagnosis;

import ecsvpce.core.EndpointService;
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

    List<Finding> all() {
        return List.copyOf(found);
    }
}
