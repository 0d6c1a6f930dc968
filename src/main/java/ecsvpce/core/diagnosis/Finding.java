package ecsvpce.core.diagnosis;

import ecsvpce.core.EndpointService;

/**
 * Something a diagnosis found.
 *
 * @param service     the endpoint service concerned, null for VPC-wide findings
 * @param resourceId  the resource concerned (endpoint, VPC, route table, ACL, zone), null when there is none
 * @param explanation one line for a person
 * @param fix         the exact change that would settle it, an AWS CLI command or a JSON statement ready
 *                    to paste: what the product does itself where it may, and what a person (or the
 *                    VPC's owner) does where it may not; null for what needs no change
 */
public record Finding(FindingCode code, EndpointService service, Severity severity, String resourceId,
                      String explanation, String fix) {

    public boolean isBlocking() {
        return severity == Severity.BLOCKING;
    }
}
