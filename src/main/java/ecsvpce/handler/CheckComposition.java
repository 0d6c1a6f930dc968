package ecsvpce.handler;

import ecsvpce.app.DeployCheck;
import ecsvpce.app.Settings;
import ecsvpce.aws.AwsClients.Connection;
import ecsvpce.aws.Ec2NetworkReader;
import ecsvpce.aws.EcsFleetReader;
import ecsvpce.aws.EcsTaskReader;
import ecsvpce.aws.LoopbackRequest;
import java.time.Clock;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * The check's composition root, for the check function and {@code scripts/preflight}: readers only.
 * No writer of any kind is made here, so nothing a check does can change a VPC, whatever the mode.
 */
public final class CheckComposition {
    private CheckComposition() {
    }

    /** As Lambda runs it: clients built at the first check, or, under SnapStart, before the snapshot. */
    public static DeployCheck fromEnvironment() {
        return forLambda(Settings.fromEnvironment(System.getenv()), Connection.standard(), Clock.systemUTC());
    }

    static DeployCheck forLambda(Settings settings, Connection connection, Clock clock) {
        SdkClients clients = SdkClients.of(connection, () -> { });
        Priming.register(clients::buildAll, connection::ready, LoopbackRequest::send, Rehearsal::check);
        return compose(settings, clients::ec2, clients::ecs, clients::route53, connection.regionId(), clock);
    }

    /** As a command line runs it: the caller's own credentials and the SDK's standard settings, clients built at once. */
    public static DeployCheck forCommandLine() {
        Connection connection = Connection.standard();
        SdkClients clients = SdkClients.of(connection, () -> { });
        return compose(Settings.fromEnvironment(System.getenv()), clients::ec2, clients::ecs, clients::route53,
                connection.regionId(), Clock.systemUTC());
    }

    public static DeployCheck of(Settings settings, Ec2Client ec2, EcsClient ecs, Route53Client route53, String region,
                                 Clock clock) {
        return compose(settings, () -> ec2, () -> ecs, () -> route53, region, clock);
    }

    static DeployCheck compose(Settings settings, Supplier<Ec2Client> ec2, Supplier<EcsClient> ecs,
                               Supplier<Route53Client> route53, String region, Clock clock) {
        return new DeployCheck(LazyPorts.taskDefinitions(() -> new EcsTaskReader(ecs.get())),
                LazyPorts.fleet(() -> new EcsFleetReader(ecs.get())),
                LazyPorts.vpcReads(() -> new Ec2NetworkReader(ec2.get(), route53.get(), region)), settings, region, clock);
    }
}
