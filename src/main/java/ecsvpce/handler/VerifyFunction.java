package ecsvpce.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import ecsvpce.app.FollowUpCheck;
import ecsvpce.app.ReportDispatch;
import ecsvpce.app.port.FollowUp;
import ecsvpce.report.ReportJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lambda entry point for the follow-up check: an SQS event whose messages are follow-ups
 * ({@link FollowUp}). Each gets a report, logged and notified like the others; the result is that
 * report (or {@code {"reports": [...]}} for several). A message that is not a follow-up, or names a
 * VPC that is gone, is reported and ends normally, so SQS does not deliver it again; a transient AWS
 * error is thrown, so SQS does (then its dead-letter queue keeps it).
 */
public class VerifyFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** The function's logical ID in template.yaml (its metrics' {@code Function} dimension). */
    static final String ID = VerifyFunction.class.getSimpleName();

    private final FollowUpCheck check;
    private final ReportDispatch dispatch;

    /** Used by the Lambda runtime: clients are built once per container. */
    public VerifyFunction() {
        this(VerifyComposition.fromEnvironment(), DispatchComposition.fromEnvironment(ID));
    }

    public VerifyFunction(FollowUpCheck check, ReportDispatch dispatch) {
        this.check = check;
        this.dispatch = dispatch;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
        SqsMessages.Read read = SqsMessages.read(payload);
        List<FollowUpCheck.Checked> checks = new ArrayList<>();
        read.notSqs().ifPresent(why -> checks.add(check.rejected(why)));
        for (String body : read.bodies()) {
            FollowUp followUp;
            try {
                followUp = FollowUp.parse(body);
            } catch (IllegalArgumentException malformed) {
                checks.add(check.rejected(malformed.getMessage()));
                continue;
            }
            checks.add(check.check(followUp));
        }
        List<Map<String, Object>> reports = new ArrayList<>();
        for (FollowUpCheck.Checked checked : checks) {
            Map<String, Object> result = dispatch.verification(checked.report(), checked.again(),
                    ReportJson.toMap(checked.report()), Origins.account(null, context));
            ReportJson.log(result, System.out);
            reports.add(result);
        }
        return reports.size() == 1 ? reports.get(0) : Map.of("reports", reports);
    }
}
