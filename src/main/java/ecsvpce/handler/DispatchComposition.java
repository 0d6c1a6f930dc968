package ecsvpce.handler;

import ecsvpce.app.DispatchSettings;
import ecsvpce.app.RecoverySettings;
import ecsvpce.app.ReportDispatch;
import ecsvpce.aws.AwsClients;
import ecsvpce.aws.AwsClients.Connection;
import ecsvpce.aws.SnsNotifier;
import ecsvpce.aws.SqsFollowUpQueue;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

/**
 * Wires what every function does with a finished report (the topic, the follow-up queue, the
 * metrics), for the three composition roots. The SNS and SQS clients are built when first needed:
 * most invocations tell nobody and queue nothing.
 */
public final class DispatchComposition {
    private DispatchComposition() {
    }

    /** As Lambda runs it: {@code NOTIFICATION_TOPIC_ARN}, {@code VERIFY_QUEUE_URL}, {@code VERIFY_DELAY_SECONDS}. */
    public static ReportDispatch fromEnvironment(String function) {
        return of(function, DispatchSettings.fromEnvironment(System.getenv()), Connection.standard().regionId(),
                List.of(), Clock.systemUTC(), () -> System.out, RecoverySettings.fromEnvironment(System.getenv()));
    }

    /** Reports, metrics, and nobody told: what a function does with neither topic nor queue configured. */
    public static ReportDispatch reportsOnly(String function) {
        return of(function, DispatchSettings.none(), System.getenv("AWS_REGION"), List.of(), Clock.systemUTC(),
                () -> System.out);
    }

    /** @param interceptors on the SNS and SQS clients (tests record calls with them) */
    public static ReportDispatch of(String function, DispatchSettings settings, String region,
                                    List<ExecutionInterceptor> interceptors, Clock clock, Supplier<PrintStream> metrics) {
        return of(function, settings, region, interceptors, clock, metrics, RecoverySettings.on());
    }

    /** @param recovery what a dry run says its follow-up would do about services ({@code RECOVER_SERVICES}) */
    public static ReportDispatch of(String function, DispatchSettings settings, String region,
                                    List<ExecutionInterceptor> interceptors, Clock clock, Supplier<PrintStream> metrics,
                                    RecoverySettings recovery) {
        return new ReportDispatch(function, region,
                settings.topicArn().map(topic -> new SnsNotifier(LazyPorts.once(() -> AwsClients.sns(
                        Region.of(settings.topicRegion().orElse(region)), interceptors)), topic)),
                settings.queueUrl().map(queue -> new SqsFollowUpQueue(LazyPorts.once(() -> AwsClients.sqs(interceptors)), queue)),
                settings.followUpDelay(), clock, metrics, recovery);
    }
}
