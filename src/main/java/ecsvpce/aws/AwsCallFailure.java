package ecsvpce.aws;

/**
 * An AWS call that failed for a reason retrying will not fix: access denied, or a request AWS
 * rejects. Reported once; the invocation ends normally so nothing retries it forever.
 */
public final class AwsCallFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of permanent failure it is. */
    public enum Kind { ACCESS_DENIED, REJECTED }

    private final Kind kind;
    private final String iamAction;
    private final String errorCode;

    AwsCallFailure(Kind kind, String iamAction, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.iamAction = iamAction;
        this.errorCode = errorCode;
    }

    public Kind kind() {
        return kind;
    }

    /** The IAM action of the failed call, e.g. {@code ec2:CreateVpcEndpoint}. */
    public String iamAction() {
        return iamAction;
    }

    public String errorCode() {
        return errorCode;
    }
}
