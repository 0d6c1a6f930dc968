package ecsvpce.handler;

import ecsvpce.app.FleetSweep;
import ecsvpce.app.CostPorts;
import ecsvpce.app.CostSettings;
import ecsvpce.app.Settings;
import ecsvpce.aws.AwsClients.Connection;
import ecsvpce.aws.AwsClients.CostClients;
import ecsvpce.aws.Ec2NetworkReader;
import ecsvpce.aws.Ec2NetworkWriter;
import ecsvpce.aws.EcsFleetReader;
import ecsvpce.aws.EcsTaskReader;
import ecsvpce.aws.LoopbackRequest;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.route53.Route53Client;

/** The sweep function's composition root: the one place that picks the adapters behind its ports. */
public final class SweepComposition {
    private SweepComposition() {
    }

    /**
     * As Lambda runs it: settings from the environment; the SDK clients built at the first sweep, or,
     * under SnapStart, before the snapshot, with the whole path rehearsed offline.
     */
    public static FleetSweep fromEnvironment() {
        return forLambda(Settings.fromEnvironment(System.getenv()), CostSettings.fromEnvironment(System.getenv()),
                Connection.standard(), Clock.systemUTC());
    }

    static FleetSweep forLambda(Settings settings, Connection connection, Clock clock) {
        return forLambda(settings, CostSettings.defaults(), connection, clock);
    }

    static FleetSweep forLambda(Settings settings, CostSettings costs, Connection connection, Clock clock) {
        SdkClients clients = SdkClients.of(connection, () -> { });
        Priming.register(clients::buildAll, connection::ready, LoopbackRequest::send, Rehearsal::sweep);
        return compose(settings, clients::ec2, clients::ecs, clients::route53, connection.regionId(), clock,
                CostComposition.of(costs, () -> CostClients.of(List.of(), connection), clients::ec2));
    }

    /** Without the cost side (the rehearsal, tests of the compliance part alone). */
    public static FleetSweep of(Settings settings, Ec2Client ec2, EcsClient ecs, Route53Client route53,
                                 String region, Clock clock) {
        return compose(settings, () -> ec2, () -> ecs, () -> route53, region, clock, null);
    }

    /** With the cost side on these clients. */
    public static FleetSweep of(Settings settings, CostSettings costs, Ec2Client ec2, EcsClient ecs,
                                Route53Client route53, CostClients costClients, String region, Clock clock) {
        return compose(settings, () -> ec2, () -> ecs, () -> route53, region, clock,
                CostComposition.of(costs, () -> costClients, () -> ec2));
    }

    static FleetSweep compose(Settings settings, Supplier<Ec2Client> ec2, Supplier<EcsClient> ecs,
                                 Supplier<Route53Client> route53, String region,
                              Clock clock, CostPorts costs) {
        return new FleetSweep(LazyPorts.fleet(() -> new EcsFleetReader(ecs.get())),
                LazyPorts.taskDefinitions(() -> new EcsTaskReader(ecs.get())),
                LazyPorts.vpcReads(() -> new Ec2NetworkReader(ec2.get(), route53.get(), region)),
                LazyPorts.vpcChanges(() -> new Ec2NetworkWriter(ec2.get())), settings, region, clock, costs);
    }
}
