package ecsvpce.core.policy;

/**
 * A call a task's start-up makes through an endpoint.
 *
 * @param resource             the resource ARN, or null when the product cannot name it
 * @param awsInternalPrincipal made by an AWS service on the task's behalf (ECR's layer downloads from S3)
 */
public record StartupCall(String action, String resource, boolean awsInternalPrincipal) {
    @Override
    public String toString() {
        return action + (resource == null ? "" : " on " + resource);
    }
}
