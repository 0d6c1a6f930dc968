package ecsvpce.aws;

import ecsvpce.app.port.CallFailure;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one AWS call and sorts its failure into a {@link CallFailure}: races become
 * {@link CallFailure.LostRace}, permanent client errors {@link CallFailure.Refused} naming the IAM
 * action, and anything transient (throttling, 5xx, timeouts, which the SDK has already retried with
 * backoff) {@link CallFailure.StillFailing}. No SDK exception leaves the adapters.
 */
final class AwsCall {
    private static final Set<String> ACCESS_DENIED = Set.of(
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess",
            "AuthFailure", "OptInRequired", "AuthorizationError");
    private static final Set<String> RACES = Set.of(
            "IdempotentParameterMismatch", "InvalidGroup.Duplicate");

    private AwsCall() {
    }

    static <T> T run(String iamAction, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            throw sort(iamAction, e);
        } catch (SdkException e) {
            throw new CallFailure.StillFailing(iamAction, e);
        }
    }

    static CallFailure sort(String iamAction, AwsServiceException e) {
        String code = errorCode(e);
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        if (code != null && ACCESS_DENIED.contains(code)) {
            return new CallFailure.Refused(true, iamAction, code,
                    iamAction + " was denied: grant it to the function's role (" + code + ")", e);
        }
        if (code != null && (RACES.contains(code) || isPrivateDnsConflict(code, message))) {
            return new CallFailure.LostRace(iamAction, iamAction + " lost a race (" + code + "): " + message, e);
        }
        if (e.isThrottlingException() || e.statusCode() >= 500 || e.retryable() || "IncorrectState".equals(code)) {
            return new CallFailure.StillFailing(iamAction, e);
        }
        return new CallFailure.Refused(false, iamAction, code, iamAction + " was rejected: " + code + ": " + message, e);
    }

    /** AWS's error code of a failure, or null when it carries none. */
    static String errorCode(Throwable failure) {
        return failure instanceof AwsServiceException e && e.awsErrorDetails() != null
                ? e.awsErrorDetails().errorCode() : null;
    }

    /** AWS refuses a second private-DNS endpoint for a service in a VPC with this message. */
    private static boolean isPrivateDnsConflict(String code, String message) {
        return "InvalidParameter".equals(code) && message != null
                && message.toLowerCase(Locale.ROOT).contains("conflicting dns domain");
    }
}
