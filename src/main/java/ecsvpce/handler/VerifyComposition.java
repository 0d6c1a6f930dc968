package ecsvpce.handler;

import ecsvpce.app.FollowUpCheck;
import ecsvpce.app.Settings;
import ecsvpce.aws.AwsClients;
import ecsvpce.aws.Ec2NetworkReader;
import ecsvpce.aws.EcsServiceStates;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;

/** The follow-up check function's composition root: the one place that picks the adapters behind its ports. */
public final class VerifyComposition {
    private VerifyComposition() {
    }

    /** As Lambda runs it: settings from the environment, clients from the SDK's standard settings. */
    public static FollowUpCheck fromEnvironment() {
        return of(Settings.fromEnvironment(System.getenv()), AwsClients.ec2(List.of()), AwsClients.ecs(List.of()),
                new DefaultAwsRegionProviderChain().getRegion().id(), Clock.systemUTC());
    }

    public static FollowUpCheck of(Settings settings, Ec2Client ec2, EcsClient ecs, String region, Clock clock) {
        return new FollowUpCheck(new Ec2NetworkReader(ec2, region), new EcsServiceStates(ecs), settings, clock);
    }
}
