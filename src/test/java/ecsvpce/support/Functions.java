package ecsvpce.support;

import ecsvpce.app.Settings;
import ecsvpce.aws.AwsClients;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.handler.RemediateComposition;
import ecsvpce.handler.RemediateFunction;
import ecsvpce.handler.SweepComposition;
import ecsvpce.handler.SweepFunction;
import ecsvpce.report.Mode;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The product's functions wired by their own composition roots, as the Lambda runtime builds them,
 * but with interceptors (call recorders, fault injectors, ...) on their SDK clients. The clients
 * reach AWS or moto through the SDK's standard settings only.
 */
public final class Functions {
    public static final String REGION = "us-east-1";

    private Functions() {
    }

    /** With the recorder on both clients. */
    public static RemediateFunction remediate(Mode mode, CallRecorder recorder) {
        return remediate(settings(mode), List.of(recorder), List.of(recorder));
    }

    /** With these interceptors on each client, in order; Route 53's are EC2's (both read the network). */
    public static RemediateFunction remediate(Settings settings, List<ExecutionInterceptor> ec2,
                                              List<ExecutionInterceptor> ecs) {
        return new RemediateFunction(RemediateComposition.of(settings, AwsClients.ec2(ec2), AwsClients.ecs(ecs),
                AwsClients.route53(ec2), REGION, Clock.systemUTC()));
    }

    /** With the recorder on both clients. */
    public static SweepFunction sweep(Mode mode, CallRecorder recorder) {
        return sweep(settings(mode), List.of(recorder), List.of(recorder));
    }

    /** With these interceptors on each client, in order. */
    public static SweepFunction sweep(Settings settings, List<ExecutionInterceptor> ec2, List<ExecutionInterceptor> ecs) {
        return new SweepFunction(SweepComposition.of(settings, AwsClients.ec2(ec2), AwsClients.ecs(ecs),
                AwsClients.route53(ec2), REGION, Clock.systemUTC()));
    }

    public static Settings settings(Mode mode) {
        return new Settings(mode, PlanSettings.defaults());
    }
}
