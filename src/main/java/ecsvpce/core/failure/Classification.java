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
 */
public record Classification(
        FailureClass failureClass,
        Optional<EndpointService> service,
        String explanation,
        Optional<String> missingIamAction,
        String redactedReason) {
}
