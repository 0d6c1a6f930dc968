package ecsvpce.handler;

import ecsvpce.app.FollowUpCheck;
import ecsvpce.app.RecoverySettings;
import ecsvpce.app.Settings;
import ecsvpce.aws.AwsClients;
import ecsvpce.aws.AwsClients.Connection;
import ecsvpce.aws.Ec2NetworkReader;
import ecsvpce.aws.EcsServiceDeployer;
import ecsvpce.aws.EcsServiceStates;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.route53.Route53Client;

/** The follow-up check function's composition root: the one place that picks the adapters behind its ports. */
public final class VerifyComposition {
    private VerifyComposition() {
    }

    /** As Lambda runs it: settings from the environment, clients on the process's one connection. */
    public static FollowUpCheck fromEnvironment() {
        return of(Settings.fromEnvironment(System.getenv()), RecoverySettings.fromEnvironment(System.getenv()),
                AwsClients.ec2(List.of()), AwsClients.ecs(List.of()), AwsClients.route53(List.of()),
                Connection.standard().regionId(), Clock.systemUTC());
    }

    /** Recovering services as {@code RECOVER_SERVICES} does by default. */
    public static FollowUpCheck of(Settings settings, Ec2Client ec2, EcsClient ecs, Route53Client route53,
                                   String region, Clock clock) {
        return of(settings, RecoverySettings.on(), ec2, ecs, route53, region, clock);
    }

    public static FollowUpCheck of(Settings settings, RecoverySettings recovery, Ec2Client ec2, EcsClient ecs,
                                   Route53Client route53, String region, Clock clock) {
        return new FollowUpCheck(new Ec2NetworkReader(ec2, route53, region), new EcsServiceStates(ecs),
                new EcsServiceDeployer(ecs), recovery, settings, clock);
    }
}
