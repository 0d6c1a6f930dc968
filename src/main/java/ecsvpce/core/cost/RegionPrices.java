package ecsvpce.core.cost;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * AWS PrivateLink list prices of an interface endpoint, by Region (docs/cost.md#prices-by-region).
 * Only prices checked against AWS's Price List are in the table (the commercial Regions where ECS runs
 * Fargate tasks and a public source states the price; the page names the sources); a Region that is
 * not falls back to us-east-1's and says so, and the parameter {@code InterfaceEndpointUsdPerAzHour}
 * overrides the hourly price everywhere.
 */
public final class RegionPrices {
    /** The date of AWS's published price data the table holds (service AmazonVPC, usage type REGION-VpcEndpoint-Hours). */
    public static final String PRICES_OF = "2025-06-13";
    /** Hours in a month, as AWS's own price examples count them. */
    public static final BigDecimal HOURS_PER_MONTH = new BigDecimal("730");
    /** Data processed by all interface endpoints of a Region, first petabyte of a month. */
    static final BigDecimal USD_PER_GB_FIRST_PB = new BigDecimal("0.01");
    private static final String FALLBACK_REGION = "us-east-1";
    private static final Map<String, BigDecimal> USD_PER_AZ_HOUR = Map.ofEntries(
            Map.entry("us-east-1", new BigDecimal("0.01")),
            Map.entry("us-east-2", new BigDecimal("0.01")),
            Map.entry("us-west-1", new BigDecimal("0.011")),
            Map.entry("us-west-2", new BigDecimal("0.01")),
            Map.entry("ca-central-1", new BigDecimal("0.011")),
            Map.entry("ca-west-1", new BigDecimal("0.011")),
            Map.entry("mx-central-1", new BigDecimal("0.0105")),
            Map.entry("sa-east-1", new BigDecimal("0.021")),
            Map.entry("eu-central-1", new BigDecimal("0.012")),
            Map.entry("eu-central-2", new BigDecimal("0.0132")),
            Map.entry("eu-west-1", new BigDecimal("0.011")),
            Map.entry("eu-west-2", new BigDecimal("0.011")),
            Map.entry("eu-west-3", new BigDecimal("0.011")),
            Map.entry("eu-south-1", new BigDecimal("0.01155")),
            Map.entry("eu-south-2", new BigDecimal("0.011")),
            Map.entry("eu-north-1", new BigDecimal("0.0105")),
            Map.entry("il-central-1", new BigDecimal("0.01155")),
            Map.entry("me-south-1", new BigDecimal("0.0121")),
            Map.entry("me-central-1", new BigDecimal("0.0121")),
            Map.entry("af-south-1", new BigDecimal("0.01309")),
            Map.entry("ap-east-1", new BigDecimal("0.0143")),
            Map.entry("ap-south-1", new BigDecimal("0.013")),
            Map.entry("ap-south-2", new BigDecimal("0.013")),
            Map.entry("ap-northeast-1", new BigDecimal("0.014")),
            Map.entry("ap-northeast-2", new BigDecimal("0.013")),
            Map.entry("ap-northeast-3", new BigDecimal("0.014")),
            Map.entry("ap-southeast-1", new BigDecimal("0.013")),
            Map.entry("ap-southeast-2", new BigDecimal("0.013")),
            Map.entry("ap-southeast-3", new BigDecimal("0.013")),
            Map.entry("ap-southeast-4", new BigDecimal("0.013")),
            Map.entry("ap-southeast-5", new BigDecimal("0.0117")),
            Map.entry("ap-southeast-7", new BigDecimal("0.0117")));

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
                    "AWS PrivateLink list price for " + region + " as published on " + PRICES_OF);
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
