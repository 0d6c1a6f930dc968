package ecsvpce.app;

import ecsvpce.app.SweepInventory.Inventory;
import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.InterfaceEndpoints;
import ecsvpce.core.cost.Demand;
import ecsvpce.core.cost.EndpointPrice;
import ecsvpce.core.cost.HubAdvice;
import ecsvpce.core.cost.Idleness;
import ecsvpce.core.cost.InterfaceEndpoint;
import ecsvpce.core.cost.Removal;
import ecsvpce.core.cost.Traffic;
import ecsvpce.report.EndpointCosts;
import ecsvpce.report.EndpointCosts.EndpointLine;
import ecsvpce.report.ErrorSummary;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cost side of a full sweep, once every VPC is done: every interface endpoint of the account with
 * what it costs and who needs it, the idle ones, and what becomes of them (docs/cost.md). The idle
 * and removal rules are the core's ({@link Idleness}, {@link Removal}); this step reads, applies the
 * marks and deletes those rules ask for (never in a dry run), and reports. A write that fails is
 * reported in the endpoint's line and the rest goes on.
 */
final class EndpointLife {
    private final WorkloadDemand workloads;
    private final InterfaceEndpoints endpoints;
    private final CostSettings settings;
    private final Settings guard;
    private final String region;
    private final Clock clock;

    EndpointLife(WorkloadDemand workloads, InterfaceEndpoints endpoints, CostSettings settings, Settings guard,
                 String region, Clock clock) {
        this.workloads = workloads;
        this.endpoints = endpoints;
        this.settings = settings;
        this.guard = guard;
        this.region = region;
        this.clock = clock;
    }

    EndpointCosts run(Inventory inventory, boolean dryRun) {
        EndpointPrice price = settings.price(region);
        EndpointCosts.Pricing pricing = new EndpointCosts.Pricing(region, price.usdPerAzHour(), price.usdPerGb(),
                price.source());
        WorkloadDemand.Result demand = workloads.read(inventory);
        List<InterfaceEndpoint> listed;
        try {
            listed = endpoints.list(guard.allowedVpcIds()).stream().filter(InterfaceEndpoint::billed).toList();
        } catch (CallFailure unread) {
            return EndpointCosts.unlisted(pricing, settings.idleWindowDays(), settings.removeIdle(), demand.sources(),
                    unread.summary());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Traffic traffic = listed.isEmpty() ? new Traffic(Map.of(), Map.of())
                : endpoints.bytesProcessed(listed, now.minus(settings.window()), now);
        List<EndpointLine> lines = new ArrayList<>();
        for (InterfaceEndpoint endpoint : listed) {
            lines.add(line(endpoint, demand.demand(), traffic, price, now, dryRun));
        }
        return new EndpointCosts(pricing, settings.idleWindowDays(), settings.removeIdle(), totals(lines), lines,
                HubAdvice.of(listed, price), demand.sources(), null);
    }

    private EndpointLine line(InterfaceEndpoint endpoint, Demand demand, Traffic traffic, EndpointPrice price,
                              Instant now, boolean dryRun) {
        Idleness.Verdict verdict = Idleness.judge(endpoint, demand, traffic, region, now, settings.window());
        Removal.Decision decision = Removal.decide(endpoint, verdict, settings.removeIdle(), dryRun, now);
        String removal = null;
        ErrorSummary error = null;
        try {
            switch (decision.step()) {
                case NONE -> { }
                case REPORT -> removal = "REPORTED";
                case MARK -> {
                    endpoints.mark(endpoint.id(), now.toString());
                    removal = "MARKED";
                }
                case UNMARK -> {
                    endpoints.unmark(endpoint.id());
                    removal = "UNMARKED";
                }
                case DELETE -> {
                    endpoints.delete(endpoint.id());
                    removal = "REMOVED";
                }
            }
        } catch (CallFailure failed) {
            error = failed.summary();
            removal = decision.step() == Removal.Step.DELETE ? "REMOVAL_FAILED" : decision.step().name() + "_FAILED";
            if (decision.step() == Removal.Step.DELETE && failed instanceof CallFailure.Refused) {
                rememberRefusal(endpoint);
            }
        }
        boolean leftToAPerson = verdict.idle() && !"REMOVED".equals(removal) && !"MARKED".equals(removal);
        return new EndpointLine(endpoint.id(), endpoint.vpcId(), endpoint.serviceName(), endpoint.availabilityZones(),
                price.monthly(endpoint.availabilityZones().size()), verdict.bytes(),
                verdict.bytes() == null ? null : price.dataProcessing(verdict.bytes()),
                endpoint.createdAt() == null ? null : endpoint.createdAt().toString(), endpoint.ours(),
                verdict.status().name(), verdict.reason(), verdict.neededBy(), removal,
                decision.step() == Removal.Step.NONE ? null : decision.reason(),
                leftToAPerson ? Removal.command(endpoint, region) : null, error);
    }

    /** A delete AWS refused for good is not tried again by later sweeps: the mark says so. */
    private void rememberRefusal(InterfaceEndpoint endpoint) {
        String since = endpoint.idleSince().map(Instant::toString).orElse(clock.instant().toString());
        try {
            endpoints.mark(endpoint.id(), since + " " + InterfaceEndpoint.DELETE_REFUSED);
        } catch (CallFailure alsoRefused) {
            // Reported through the delete's error already; the next sweep tries once more.
        }
    }

    private static EndpointCosts.Totals totals(List<EndpointLine> lines) {
        BigDecimal monthly = BigDecimal.ZERO;
        BigDecimal data = BigDecimal.ZERO;
        BigDecimal idleMonthly = BigDecimal.ZERO;
        int idle = 0;
        for (EndpointLine line : lines) {
            // A removed endpoint costs nothing from now on.
            monthly = "REMOVED".equals(line.removal()) ? monthly : monthly.add(line.monthlyUsd());
            data = line.dataProcessingUsd() == null ? data : data.add(line.dataProcessingUsd());
            if (Idleness.Status.IDLE.name().equals(line.status())) {
                idle++;
                idleMonthly = idleMonthly.add(line.monthlyUsd());
            }
        }
        return new EndpointCosts.Totals(lines.size(), monthly, data, idle, idleMonthly, count(lines, "MARKED"),
                count(lines, "REMOVED"), count(lines, "REMOVAL_FAILED"));
    }

    private static int count(List<EndpointLine> lines, String removal) {
        return (int) lines.stream().filter(line -> removal.equals(line.removal())).count();
    }
}
