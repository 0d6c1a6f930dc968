package ecsvpce.handler;

import ecsvpce.report.ReportJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends a report where Lambda's callers and the logs see it: the invocation's response (what
 * {@code sam local invoke} prints, what asynchronous destinations receive) and one log line, the
 * same JSON, rendered once.
 */
final class ReportOutput {
    private ReportOutput() {
    }

    static void send(Map<String, Object> report, OutputStream response, PrintStream log) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ReportJson.log(report, new PrintStream(line, true, StandardCharsets.UTF_8));
        line.writeTo(response);
        response.flush();
        log.print(line.toString(StandardCharsets.UTF_8));
        log.flush();
    }
}
