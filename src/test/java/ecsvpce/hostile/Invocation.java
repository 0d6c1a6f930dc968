package ecsvpce.hostile;

import ecsvpce.handler.RemediateFunction;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Lambda;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One run of {@link RemediateFunction#handleRequest} as the Lambda Java runtime makes it: the
 * payload's bytes in, the response's bytes out, with what it returned, threw, printed on stdout and
 * asked of AWS (through the {@link CallRecorder} on its clients).
 *
 * @param payload what the handler was given
 * @param report  what it returned (null if it threw)
 * @param thrown  what it threw (null if it returned)
 * @param stdout  everything it printed on {@code System.out}
 * @param calls   every AWS call of its clients, as IAM actions
 * @param writes  the calls that change something
 */
record Invocation(String payload, Map<String, Object> report, Throwable thrown, String stdout,
                  List<String> calls, List<String> writes) {

    /** Calls the handler with stdout captured; the recorder is cleared first. */
    static Invocation call(RemediateFunction function, CallRecorder recorder, String payload) {
        recorder.clear();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Map<String, Object> report = null;
        Throwable thrown = null;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            report = Lambda.parse(Lambda.call(function, payload.getBytes(StandardCharsets.UTF_8), null));
        } catch (Throwable t) {   // the property is that nothing is thrown: keep it for the assertion
            thrown = t;
        } finally {
            System.setOut(original);
        }
        return new Invocation(payload, report, thrown, out.toString(StandardCharsets.UTF_8), recorder.calls(),
                recorder.writes());
    }

    String outcome() {
        return report == null ? null : (String) report.get("outcome");
    }

    String summary() {
        return report == null ? null : (String) report.get("summary");
    }

    /** What was printed, line by line ({@code \n}, {@code \r} and {@code \r\n} each end a line). */
    private List<String> stdoutLines() {
        return stdout.lines().toList();
    }

    /**
     * The report's log lines: what was printed but the embedded-metric-format lines, which carry
     * only counts and names of codes (the whole output is checked for secrets all the same).
     */
    List<String> reportLines() {
        return stdoutLines().stream().filter(line -> !line.startsWith("{\"_aws\":")).toList();
    }
}
