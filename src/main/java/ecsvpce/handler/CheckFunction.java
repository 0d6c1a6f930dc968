package ecsvpce.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import ecsvpce.app.DeployCheck;
import ecsvpce.handler.RawPayload.Read;
import ecsvpce.handler.RawPayload.Unreadable;
import ecsvpce.report.CheckReport;
import ecsvpce.report.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Lambda entry point of the deployed check: a check request ({@link CheckRequests}) answered with the
 * check's report, or a CloudFormation Lambda hook's request ({@link CloudFormationHook}) answered in
 * the hook's format. Every payload gets an answer and one log line; nothing is ever written, and
 * nobody is told: the caller is the one who asked.
 */
public class CheckFunction implements RequestStreamHandler {
    /** The function's logical ID in template.yaml. */
    static final String ID = CheckFunction.class.getSimpleName();

    private final DeployCheck check;
    private final Supplier<PrintStream> log;

    /** Used by the Lambda runtime: AWS clients are built at the first check that needs them. */
    public CheckFunction() {
        this(CheckComposition.fromEnvironment());
    }

    public CheckFunction(DeployCheck check) {
        this(check, () -> System.out);
    }

    /** @param log where the log line goes, asked at each invocation */
    CheckFunction(DeployCheck check, Supplier<PrintStream> log) {
        this.check = check;
        this.log = log;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        RawPayload.Payload payload = RawPayload.read(input);
        Map<String, Object> request = payload instanceof Read read ? read.object() : null;
        if (request != null && CloudFormationHook.isHookRequest(request)) {
            CloudFormationHook.Answer answer = CloudFormationHook.answer(request, check::check);
            Map<String, Object> line = new LinkedHashMap<>();
            answer.report().ifPresent(report -> line.putAll(ReportJson.toMap(report)));
            line.put("hook", answer.response());
            ReportJson.log(line, log.get());
            ReportJson.log(answer.response(), new PrintStream(output, true, StandardCharsets.UTF_8));
            return;
        }
        ReportOutput.send(ReportJson.toMap(report(payload, request)), output, log.get());
    }

    private CheckReport report(RawPayload.Payload payload, Map<String, Object> request) {
        if (payload instanceof Unreadable unreadable) {
            return check.rejected(unreadable.reason());
        }
        if (request == null) {
            return check.rejected("the payload is " + RawPayload.kindOf(((Read) payload).value())
                    + ", not a check request");
        }
        try {
            return check.check(CheckRequests.parse(request));
        } catch (IllegalArgumentException badRequest) {
            return check.rejected(badRequest.getMessage());
        }
    }
}
