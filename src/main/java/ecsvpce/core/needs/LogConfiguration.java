package ecsvpce.core.needs;

import java.util.List;
import java.util.Map;

/** A container's {@code logConfiguration}. */
public record LogConfiguration(String logDriver, Map<String, String> options, List<SecretReference> secretOptions) {
    public LogConfiguration {
        options = options == null ? Map.of() : Map.copyOf(options);
        secretOptions = secretOptions == null ? List.of() : List.copyOf(secretOptions);
    }
}
