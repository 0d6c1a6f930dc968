package ecsvpce.report;

import ecsvpce.report.SweepReport.Skipped;
import ecsvpce.report.SweepReport.Swept;
import ecsvpce.report.SweepReport.Totals;
import ecsvpce.report.SweepReport.Unreadable;
import ecsvpce.report.SweepReport.VpcReport;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sums a sweep's VPC reports up into totals and one summary line. */
public final class SweepReports {
    private SweepReports() {
    }

    public static Swept swept(Mode mode, int clusters, List<VpcReport> vpcs, List<Unreadable> unreadable,
                              List<Skipped> skipped, List<String> notReached) {
        return swept(mode, clusters, vpcs, unreadable, skipped, notReached, null, null);
    }

    /**
     * @param endpointCosts the cost side of a full sweep, or null
     * @param serviceEvent  what asked for a sweep of one service, or null
     */
    public static Swept swept(Mode mode, int clusters, List<VpcReport> vpcs, List<Unreadable> unreadable,
                              List<Skipped> skipped, List<String> notReached, EndpointCosts endpointCosts,
                              SweepReport.ServiceEvent serviceEvent) {
        // A service spans subnets of one VPC: it counts once, by its worst subnet.
        Map<String, Set<ServiceStatus>> statusesByService = new HashMap<>();
        vpcs.forEach(vpc -> vpc.subnets().forEach(subnet -> subnet.services().forEach(service ->
                statusesByService.computeIfAbsent(service.serviceArn(), s -> EnumSet.noneOf(ServiceStatus.class))
                        .add(service.status()))));
        int nonCompliant = 0;
        int fixed = 0;
        int notFixable = 0;
        for (Set<ServiceStatus> statuses : statusesByService.values()) {
            if (statuses.equals(EnumSet.of(ServiceStatus.COMPLIANT))) {
                continue;
            }
            nonCompliant++;
            if (statuses.contains(ServiceStatus.NOT_FIXABLE_BY_ENDPOINTS)) {
                notFixable++;
            } else if (EnumSet.of(ServiceStatus.COMPLIANT, ServiceStatus.FIXED).containsAll(statuses)) {
                fixed++;
            }
        }
        BigDecimal cost = vpcs.stream().map(VpcReport::monthlyCostUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        Totals totals = new Totals(clusters, vpcs.size(), statusesByService.size(), nonCompliant, fixed, notFixable,
                unreadable.size(), cost);
        boolean dryRun = mode == Mode.DRY_RUN;
        String summary = (serviceEvent == null ? "" : "on " + serviceEvent.name() + " of "
                + serviceEvent.service().substring(serviceEvent.service().lastIndexOf('/') + 1) + ": ")
                + "checked " + totals.servicesChecked() + " service(s) in " + totals.vpcs() + " VPC(s): "
                + nonCompliant + " non-compliant, " + (dryRun ? "dry run, nothing changed" : fixed + " fixed")
                + ", " + notFixable + " not fixable by endpoints"
                + (unreadable.isEmpty() ? "" : ", " + unreadable.size() + " unreadable")
                + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped on purpose")
                + (notReached.isEmpty() ? "" : ", " + notReached.size() + " VPC(s) not reached in time")
                + (cost.signum() == 0 ? "" : (dryRun ? ", would add " : ", adds ") + cost.setScale(2) + " USD/month")
                + endpointSummary(endpointCosts);
        return new Swept(mode, summary, totals, vpcs, unreadable, skipped, notReached, endpointCosts, serviceEvent);
    }

    /** {@code ; interface endpoints 58.40 USD/month, 1 idle (7.30 USD/month), 1 removed}, or nothing. */
    private static String endpointSummary(EndpointCosts costs) {
        if (costs == null || costs.totals().interfaceEndpoints() == 0) {
            return "";
        }
        EndpointCosts.Totals totals = costs.totals();
        return "; " + totals.interfaceEndpoints() + " interface endpoint(s) " + totals.monthlyUsd().setScale(2)
                + " USD/month" + (totals.idle() == 0 ? "" : ", " + totals.idle() + " idle ("
                + totals.idleMonthlyUsd().setScale(2) + " USD/month)")
                + (totals.removed() == 0 ? "" : ", " + totals.removed() + " removed")
                + (totals.removalsFailed() == 0 ? "" : ", " + totals.removalsFailed() + " removal(s) failed");
    }
}
