package ecsvpce.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import ecsvpce.app.ReportDispatch;
import ecsvpce.app.TaskRemediation;
import ecsvpce.handler.RawPayload.Payload;
import ecsvpce.handler.RawPayload.Read;
import ecsvpce.handler.RawPayload.Unreadable;
import ecsvpce.report.ReportJson;
import ecsvpce.report.TaskReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Lambda entry point for EventBridge "ECS Task State Change" events: a Fargate task that failed to
 * start. Reads the raw payload itself, so whatever arrives gets a report: anything that is not a task
 * state change, or cannot be read at all, is skipped with the reason. The report is dispatched (who
 * is told, which follow-up is queued, its metrics), then is the response (so {@code sam local invoke}
 * prints it) and one JSON log line, both with presigned URL credentials redacted and account ids
 * other than the event's own masked. Skipped events end normally so EventBridge does not retry them;
 * transient AWS errors are thrown so Lambda does.
 */
public class RemediateFunction implements RequestStreamHandler {
    /** The function's logical ID in template.yaml (its metrics' {@code Function} dimension). */
    static final String ID = RemediateFunction.class.getSimpleName();

    private final TaskRemediation remediation;
    private final ReportDispatch dispatch;
    private final Supplier<PrintStream> log;

    /** Used by the Lambda runtime: AWS clients are built on the first event that needs them. */
    public RemediateFunction() {
        this(RemediateComposition.fromEnvironment(), DispatchComposition.fromEnvironment(ID));
    }

    /** Reports only: nobody is told, no follow-up is queued. */
    public RemediateFunction(TaskRemediation remediation) {
        this(remediation, DispatchComposition.reportsOnly(ID));
    }

    public RemediateFunction(TaskRemediation remediation, ReportDispatch dispatch) {
        this(remediation, dispatch, () -> System.out);
    }

    /** @param log where the report's log line goes, asked at each invocation */
    RemediateFunction(TaskRemediation remediation, ReportDispatch dispatch, Supplier<PrintStream> log) {
        this.remediation = remediation;
        this.dispatch = dispatch;
        this.log = log;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Payload payload = RawPayload.read(input);
        TaskReport report;
        Set<String> ownAccounts = Set.of();
        Map<String, Object> envelope = Map.of();
        if (payload instanceof Unreadable unreadable) {
            report = remediation.notOurs(unreadable.reason());
        } else {
            Object event = ((Read) payload).value();
            Optional<String> skip = TaskStateChangeEvent.envelopeSkipReason(event);
            report = skip.isPresent() ? remediation.notOurs(skip.get())
                    : remediation.remediate(TaskStateChangeEvent.task(event));
            ownAccounts = TaskStateChangeEvent.ownAccounts(event);
            envelope = ((Read) payload).object() == null ? Map.of() : ((Read) payload).object();
        }
        Map<String, Object> result = dispatch.task(report, ReportJson.toMap(report, ownAccounts),
                Origins.account(string(envelope.get("account")), context),
                Origins.stoppedAt(envelope.get("detail") instanceof Map<?, ?> detail ? detail : null));
        ReportOutput.send(result, output, log.get());
    }

    private static String string(Object value) {
        return value instanceof String text ? text : null;
    }
}
