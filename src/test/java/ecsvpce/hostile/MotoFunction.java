package ecsvpce.hostile;

import ecsvpce.app.Mode;
import ecsvpce.app.Settings;
import ecsvpce.aws.AwsClients;
import ecsvpce.aws.EcsTaskReader;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.handler.RemediateFunction;
import ecsvpce.support.CallRecorder;
import java.time.Clock;
import java.util.List;

/**
 * The product's {@link RemediateFunction} with the product's own SDK clients, as the Lambda runtime
 * builds it, plus a {@link CallRecorder}; the clients reach moto through the SDK's standard settings
 * ({@code MotoServer.configureSdk()}), as in {@code ecsvpce.it.Invocations}.
 */
final class MotoFunction {
    static final String REGION = "us-east-1";

    private MotoFunction() {
    }

    static RemediateFunction remediateFunction(Mode mode, CallRecorder recorder) {
        return new RemediateFunction(new Settings(mode, PlanSettings.defaults()), AwsClients.ec2(List.of(recorder)),
                new EcsTaskReader(AwsClients.ecs(List.of(recorder))), REGION, Clock.systemUTC());
    }
}
