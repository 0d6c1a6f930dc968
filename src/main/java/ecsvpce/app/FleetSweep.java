package ecsvpce.app;

import ecsvpce.app.SweepInventory.Inventory;
import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.Fleet;
import ecsvpce.app.port.TaskDefinitions;
import ecsvpce.app.port.VpcChanges;
import ecsvpce.app.port.VpcReads;
import ecsvpce.core.Workload;
import ecsvpce.report.EndpointCosts;
import ecsvpce.report.Mode;
import ecsvpce.report.SweepReport;
import ecsvpce.report.SweepReport.VpcReport;
import ecsvpce.report.SweepReports;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The compliance sweep: every Fargate service of every cluster (or the scope given), in two steps:
 * the inventory ({@link SweepInventory}), then one step per VPC ({@link VpcSweep}), one snapshot
 * and one merged plan each, until time runs short.
 */
public final class FleetSweep {
    private final SweepInventory inventory;
    private final VpcReads network;
    private final VpcChanges changes;
    private final Settings settings;
    private final Clock clock;
    /** The cost side of a full sweep; null when the sweep has none (a composition without its ports). */
    private final EndpointLife endpointLife;

    public FleetSweep(Fleet fleet, TaskDefinitions definitions, VpcReads network, VpcChanges changes,
                      Settings settings, String region, Clock clock) {
        this(fleet, definitions, network, changes, settings, region, clock, null);
    }

    /** @param costs what the cost side reads and changes, and its settings; null for none */
    public FleetSweep(Fleet fleet, TaskDefinitions definitions, VpcReads network, VpcChanges changes,
                      Settings settings, String region, Clock clock, CostPorts costs) {
        this.inventory = new SweepInventory(fleet, definitions, network, new GuardRails(settings), region);
        this.network = network;
        this.changes = changes;
        this.settings = settings;
        this.clock = clock;
        this.endpointLife = costs == null ? null : new EndpointLife(new WorkloadDemand(costs.schedulers(), costs.batch(),
                definitions, network, region), costs.endpoints(), costs.settings(), settings, region, clock);
    }

    /** The report for a payload the sweep cannot act on: nothing is read or changed. */
    public SweepReport rejected(String why) {
        return new SweepReport.Rejected(settings.mode(), why);
    }

    /** @param outOfTime true when the invocation must stop starting new VPCs to finish in time */
    public SweepReport sweep(SweepScope scope, BooleanSupplier outOfTime) {
        Mode mode = scope.dryRun() ? Mode.DRY_RUN : settings.mode();
        Inventory found;
        try {
            found = inventory.take(scope);
        } catch (CallFailure.Refused failure) {
            return new SweepReport.Failed(mode, failure.summary());
        }
        VpcSweep vpcSweep = new VpcSweep(new VpcConvergence(network.forOneRun(), mode == Mode.DRY_RUN ? VpcChanges.dryRun() : changes),
                settings.plan(), clock, mode, scope.serviceEvent());
        List<VpcReport> vpcs = new ArrayList<>();
        List<String> notReached = new ArrayList<>();
        for (Map.Entry<String, List<Workload>> vpc : found.workloadsByVpc().entrySet()) {
            if (outOfTime.getAsBoolean()) {
                notReached.add(vpc.getKey());
            } else {
                vpcs.add(vpcSweep.sweep(vpc.getKey(), vpc.getValue(), found.serviceByArn()));
            }
        }
        // Only a sweep of the whole fleet knows every workload: a scoped one judges no endpoint.
        boolean wholeFleet = scope.clusters().isEmpty() && scope.vpcIds().isEmpty() && scope.serviceEvent() == null;
        EndpointCosts costs = endpointLife != null && wholeFleet && !outOfTime.getAsBoolean()
                ? endpointLife.run(found, mode == Mode.DRY_RUN) : null;
        return SweepReports.swept(mode, found.clusters(), vpcs, found.unreadable(), found.skipped(), notReached, costs,
                scope.serviceEvent());
    }

}
