package ecsvpce.support;

import ecsvpce.app.CostSettings;
import ecsvpce.app.DispatchSettings;
import ecsvpce.app.LedgerSettings;
import ecsvpce.app.RecoverySettings;
import ecsvpce.app.ReportDispatch;
import ecsvpce.app.Settings;
import ecsvpce.aws.AwsClients;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.handler.CheckComposition;
import ecsvpce.handler.CheckFunction;
import ecsvpce.handler.DispatchComposition;
import ecsvpce.handler.RemediateComposition;
import ecsvpce.handler.RemediateFunction;
import ecsvpce.handler.SweepComposition;
import ecsvpce.handler.SweepFunction;
import ecsvpce.handler.VerifyComposition;
import ecsvpce.handler.VerifyFunction;
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
        return sweep(settings, CostSettings.defaults(), ec2, ecs);
    }

    /** With the cost side as {@code costs} says; its clients (EventBridge, Scheduler, Batch, CloudWatch) get EC2's interceptors. */
    public static SweepFunction sweep(Settings settings, CostSettings costs, List<ExecutionInterceptor> ec2,
                                      List<ExecutionInterceptor> ecs) {
        return new SweepFunction(SweepComposition.of(settings, costs, AwsClients.ec2(ec2), AwsClients.ecs(ecs),
                AwsClients.route53(ec2), AwsClients.CostClients.of(ec2), REGION, Clock.systemUTC()));
    }

    /** Telling people and queuing follow-ups as {@code dispatch} says, the recorder on every client. */
    public static RemediateFunction remediate(Mode mode, CallRecorder recorder, DispatchSettings dispatch) {
        return new RemediateFunction(RemediateComposition.of(settings(mode), AwsClients.ec2(List.of(recorder)),
                AwsClients.ecs(List.of(recorder)), AwsClients.route53(List.of(recorder)), REGION, Clock.systemUTC()),
                dispatch("RemediateFunction", dispatch, recorder));
    }

    /** Telling people and queuing follow-ups as {@code dispatch} says, the recorder on every client. */
    public static SweepFunction sweep(Mode mode, CallRecorder recorder, DispatchSettings dispatch) {
        return new SweepFunction(SweepComposition.of(settings(mode), CostSettings.defaults(),
                AwsClients.ec2(List.of(recorder)), AwsClients.ecs(List.of(recorder)), AwsClients.route53(List.of(recorder)),
                AwsClients.CostClients.of(List.of(recorder)), REGION, Clock.systemUTC()),
                dispatch("SweepFunction", dispatch, recorder));
    }

    /** The follow-up check, telling people and queuing the next check as {@code dispatch} says. */
    public static VerifyFunction verify(CallRecorder recorder, DispatchSettings dispatch) {
        return verify(Mode.REMEDIATE, RecoverySettings.on(), recorder, dispatch);
    }

    /** The follow-up check in {@code mode}, recovering services as {@code recovery} says. */
    public static VerifyFunction verify(Mode mode, RecoverySettings recovery, CallRecorder recorder, DispatchSettings dispatch) {
        return new VerifyFunction(VerifyComposition.of(settings(mode), recovery, AwsClients.ec2(List.of(recorder)),
                AwsClients.ecs(List.of(recorder)), AwsClients.route53(List.of(recorder)), REGION, Clock.systemUTC()),
                dispatch("VerifyFunction", dispatch, recorder));
    }

    /** Telling people as {@code dispatch} says, with the ledger in {@code ledger}'s table, the recorder on every client. */
    public static RemediateFunction remediate(Mode mode, CallRecorder recorder, DispatchSettings dispatch, LedgerSettings ledger) {
        return new RemediateFunction(RemediateComposition.of(settings(mode), AwsClients.ec2(List.of(recorder)),
                AwsClients.ecs(List.of(recorder)), AwsClients.route53(List.of(recorder)), REGION, Clock.systemUTC()),
                DispatchComposition.of("RemediateFunction", dispatch, ledger, REGION, List.of(recorder), Clock.systemUTC(),
                        () -> System.out, RecoverySettings.on()));
    }

    /** The sweep with the ledger in {@code ledger}'s table, the recorder on every client. */
    public static SweepFunction sweep(Mode mode, CallRecorder recorder, DispatchSettings dispatch, LedgerSettings ledger) {
        return new SweepFunction(SweepComposition.of(settings(mode), AwsClients.ec2(List.of(recorder)),
                AwsClients.ecs(List.of(recorder)), AwsClients.route53(List.of(recorder)), REGION, Clock.systemUTC()),
                DispatchComposition.of("SweepFunction", dispatch, ledger, REGION, List.of(recorder), Clock.systemUTC(),
                        () -> System.out, RecoverySettings.on()));
    }

    /** The follow-up check with the ledger in {@code ledger}'s table, the recorder on every client. */
    public static VerifyFunction verify(CallRecorder recorder, DispatchSettings dispatch, LedgerSettings ledger) {
        return new VerifyFunction(VerifyComposition.of(settings(Mode.REMEDIATE), AwsClients.ec2(List.of(recorder)),
                AwsClients.ecs(List.of(recorder)), AwsClients.route53(List.of(recorder)), REGION, Clock.systemUTC()),
                DispatchComposition.of("VerifyFunction", dispatch, ledger, REGION, List.of(recorder), Clock.systemUTC(),
                        () -> System.out, RecoverySettings.on()));
    }

    /** The deployed check, the recorder on every client. */
    public static CheckFunction check(CallRecorder recorder) {
        return new CheckFunction(CheckComposition.of(settings(Mode.REMEDIATE), AwsClients.ec2(List.of(recorder)),
                AwsClients.ecs(List.of(recorder)), AwsClients.route53(List.of(recorder)), REGION, Clock.systemUTC()));
    }

    private static ReportDispatch dispatch(String function, DispatchSettings settings, CallRecorder recorder) {
        return DispatchComposition.of(function, settings, REGION, List.of(recorder), Clock.systemUTC(), () -> System.out);
    }

    public static Settings settings(Mode mode) {
        return new Settings(mode, PlanSettings.defaults());
    }
}
