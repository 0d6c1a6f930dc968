package ecsvpce.core.cost;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * AWS PrivateLink list prices of an interface endpoint, by Region (docs/cost.md#prices-by-region).
 * Only prices checked against AWS's Price List are in the table; a Region that is not falls back to
 * us-east-1's and says so, and the parameter {@code InterfaceEndpointUsdPerAzHour} overrides the
 * hourly price everywhere.
 */
public final class RegionPrices {
    /** When the table was last checked against the AWS Price List (service AmazonVPC, usage type REGION-VpcEndpoint-Hours). */
    public static final String CHECKED = "2026-12-07";
    /** Hours in a month, as AWS's own price examples count them. */
    public static final BigDecimal HOURS_PER_MONTH = new BigDecimal("730");
    /** Data processed by all interface endpoints of a Region, first petabyte of a month. */
    static final BigDecimal USD_PER_GB_FIRST_PB = new BigDecimal("0.01");
    private static final String FALLBACK_REGION = "us-east-1";
    private static final Map<String, BigDecimal> USD_PER_AZ_HOUR = Map.of(
            "us-east-1", new BigDecimal("0.01"),
            "us-west-2", new BigDecimal("0.01"),
            "eu-central-1", new BigDecimal("0.012"),
            "ap-northeast-1", new BigDecimal("0.014"));

    private RegionPrices() {
    }

    /**
     * @param region   the Region the endpoints are in
     * @param override the hourly price a team set, if any
     */
    public static EndpointPrice of(String region, Optional<BigDecimal> override) {
        if (override.isPresent()) {
            return new EndpointPrice(region, override.get(), USD_PER_GB_FIRST_PB,
                    "parameter InterfaceEndpointUsdPerAzHour; data processing at the list price");
        }
        BigDecimal listed = region == null ? null : USD_PER_AZ_HOUR.get(region);
        if (listed != null) {
            return new EndpointPrice(region, listed, USD_PER_GB_FIRST_PB,
                    "AWS PrivateLink list price for " + region + ", checked " + CHECKED);
        }
        return new EndpointPrice(region, USD_PER_AZ_HOUR.get(FALLBACK_REGION), USD_PER_GB_FIRST_PB,
                "no list price for " + region + " in the product's table: " + FALLBACK_REGION
                        + "'s is used; set InterfaceEndpointUsdPerAzHour to your Region's price");
    }

    /** The Regions whose price the table holds. */
    public static Map<String, BigDecimal> table() {
        return USD_PER_AZ_HOUR;
    }
}
