package ecsvpce.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import ecsvpce.app.FollowUpCheck;
import ecsvpce.app.ReportDispatch;
import ecsvpce.app.port.FollowUp;
import ecsvpce.handler.RawPayload.Payload;
import ecsvpce.handler.RawPayload.Read;
import ecsvpce.handler.RawPayload.Unreadable;
import ecsvpce.report.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lambda entry point for the follow-up check: an SQS event whose messages are follow-ups
 * ({@link FollowUp}), read from the raw payload. Each gets a report, logged and notified like the
 * others; the response is that report (or {@code {"reports": [...]}} for several). A payload or
 * message that is not a follow-up, or names a VPC that is gone, is reported and ends normally, so
 * SQS does not deliver it again; a transient AWS error is thrown, so SQS does (then its dead-letter
 * queue keeps it).
 */
public class VerifyFunction implements RequestStreamHandler {
    /** The function's logical ID in template.yaml (its metrics' {@code Function} dimension). */
    static final String ID = VerifyFunction.class.getSimpleName();

    private final FollowUpCheck check;
    private final ReportDispatch dispatch;

    /** Used by the Lambda runtime. */
    public VerifyFunction() {
        this(VerifyComposition.fromEnvironment(), DispatchComposition.fromEnvironment(ID));
    }

    public VerifyFunction(FollowUpCheck check, ReportDispatch dispatch) {
        this.check = check;
        this.dispatch = dispatch;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<FollowUpCheck.Checked> checks = new ArrayList<>();
        Payload payload = RawPayload.read(input);
        if (payload instanceof Unreadable unreadable) {
            checks.add(check.rejected(unreadable.reason()));
        } else {
            SqsMessages.Read read = SqsMessages.read(((Read) payload).object());
            read.notSqs().ifPresent(why -> checks.add(check.rejected(why)));
            for (String body : read.bodies()) {
                checks.add(checked(body));
            }
        }
        List<Map<String, Object>> reports = new ArrayList<>();
        for (FollowUpCheck.Checked checked : checks) {
            Map<String, Object> result = dispatch.verification(checked.report(), checked.again(), checked.pace(),
                    ReportJson.toMap(checked.report()), Origins.account(null, context));
            ReportJson.log(result, System.out);
            reports.add(result);
        }
        PrintStream response = new PrintStream(output, true, StandardCharsets.UTF_8);
        ReportJson.log(reports.size() == 1 ? reports.get(0) : Map.of("reports", reports), response);
        response.flush();
    }

    private FollowUpCheck.Checked checked(String body) {
        try {
            return check.check(FollowUp.parse(body));
        } catch (IllegalArgumentException malformed) {
            return check.rejected(malformed.getMessage());
        }
    }
}
