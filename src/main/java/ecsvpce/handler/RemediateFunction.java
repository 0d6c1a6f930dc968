package ecsvpce.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Lambda entry point for EventBridge "ECS Task State Change" events: a Fargate task that failed to
 * start. Reads the raw payload itself, so whatever arrives gets a report: anything that is not a task
 * state change, or cannot be read at all, is skipped with the reason. The report is the response (so
 * {@code sam local invoke} prints it) and one JSON log line, both with presigned URL credentials
 * redacted and account ids other than the event's own masked. Skipped events end normally so
 * EventBridge does not retry them; transient AWS errors are thrown so Lambda does.
 */
public class RemediateFunction implements RequestStreamHandler {
    private final TaskRemediation remediation;
    private final Supplier<PrintStream> log;

    /** Used by the Lambda runtime: AWS clients are built on the first event that needs them. */
    public RemediateFunction() {
        this(RemediateComposition.fromEnvironment());
    }

    public RemediateFunction(TaskRemediation remediation) {
        this(remediation, () -> System.out);
    }

    /** @param log where the report's log line goes, asked at each invocation */
    RemediateFunction(TaskRemediation remediation, Supplier<PrintStream> log) {
        this.remediation = remediation;
        this.log = log;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Payload payload = RawPayload.read(input);
        TaskReport report;
        Set<String> ownAccounts = Set.of();
        if (payload instanceof Unreadable unreadable) {
            report = remediation.notOurs(unreadable.reason());
        } else {
            Object event = ((Read) payload).value();
            Optional<String> skip = TaskStateChangeEvent.envelopeSkipReason(event);
            report = skip.isPresent() ? remediation.notOurs(skip.get())
                    : remediation.remediate(TaskStateChangeEvent.task(event));
            ownAccounts = TaskStateChangeEvent.ownAccounts(event);
        }
        ReportOutput.send(ReportJson.toMap(report, ownAccounts), output, log.get());
    }
}
