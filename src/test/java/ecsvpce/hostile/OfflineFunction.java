package ecsvpce.hostile;

import ecsvpce.app.Settings;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.handler.RemediateComposition;
import ecsvpce.handler.RemediateFunction;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.NoPrivateZones;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The product's {@link RemediateFunction}, its SDK clients recorded by a {@link CallRecorder} and
 * answered by {@link UnknownTaskAws} instead of the network: an account where ECS knows no task
 * that a test's events name. No moto, no port.
 */
final class OfflineFunction {
    static final String REGION = "us-east-1";

    private final CallRecorder recorder = new CallRecorder("RemediateFunction");
    private final RemediateFunction function;

    OfflineFunction(Mode mode) {
        UnknownTaskAws aws = new UnknownTaskAws();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        Ec2Client ec2 = Ec2Client.builder().httpClient(aws).region(Region.of(REGION)).credentialsProvider(credentials)
                .endpointOverride(URI.create("https://ec2.hostile.invalid"))
                .overrideConfiguration(o -> o.addExecutionInterceptor(recorder)).build();
        EcsClient ecs = EcsClient.builder().httpClient(aws).region(Region.of(REGION)).credentialsProvider(credentials)
                .endpointOverride(URI.create("https://ecs.hostile.invalid"))
                .overrideConfiguration(o -> o.addExecutionInterceptor(recorder)).build();
        function = new RemediateFunction(RemediateComposition.of(new Settings(mode, PlanSettings.defaults()), ec2, ecs,
                new NoPrivateZones(), REGION, Clock.systemUTC()));
    }

    Invocation invoke(String payload) {
        return Invocation.call(function, recorder, payload);
    }
}
