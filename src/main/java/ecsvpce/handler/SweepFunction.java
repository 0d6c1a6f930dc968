package ecsvpce.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import ecsvpce.app.FleetSweep;
import ecsvpce.app.ReportDispatch;
import ecsvpce.app.SweepScope;
import ecsvpce.handler.RawPayload.Read;
import ecsvpce.handler.RawPayload.Unreadable;
import ecsvpce.report.ReportJson;
import ecsvpce.report.SweepReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Lambda entry point for the compliance sweep: the schedule's event (sweep everything), a manual
 * payload {@code {"clusters": [...], "vpcIds": [...], "dryRun": true}}, every key optional, or an ECS
 * event about one service ({@link ServiceEvents}: created, updated, failing to start). Reads the
 * raw payload itself: one it cannot act on (not an object, unknown keys, not JSON) is rejected with
 * the reason, and nothing is read or changed. The report is dispatched like the others.
 */
public class SweepFunction implements RequestStreamHandler {
    /** Time kept back to finish the VPC in progress and report, out of Lambda's 15 minutes. */
    static final int RESERVE_MILLIS = 120_000;
    private static final Set<String> MANUAL_KEYS = Set.of("clusters", "vpcIds", "dryRun");
    /** The function's logical ID in template.yaml (its metrics' {@code Function} dimension). */
    static final String ID = SweepFunction.class.getSimpleName();

    private final FleetSweep sweep;
    private final ReportDispatch dispatch;
    private final Supplier<PrintStream> log;

    /** Used by the Lambda runtime: AWS clients are built on the first sweep that needs them. */
    public SweepFunction() {
        this(SweepComposition.fromEnvironment(), DispatchComposition.fromEnvironment(ID));
    }

    /** Reports only: nobody is told, no follow-up is queued. */
    public SweepFunction(FleetSweep sweep) {
        this(sweep, DispatchComposition.reportsOnly(ID));
    }

    public SweepFunction(FleetSweep sweep, ReportDispatch dispatch) {
        this(sweep, dispatch, () -> System.out);
    }

    /** @param log where the report's log line goes, asked at each invocation */
    SweepFunction(FleetSweep sweep, ReportDispatch dispatch, Supplier<PrintStream> log) {
        this.sweep = sweep;
        this.dispatch = dispatch;
        this.log = log;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        SweepReport report;
        try {
            SweepScope scope = scope(RawPayload.read(input));
            BooleanSupplier outOfTime = () -> context != null && context.getRemainingTimeInMillis() < RESERVE_MILLIS;
            report = sweep.sweep(scope, outOfTime);
        } catch (IllegalArgumentException badInput) {
            report = sweep.rejected(badInput.getMessage());
        }
        ReportOutput.send(dispatch.sweep(report, ReportJson.toMap(report), Origins.account(null, context)), output,
                log.get());
    }

    /** @throws IllegalArgumentException saying why the payload is no sweep's */
    private static SweepScope scope(RawPayload.Payload payload) {
        if (payload instanceof Unreadable unreadable) {
            throw new IllegalArgumentException(unreadable.reason());
        }
        Object value = ((Read) payload).value();
        if (value == null) {
            return SweepScope.everything();
        }
        Map<String, Object> object = ((Read) payload).object();
        if (object == null) {
            throw new IllegalArgumentException("the payload is " + RawPayload.kindOf(value) + ", not an object");
        }
        if ("aws.events".equals(object.get("source"))) {
            return SweepScope.everything();
        }
        if ("aws.ecs".equals(object.get("source"))) {
            return ServiceEvents.scope(object);
        }
        object.keySet().stream().filter(key -> !MANUAL_KEYS.contains(key)).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("unknown key '" + key + "': a manual sweep takes " + MANUAL_KEYS);
        });
        return SweepScope.fromPayload(object);
    }
}
