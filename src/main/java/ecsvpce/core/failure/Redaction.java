package ecsvpce.core.failure;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what must not leave the engine from free text such as a stop reason: the credentials of
 * presigned URLs ({@link #redact}) and, where the text is about one account, the ids of every other
 * account ({@link #maskOtherAccounts}).
 */
public final class Redaction {
    /** What stands in for an account id that is not the report's own. */
    public static final String OTHER_ACCOUNT = "<other-account>";

    private static final String VALUE = "(?:(?!%26)[^&\\s\"'<>\\\\])*";
    // Presigned S3/ECR URLs carry credentials in X-Amz-Credential, X-Amz-Signature, X-Amz-Security-Token...,
    // also percent-encoded (X-Amz-Signature%3D...%26) when the URL sits inside another URL.
    private static final Pattern PRESIGNED_PARAMETER = Pattern.compile("(?i)(X-Amz-[A-Za-z-]+)(=|%3D)" + VALUE);
    // Signature version 2 presigned URLs: ?AWSAccessKeyId=...&Expires=...&Signature=...
    private static final Pattern SIGV2_PARAMETER = Pattern.compile("(?i)([?&](?:AWSAccessKeyId|Signature))=" + VALUE);
    // A UUID is kept whole (its last group may be twelve digits); any other run of exactly twelve
    // digits that touches no letter or digit is an account id (ARNs, ECR registries, sts messages).
    private static final Pattern UUID_OR_ACCOUNT = Pattern.compile(
            "(?i)(?<![0-9a-z])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-z])"
                    + "|(?<![0-9A-Za-z])([0-9]{12})(?![0-9A-Za-z])");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    private Redaction() {
    }

    /** The text with the values of presigned URL credentials replaced by {@code REDACTED}. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String v4 = PRESIGNED_PARAMETER.matcher(text).replaceAll("$1$2REDACTED");
        return SIGV2_PARAMETER.matcher(v4).replaceAll("$1=REDACTED");
    }

    /** The text with every account id but {@code ownAccounts} replaced by {@link #OTHER_ACCOUNT}. */
    public static String maskOtherAccounts(String text, Set<String> ownAccounts) {
        if (text == null) {
            return null;
        }
        Matcher matcher = UUID_OR_ACCOUNT.matcher(text);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(
                match.group(1) == null || ownAccounts.contains(match.group(1)) ? match.group() : OTHER_ACCOUNT));
    }

    /** {@link #redact} and {@link #maskOtherAccounts}: what a report may show of a text. */
    public static String forReport(String text, Set<String> ownAccounts) {
        return maskOtherAccounts(redact(text), ownAccounts);
    }

    /**
     * The account ids named by these texts, each an account id or an ARN; anything else names none.
     */
    public static Set<String> accountsOf(Object... accountsOrArns) {
        Set<String> accounts = new LinkedHashSet<>();
        for (Object value : accountsOrArns) {
            accountOf(value).ifPresent(accounts::add);
        }
        return accounts;
    }

    private static Optional<String> accountOf(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        if (ACCOUNT_ID.matcher(text).matches()) {
            return Optional.of(text);
        }
        String[] parts = text.split(":", 6);
        return parts.length == 6 && "arn".equals(parts[0]) && ACCOUNT_ID.matcher(parts[4]).matches()
                ? Optional.of(parts[4]) : Optional.empty();
    }
}
