package ecsvpce.app.port;

import ecsvpce.report.ErrorSummary;

/**
 * An AWS call that failed, sorted by what the caller should do about it. The adapters turn every
 * SDK failure into one of these, so use cases decide without knowing the SDK.
 */
public abstract sealed class CallFailure extends RuntimeException
        permits CallFailure.Refused, CallFailure.StillFailing, CallFailure.LostRace {
    private static final long serialVersionUID = 1L;

    private final String iamAction;

    private CallFailure(String iamAction, String message, Throwable cause) {
        super(message, cause);
        this.iamAction = iamAction;
    }

    /** The IAM action of the failed call, e.g. {@code ec2:CreateVpcEndpoint}. */
    public String iamAction() {
        return iamAction;
    }

    /** The failure as a report shows it. */
    public abstract ErrorSummary summary();

    /**
     * Access denied, or a request AWS rejects: retrying will not help. Reported once; the
     * invocation ends normally so nothing retries it forever.
     */
    public static final class Refused extends CallFailure {
        private static final long serialVersionUID = 1L;
        private final boolean accessDenied;
        private final String errorCode;

        public Refused(boolean accessDenied, String iamAction, String errorCode, String message, Throwable cause) {
            super(iamAction, message, cause);
            this.accessDenied = accessDenied;
            this.errorCode = errorCode;
        }

        public String errorCode() {
            return errorCode;
        }

        @Override
        public ErrorSummary summary() {
            return new ErrorSummary(accessDenied ? ErrorSummary.Kind.ACCESS_DENIED : ErrorSummary.Kind.REJECTED,
                    iamAction(), errorCode, getMessage());
        }
    }

    /**
     * Throttling, a 5xx or a timeout that outlasted the SDK's retries. The task-stopped function
     * lets it escape so Lambda retries the invocation; the sweep reports it and goes on.
     */
    public static final class StillFailing extends CallFailure {
        private static final long serialVersionUID = 1L;

        public StillFailing(String iamAction, Throwable cause) {
            super(iamAction, iamAction + " still failing after the SDK's retries: " + cause.getMessage(), cause);
        }

        @Override
        public ErrorSummary summary() {
            return new ErrorSummary(ErrorSummary.Kind.TRANSIENT, iamAction(), null, getMessage());
        }
    }

    /**
     * A write lost a race: another invocation created the same endpoint or security group a moment
     * earlier. The caller re-reads the VPC and adopts what is there.
     */
    public static final class LostRace extends CallFailure {
        private static final long serialVersionUID = 1L;

        public LostRace(String iamAction, String message, Throwable cause) {
            super(iamAction, message, cause);
        }

        @Override
        public ErrorSummary summary() {
            return new ErrorSummary(ErrorSummary.Kind.TRANSIENT, iamAction(), null, getMessage());
        }
    }
}
