package ecsvpce.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import ecsvpce.app.ReportDispatch;
import ecsvpce.app.TaskRemediation;
import ecsvpce.report.ReportJson;
import ecsvpce.report.TaskReport;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda entry point for EventBridge "ECS Task State Change" events: a Fargate task that failed to
 * start. Returns the report (so {@code sam local invoke} prints it) and logs it as one JSON line, both
 * with presigned URL credentials redacted and account ids other than the event's own masked.
 * Events that are not ours are skipped normally so EventBridge does not retry them; transient AWS
 * errors are thrown so Lambda does.
 */
public class RemediateFunction implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    /** The function's logical ID in template.yaml (its metrics' {@code Function} dimension). */
    static final String ID = RemediateFunction.class.getSimpleName();

    private final TaskRemediation remediation;
    private final ReportDispatch dispatch;

    /** Used by the Lambda runtime: clients are built once per container. */
    public RemediateFunction() {
        this(RemediateComposition.fromEnvironment(), DispatchComposition.fromEnvironment(ID));
    }

    /** Reports only: nobody is told, no follow-up is queued. */
    public RemediateFunction(TaskRemediation remediation) {
        this(remediation, DispatchComposition.reportsOnly(ID));
    }

    public RemediateFunction(TaskRemediation remediation, ReportDispatch dispatch) {
        this.remediation = remediation;
        this.dispatch = dispatch;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        Optional<String> skip = TaskStateChangeEvent.envelopeSkipReason(event);
        TaskReport report = skip.isPresent() ? remediation.notOurs(skip.get())
                : remediation.remediate(TaskStateChangeEvent.task(event.getDetail()));
        Map<String, Object> result = dispatch.task(report, ReportJson.toMap(report, TaskStateChangeEvent.ownAccounts(event)),
                Origins.account(event == null ? null : event.getAccount(), context),
                Origins.stoppedAt(event == null ? null : event.getDetail()));
        ReportJson.log(result, System.out);
        return result;
    }
}
