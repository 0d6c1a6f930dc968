package ecsvpce.app;

import ecsvpce.core.cost.RegionPrices;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.report.Mode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The function's configuration, read once per container from its environment.
 *
 * @param allowedVpcIds when not empty, the only VPCs the functions read or change
 */
public record Settings(Mode mode, PlanSettings plan, Set<String> allowedVpcIds) {

    public static final String MODE = "REMEDIATION_MODE";
    public static final String WITH_INTERNET_PATH = "REMEDIATE_WITH_INTERNET_PATH";
    public static final String USD_PER_AZ_HOUR = "INTERFACE_ENDPOINT_USD_PER_AZ_HOUR";
    public static final String ALLOWED_VPC_IDS = "ALLOWED_VPC_IDS";
    /** Set by Lambda: the Region the functions run in. */
    static final String REGION = "AWS_REGION";
    private static final Pattern VPC_ID = Pattern.compile("vpc-[0-9a-f]{8,17}");

    public Settings {
        allowedVpcIds = Set.copyOf(allowedVpcIds);
    }

    public Settings(Mode mode, PlanSettings plan) {
        this(mode, plan, Set.of());
    }

    public boolean allows(String vpcId) {
        return allowedVpcIds.isEmpty() || allowedVpcIds.contains(vpcId);
    }

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
        // Unset or empty: the Region's list price (docs/cost.md#prices-by-region).
        BigDecimal price = RegionPrices.of(env.get(REGION), priceOverride(env)).usdPerAzHour();
        Set<String> allowed = new TreeSet<>();
        for (String id : env.getOrDefault(ALLOWED_VPC_IDS, "").split(",")) {
            if (!id.isBlank() && !VPC_ID.matcher(id.trim()).matches()) {
                throw new IllegalArgumentException(ALLOWED_VPC_IDS + " must be comma-separated VPC ids, not '" + id + "'");
            }
            if (!id.isBlank()) {
                allowed.add(id.trim());
            }
        }
        return new Settings(parsedMode, new PlanSettings(Boolean.parseBoolean(internet), price), allowed);
    }

    /** The team's hourly price per AZ, when set: it overrides the Region's list price. */
    static Optional<BigDecimal> priceOverride(Map<String, String> env) {
        String priceText = env.getOrDefault(USD_PER_AZ_HOUR, "").trim();
        if (priceText.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal price;
        try {
            price = new BigDecimal(priceText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(USD_PER_AZ_HOUR + " must be a number, not '" + priceText + "'", e);
        }
        if (price.signum() < 0) {
            throw new IllegalArgumentException(USD_PER_AZ_HOUR + " must not be negative");
        }
        return Optional.of(price);
    }
}
