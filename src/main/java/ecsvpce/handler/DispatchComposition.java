package ecsvpce.handler;

import ecsvpce.app.DispatchSettings;
import ecsvpce.app.IncidentLedger;
import ecsvpce.app.LedgerSettings;
import ecsvpce.app.RecoverySettings;
import ecsvpce.app.ReportDispatch;
import ecsvpce.aws.AwsClients;
import ecsvpce.aws.AwsClients.Connection;
import ecsvpce.aws.DynamoDbLedger;
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
 * ledger, the metrics), for the three composition roots. The SNS, SQS and DynamoDB clients are built
 * when first needed: most invocations tell nobody, queue nothing and record nothing.
 */
public final class DispatchComposition {
    private DispatchComposition() {
    }

    /**
     * As Lambda runs it: {@code NOTIFICATION_TOPIC_ARN}, {@code VERIFY_QUEUE_URL}, {@code VERIFY_DELAY_SECONDS},
     * {@code LEDGER_TABLE_NAME}, {@code LEDGER_RETENTION_DAYS}.
     */
    public static ReportDispatch fromEnvironment(String function) {
        return of(function, DispatchSettings.fromEnvironment(System.getenv()), LedgerSettings.fromEnvironment(System.getenv()),
                Connection.standard().regionId(), List.of(), Clock.systemUTC(), () -> System.out,
                RecoverySettings.fromEnvironment(System.getenv()));
    }

    /** Reports, metrics, and nobody told: what a function does with neither topic nor queue configured. */
    public static ReportDispatch reportsOnly(String function) {
        return of(function, DispatchSettings.none(), System.getenv("AWS_REGION"), List.of(), Clock.systemUTC(),
                () -> System.out);
    }

    /** @param interceptors on the SNS and SQS clients (tests record calls with them) */
    public static ReportDispatch of(String function, DispatchSettings settings, String region,
                                    List<ExecutionInterceptor> interceptors, Clock clock, Supplier<PrintStream> metrics) {
        return of(function, settings, LedgerSettings.none(), region, interceptors, clock, metrics, RecoverySettings.on());
    }

    /**
     * @param interceptors on the SNS, SQS and DynamoDB clients (tests record calls with them)
     * @param recovery     what a dry run says its follow-up would do about services ({@code RECOVER_SERVICES})
     */
    public static ReportDispatch of(String function, DispatchSettings settings, LedgerSettings ledger, String region,
                                    List<ExecutionInterceptor> interceptors, Clock clock, Supplier<PrintStream> metrics,
                                    RecoverySettings recovery) {
        return new ReportDispatch(function, region,
                settings.topicArn().map(topic -> new SnsNotifier(LazyPorts.once(() -> AwsClients.sns(
                        Region.of(settings.topicRegion().orElse(region)), interceptors)), topic)),
                settings.queueUrl().map(queue -> new SqsFollowUpQueue(LazyPorts.once(() -> AwsClients.sqs(interceptors)), queue)),
                settings.followUpDelay(), clock, metrics, recovery,
                ledger.tableName().map(table -> new IncidentLedger(new DynamoDbLedger(LazyPorts.once(() ->
                        AwsClients.dynamoDb(interceptors)), table), ledger.retention())));
    }
}
