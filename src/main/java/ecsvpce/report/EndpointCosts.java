package ecsvpce.report;

import ecsvpce.core.cost.HubAdvice;
import java.math.BigDecimal;
import java.util.List;

/**
 * The cost side of a full sweep: every interface endpoint of the account (in the VPCs the product may
 * read), who needs it, what it costs, which are idle and what became of them, and where a shared hub
 * would cost less. A sweep of part of the fleet has none: needs it did not look at are unknown.
 *
 * @param sources        each source of workloads the sweep read, and whether it could
 * @param centralisation where several VPCs pay for the same service (docs/cost.md#a-shared-hub)
 */
public record EndpointCosts(Pricing pricing, int idleWindowDays, boolean removeIdleEndpoints, Totals totals,
                            List<EndpointLine> endpoints, List<HubAdvice.Advice> centralisation,
                            List<Source> sources, ErrorSummary error) {

    public EndpointCosts {
        endpoints = List.copyOf(endpoints);
        centralisation = List.copyOf(centralisation);
        sources = List.copyOf(sources);
    }

    /** The endpoints could not be listed at all: only the pricing and the sources are known. */
    public static EndpointCosts unlisted(Pricing pricing, int idleWindowDays, boolean removeIdleEndpoints,
                                         List<Source> sources, ErrorSummary error) {
        return new EndpointCosts(pricing, idleWindowDays, removeIdleEndpoints,
                new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, 0, 0), List.of(), List.of(),
                sources, error);
    }

    /** @param source where the figures come from: the Region's list price (and its date) or the parameter */
    public record Pricing(String region, BigDecimal usdPerAzHour, BigDecimal usdPerGbProcessed, String source) {
    }

    /**
     * @param monthlyUsd               every interface endpoint's hourly charge over a month
     * @param dataProcessedUsdInWindow the data-processing charge of the bytes read over the idle window
     */
    public record Totals(int interfaceEndpoints, BigDecimal monthlyUsd, BigDecimal dataProcessedUsdInWindow, int idle,
                         BigDecimal idleMonthlyUsd, int markedIdle, int removed, int removalsFailed) {
    }

    /**
     * @param bytesProcessed bytes over the idle window; null when the metric was not read
     * @param status         NEEDED, NEEDS_UNKNOWN, YOUNG, METRIC_UNREAD, IN_USE or IDLE
     * @param removal        what the sweep did or leaves: REPORTED (a person decides: {@code command}),
     *                       MARKED, REMOVED, REMOVAL_FAILED, UNMARKED (MARK_FAILED, UNMARK_FAILED when
     *                       the tag could not be written: {@code error} says why); null when nothing applies
     */
    public record EndpointLine(String endpointId, String vpcId, String serviceName, List<String> availabilityZones,
                               BigDecimal monthlyUsd, Long bytesProcessed, BigDecimal dataProcessingUsd,
                               String createdAt, boolean createdByProduct, String status, String reason,
                               List<String> neededBy, String removal, String removalReason, String command,
                               ErrorSummary error) {
        public EndpointLine {
            availabilityZones = List.copyOf(availabilityZones);
            neededBy = List.copyOf(neededBy);
        }
    }

    /** @param status READ, UNREADABLE (then nothing is idle for lack of knowledge) or NOT_READ */
    public record Source(String source, String status, String detail) {
    }
}
