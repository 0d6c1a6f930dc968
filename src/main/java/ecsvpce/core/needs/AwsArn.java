package ecsvpce.core.needs;

import java.util.Optional;

/** The parts of an ARN the needs rules look at. */
record AwsArn(String service, String region) {

    /** Parses {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}; empty when the text is not an ARN. */
    static Optional<AwsArn> parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6) {
            return Optional.empty();
        }
        return Optional.of(new AwsArn(parts[2], parts[3]));
    }
}
