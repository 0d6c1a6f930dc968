package ecsvpce.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/** Where and when a report's subject happened, as far as the invocation tells. */
final class Origins {
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    private Origins() {
    }

    /**
     * The account a report is about: the event's own {@code account} when it names one, else the
     * account in the function's ARN (a sweep or a follow-up check looks at its own account).
     */
    static String account(String eventAccount, Context context) {
        if (eventAccount != null && ACCOUNT_ID.matcher(eventAccount).matches()) {
            return eventAccount;
        }
        String arn = context == null ? null : context.getInvokedFunctionArn();
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length == 6 && ACCOUNT_ID.matcher(parts[4]).matches() ? parts[4] : null;
    }

    /** When the task stopped, from the event's {@code detail.stoppedAt}; null when it does not say. */
    static Instant stoppedAt(Map<?, ?> detail) {
        Object stoppedAt = detail == null ? null : detail.get("stoppedAt");
        try {
            return stoppedAt instanceof String text ? Instant.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
