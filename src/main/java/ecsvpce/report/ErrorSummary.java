package ecsvpce.report;

/**
 * An AWS call that failed, as reports show it.
 *
 * @param iamAction the IAM action of the failed call, e.g. {@code ec2:CreateVpcEndpoint}
 * @param code      AWS's error code, when AWS answered with one
 */
public record ErrorSummary(Kind kind, String iamAction, String code, String message) {

    /** Why the call failed. */
    public enum Kind {
        /** The function's role lacks the action: grant it. */
        ACCESS_DENIED,
        /** AWS rejected the request for good (invalid or conflicting). */
        REJECTED,
        /** Throttling, 5xx or timeouts that outlasted the SDK's retries: the next run reads it again. */
        TRANSIENT
    }
}
