package ecsvpce.hostile;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import ecsvpce.handler.RemediateFunction;
import ecsvpce.support.CallRecorder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One run of {@link RemediateFunction#handleRequest} as the Lambda Java runtime makes it: JSON text
 * deserialised by the runtime's own serializer, then the handler, with what it returned, threw,
 * printed on stdout and asked of AWS (through the {@link CallRecorder} on its clients).
 *
 * @param event  what the handler was given
 * @param report what it returned (null if it threw)
 * @param thrown what it threw (null if it returned)
 * @param stdout everything it printed on {@code System.out}
 * @param calls  every AWS call of its clients, as IAM actions
 * @param writes the calls that change something
 */
record Invocation(ScheduledEvent event, Map<String, Object> report, Throwable thrown, String stdout,
                  List<String> calls, List<String> writes) {

    private static final PojoSerializer<ScheduledEvent> RUNTIME_SERIALIZER =
            LambdaEventSerializers.serializerFor(ScheduledEvent.class, Invocation.class.getClassLoader());

    /** Deserialises an event exactly as the Lambda Java runtime does; throws what it throws. */
    static ScheduledEvent deserialise(String json) {
        return RUNTIME_SERIALIZER.fromJson(json);
    }

    /** Calls the handler with stdout captured; the recorder is cleared first. */
    static Invocation call(RemediateFunction function, CallRecorder recorder, ScheduledEvent event) {
        recorder.clear();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Map<String, Object> report = null;
        Throwable thrown = null;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            report = function.handleRequest(event, null);
        } catch (Throwable t) {   // the property is that nothing is thrown: keep it for the assertion
            thrown = t;
        } finally {
            System.setOut(original);
        }
        return new Invocation(event, report, thrown, out.toString(StandardCharsets.UTF_8), recorder.calls(),
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
