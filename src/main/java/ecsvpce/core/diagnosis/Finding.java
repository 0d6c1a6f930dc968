package ecsvpce.core.diagnosis;

import ecsvpce.core.EndpointService;

/**
 * Something a diagnosis found.
 *
 * @param service     the endpoint service concerned, null for VPC-wide findings
 * @param resourceId  the resource concerned (endpoint, VPC, route table), null when there is none
 * @param explanation one line for a person
 */
public record Finding(FindingCode code, EndpointService service, Severity severity, String resourceId,
                      String explanation) {

    public boolean isBlocking() {
        return severity == Severity.BLOCKING;
    }
}
