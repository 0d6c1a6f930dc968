package ecsvpce.app;

import ecsvpce.core.cost.EndpointPrice;
import ecsvpce.core.cost.RegionPrices;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The sweep's cost settings, read once per container from its environment.
 *
 * @param idleWindowDays     an endpoint idle this long (and older) is idle ({@code IDLE_WINDOW_DAYS})
 * @param removeIdle         remove idle endpoints the product created ({@code REMOVE_IDLE_ENDPOINTS})
 * @param usdPerAzHour       the team's own hourly price ({@code INTERFACE_ENDPOINT_USD_PER_AZ_HOUR}), or
 *                           empty for the Region's list price
 */
public record CostSettings(int idleWindowDays, boolean removeIdle, Optional<BigDecimal> usdPerAzHour) {
    public static final String IDLE_WINDOW_DAYS = "IDLE_WINDOW_DAYS";
    public static final String REMOVE_IDLE_ENDPOINTS = "REMOVE_IDLE_ENDPOINTS";
    public static final int DEFAULT_IDLE_WINDOW_DAYS = 30;
    /** CloudWatch keeps hourly datapoints 455 days: a longer window would read less than it says. */
    public static final int MAX_IDLE_WINDOW_DAYS = 455;

    public CostSettings {
        if (idleWindowDays < 1 || idleWindowDays > MAX_IDLE_WINDOW_DAYS) {
            throw new IllegalArgumentException(IDLE_WINDOW_DAYS + " must be 1 to " + MAX_IDLE_WINDOW_DAYS
                    + ", not " + idleWindowDays);
        }
    }

    public static CostSettings defaults() {
        return new CostSettings(DEFAULT_IDLE_WINDOW_DAYS, false, Optional.empty());
    }

    public Duration window() {
        return Duration.ofDays(idleWindowDays);
    }

    public EndpointPrice price(String region) {
        return RegionPrices.of(region, usdPerAzHour);
    }

    /** Reads the settings; a value that is set but malformed is an error, never a silent default. */
    public static CostSettings fromEnvironment(Map<String, String> env) {
        String days = env.getOrDefault(IDLE_WINDOW_DAYS, "").trim();
        int window;
        try {
            window = days.isEmpty() ? DEFAULT_IDLE_WINDOW_DAYS : Integer.parseInt(days);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(IDLE_WINDOW_DAYS + " must be a whole number of days, not '" + days + "'", e);
        }
        String remove = env.getOrDefault(REMOVE_IDLE_ENDPOINTS, "").trim();
        if (!remove.isEmpty() && !remove.equalsIgnoreCase("true") && !remove.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(REMOVE_IDLE_ENDPOINTS + " must be true or false, not '" + remove + "'");
        }
        return new CostSettings(window, Boolean.parseBoolean(remove), Settings.priceOverride(env));
    }
}
