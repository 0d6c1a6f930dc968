package ecsvpce.it;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import ecsvpce.app.Mode;
import ecsvpce.app.Settings;
import ecsvpce.aws.AwsClients;
import ecsvpce.aws.EcsTaskReader;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.handler.RemediateFunction;
import ecsvpce.handler.SweepFunction;
import ecsvpce.support.CallRecorder;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The product's functions as the Lambda runtime would build them, but with a call recorder on
 * their SDK clients; clients reach moto through the SDK's standard settings only.
 */
final class Invocations {
    static final String REGION = "us-east-1";

    private Invocations() {
    }

    static RemediateFunction remediateFunction(Mode mode, CallRecorder recorder) {
        return new RemediateFunction(new Settings(mode, PlanSettings.defaults()), AwsClients.ec2(List.of(recorder)),
                new EcsTaskReader(AwsClients.ecs(List.of(recorder))), REGION, Clock.systemUTC());
    }

    static SweepFunction sweepFunction(Mode mode, CallRecorder recorder) {
        return new SweepFunction(new Settings(mode, PlanSettings.defaults()), AwsClients.ec2(List.of(recorder)),
                AwsClients.ecs(List.of(recorder)), REGION, Clock.systemUTC());
    }

    /** Deserialises an event exactly as the Lambda Java runtime does. */
    static ScheduledEvent scheduledEvent(String json) {
        return LambdaEventSerializers.serializerFor(ScheduledEvent.class, Invocations.class.getClassLoader())
                .fromJson(json);
    }

    static Map<String, Object> remediate(Mode mode, CallRecorder recorder, String eventJson) {
        return remediateFunction(mode, recorder).handleRequest(scheduledEvent(eventJson), null);
    }
}
