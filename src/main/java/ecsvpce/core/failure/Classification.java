package ecsvpce.core.failure;

import ecsvpce.core.EndpointService;
import java.util.Optional;

/**
 * A classified stop reason.
 *
 * @param failureClass    the class
 * @param service         the service the message points at; empty when it points at none in
 *                        particular (then every need is checked)
 * @param explanation     one line for a person: what the message means and what to do
 * @param missingIamAction for the permission class, the IAM action the message names, if any
 * @param redactedReason  the stop reason with presigned URL signatures removed
 * @param dialedAddress   what the task tried to connect to, from the message's {@code dial tcp}: an
 *                        IPv4 address (a private one inside the VPC means an endpoint answered DNS but
 *                        something else blocks it; a public one means DNS did not lead to an endpoint)
 *                        or, when the name did not resolve, the host name
 * @param scope           the needs whose network gaps this failure lets the product fix
 */
public record Classification(
        FailureClass failureClass,
        Optional<EndpointService> service,
        String explanation,
        Optional<String> missingIamAction,
        String redactedReason,
        Optional<String> dialedAddress,
        ChangeScope scope) {
}
