package ecsvpce.core.failure;

import java.util.regex.Pattern;

/** Removes what must not leave the engine from free text such as a stop reason. */
public final class Redaction {
    // Presigned S3/ECR URLs carry credentials in X-Amz-Credential, X-Amz-Signature, X-Amz-Security-Token...
    private static final Pattern PRESIGNED_PARAMETER = Pattern.compile("(?i)(X-Amz-[A-Za-z-]+)=[^&\\s\"'<>]*");

    private Redaction() {
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        return PRESIGNED_PARAMETER.matcher(text).replaceAll("$1=REDACTED");
    }
}
