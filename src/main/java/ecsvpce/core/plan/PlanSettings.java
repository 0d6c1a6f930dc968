package ecsvpce.core.plan;

import java.math.BigDecimal;

/**
 * Choices a team makes about what the planner may do.
 *
 * @param remediateWithInternetPath  also plan endpoints for subnets that have a default route to
 *                                   the internet (off by default: there the cause is likely elsewhere)
 * @param interfaceEndpointUsdPerAzHour list price of one interface endpoint in one AZ for an hour
 */
public record PlanSettings(boolean remediateWithInternetPath, BigDecimal interfaceEndpointUsdPerAzHour) {
    /** us-east-1 list price (docs/cost.md#interface-endpoints). */
    public static final BigDecimal US_EAST_1_USD_PER_AZ_HOUR = new BigDecimal("0.01");

    public static PlanSettings defaults() {
        return new PlanSettings(false, US_EAST_1_USD_PER_AZ_HOUR);
    }
}
