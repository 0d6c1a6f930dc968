package ecsvpce.aws;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Runs one AWS call and sorts its failure: races become {@link ConcurrentChange}, permanent client
 * errors become {@link AwsCallFailure} naming the IAM action, and anything transient (throttling,
 * 5xx, timeouts, which the SDK has already retried with backoff) is rethrown so Lambda retries the
 * invocation.
 */
final class AwsCall {
    private static final Set<String> ACCESS_DENIED = Set.of(
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess",
            "AuthFailure", "OptInRequired");
    private static final Set<String> RACES = Set.of(
            "IdempotentParameterMismatch", "InvalidGroup.Duplicate");

    private AwsCall() {
    }

    static <T> T run(String iamAction, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            throw sort(iamAction, e);
        }
    }

    static RuntimeException sort(String iamAction, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        if (code != null && ACCESS_DENIED.contains(code)) {
            return new AwsCallFailure(AwsCallFailure.Kind.ACCESS_DENIED, iamAction, code,
                    iamAction + " was denied: grant it to the function's role (" + code + ")", e);
        }
        if (code != null && (RACES.contains(code) || isPrivateDnsConflict(code, message))) {
            return new ConcurrentChange(iamAction + " lost a race (" + code + "): " + message, e);
        }
        if (e.isThrottlingException() || e.statusCode() >= 500 || e.retryable() || "IncorrectState".equals(code)) {
            return e;
        }
        return new AwsCallFailure(AwsCallFailure.Kind.REJECTED, iamAction, code,
                iamAction + " was rejected: " + code + ": " + message, e);
    }

    /** AWS refuses a second private-DNS endpoint for a service in a VPC with this message. */
    private static boolean isPrivateDnsConflict(String code, String message) {
        return "InvalidParameter".equals(code) && message != null
                && message.toLowerCase(Locale.ROOT).contains("conflicting dns domain");
    }
}
