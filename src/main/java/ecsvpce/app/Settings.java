package ecsvpce.app;

import ecsvpce.core.plan.PlanSettings;
import java.math.BigDecimal;
import java.util.Map;

/** The function's configuration, read once per container from its environment. */
public record Settings(Mode mode, PlanSettings plan) {

    public static final String MODE = "REMEDIATION_MODE";
    public static final String WITH_INTERNET_PATH = "REMEDIATE_WITH_INTERNET_PATH";
    public static final String USD_PER_AZ_HOUR = "INTERFACE_ENDPOINT_USD_PER_AZ_HOUR";

    /** Reads the settings; a value that is set but malformed is an error, never a silent default. */
    public static Settings fromEnvironment(Map<String, String> env) {
        String mode = env.getOrDefault(MODE, Mode.REMEDIATE.name()).trim();
        Mode parsedMode;
        try {
            parsedMode = Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(MODE + " must be REMEDIATE or DRY_RUN, not '" + mode + "'", e);
        }
        String internet = env.getOrDefault(WITH_INTERNET_PATH, "false").trim();
        if (!internet.equalsIgnoreCase("true") && !internet.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(WITH_INTERNET_PATH + " must be true or false, not '" + internet + "'");
        }
        BigDecimal price;
        String priceText = env.getOrDefault(USD_PER_AZ_HOUR, PlanSettings.US_EAST_1_USD_PER_AZ_HOUR.toPlainString());
        try {
            price = new BigDecimal(priceText.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(USD_PER_AZ_HOUR + " must be a number, not '" + priceText + "'", e);
        }
        if (price.signum() < 0) {
            throw new IllegalArgumentException(USD_PER_AZ_HOUR + " must not be negative");
        }
        return new Settings(parsedMode, new PlanSettings(Boolean.parseBoolean(internet), price));
    }
}
