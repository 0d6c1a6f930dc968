package ecsvpce.app;

import java.util.Map;

/**
 * Whether the follow-up check recovers a service once its fix is live (one new deployment), read once
 * per container from the environment.
 */
public record RecoverySettings(boolean recoverServices) {
    public static final String RECOVER_SERVICES = "RECOVER_SERVICES";

    /** The default: recover. */
    public static RecoverySettings on() {
        return new RecoverySettings(true);
    }

    /** Reads {@code RECOVER_SERVICES}: unset means true; anything but true or false is an error, never a silent default. */
    public static RecoverySettings fromEnvironment(Map<String, String> env) {
        String value = env.getOrDefault(RECOVER_SERVICES, "true").trim();
        if (value.isEmpty() || value.equalsIgnoreCase("true")) {
            return on();
        }
        if (value.equalsIgnoreCase("false")) {
            return new RecoverySettings(false);
        }
        throw new IllegalArgumentException(RECOVER_SERVICES + " must be true or false, not '" + value + "'");
    }
}
