package ecsvpce.core.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What an interface endpoint costs in one Region.
 *
 * @param usdPerAzHour each hour the endpoint is provisioned in each Availability Zone (a partial hour is a full one)
 * @param usdPerGb     each GB it processes, in either direction (the first petabyte a month in the Region)
 * @param source       where the figures come from, for the report
 */
public record EndpointPrice(String region, BigDecimal usdPerAzHour, BigDecimal usdPerGb, String source) {
    private static final BigDecimal BYTES_PER_GB = new BigDecimal("1000000000");

    /** The hourly charge of an endpoint in this many zones over a month. */
    public BigDecimal monthly(int availabilityZones) {
        return usdPerAzHour.multiply(RegionPrices.HOURS_PER_MONTH).multiply(BigDecimal.valueOf(availabilityZones))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** The data-processing charge of so many bytes. */
    public BigDecimal dataProcessing(long bytes) {
        return usdPerGb.multiply(BigDecimal.valueOf(bytes)).divide(BYTES_PER_GB, 2, RoundingMode.HALF_UP);
    }
}
