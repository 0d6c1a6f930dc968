package ecsvpce.core.needs;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The endpoint service a FireLens output plugin (Fluent Bit's {@code Name}) sends through. */
final class FireLensOutput {
    private static final Map<String, String> ENDPOINT_BY_PLUGIN = Map.of(
            "cloudwatch", "logs", "cloudwatch_logs", "logs",
            "firehose", "firehose", "kinesis_firehose", "firehose",
            "kinesis", "kinesis-streams", "kinesis_streams", "kinesis-streams",
            "s3", "s3");

    private FireLensOutput() {
    }

    /** @return the endpoint service's short name, e.g. {@code firehose}; empty for plugins that use none */
    static Optional<String> of(String plugin) {
        return plugin == null ? Optional.empty()
                : Optional.ofNullable(ENDPOINT_BY_PLUGIN.get(plugin.toLowerCase(Locale.ROOT)));
    }
}
