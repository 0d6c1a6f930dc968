package ecsvpce.handler;

import ecsvpce.app.FleetSweep;
import ecsvpce.app.Settings;
import ecsvpce.aws.AwsClients;
import ecsvpce.aws.Ec2NetworkReader;
import ecsvpce.aws.Ec2NetworkWriter;
import ecsvpce.aws.EcsFleetReader;
import ecsvpce.aws.EcsTaskReader;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.route53.Route53Client;

/** The sweep function's composition root: the one place that picks the adapters behind its ports. */
public final class SweepComposition {
    private SweepComposition() {
    }

    /** As Lambda runs it: settings from the environment, clients from the SDK's standard settings. */
    public static FleetSweep fromEnvironment() {
        return of(Settings.fromEnvironment(System.getenv()), AwsClients.ec2(List.of()), AwsClients.ecs(List.of()),
                AwsClients.route53(List.of()),
                new DefaultAwsRegionProviderChain().getRegion().id(), Clock.systemUTC());
    }

    public static FleetSweep of(Settings settings, Ec2Client ec2, EcsClient ecs, Route53Client route53,
                                  String region, Clock clock) {
        return new FleetSweep(new EcsFleetReader(ecs), new EcsTaskReader(ecs), new Ec2NetworkReader(ec2, route53, region),
                new Ec2NetworkWriter(ec2), settings, region, clock);
    }
}
