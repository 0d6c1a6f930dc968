package ecsvpce.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import ecsvpce.app.FleetSweep;
import ecsvpce.app.ReportDispatch;
import ecsvpce.app.SweepScope;
import ecsvpce.report.ReportJson;
import ecsvpce.report.SweepReport;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Lambda entry point for the compliance sweep: the schedule's event (sweep everything) or a manual
 * payload {@code {"clusters": [...], "vpcIds": [...], "dryRun": true}}, every key optional.
 */
public class SweepFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Time kept back to finish the VPC in progress and report, out of Lambda's 15 minutes. */
    static final int RESERVE_MILLIS = 120_000;
    private static final Set<String> MANUAL_KEYS = Set.of("clusters", "vpcIds", "dryRun");

    /** The function's logical ID in template.yaml (its metrics' {@code Function} dimension). */
    static final String ID = SweepFunction.class.getSimpleName();

    private final FleetSweep sweep;
    private final ReportDispatch dispatch;

    /** Used by the Lambda runtime: clients are built once per container. */
    public SweepFunction() {
        this(SweepComposition.fromEnvironment(), DispatchComposition.fromEnvironment(ID));
    }

    /** Reports only: nobody is told, no follow-up is queued. */
    public SweepFunction(FleetSweep sweep) {
        this(sweep, DispatchComposition.reportsOnly(ID));
    }

    public SweepFunction(FleetSweep sweep, ReportDispatch dispatch) {
        this.sweep = sweep;
        this.dispatch = dispatch;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
        SweepReport report;
        try {
            SweepScope scope = isScheduledEvent(payload) ? SweepScope.everything() : manualScope(payload);
            BooleanSupplier outOfTime = () -> context != null && context.getRemainingTimeInMillis() < RESERVE_MILLIS;
            report = sweep.sweep(scope, outOfTime);
        } catch (IllegalArgumentException badInput) {
            report = sweep.rejected(badInput.getMessage());
        }
        Map<String, Object> result = dispatch.sweep(report, ReportJson.toMap(report), Origins.account(null, context));
        ReportJson.log(result, System.out);
        return result;
    }

    private static boolean isScheduledEvent(Map<String, Object> payload) {
        return payload != null && "aws.events".equals(payload.get("source"));
    }

    private static SweepScope manualScope(Map<String, Object> payload) {
        if (payload != null) {
            payload.keySet().stream().filter(key -> !MANUAL_KEYS.contains(key)).findFirst().ifPresent(key -> {
                throw new IllegalArgumentException("unknown key '" + key + "': a manual sweep takes " + MANUAL_KEYS);
            });
        }
        return SweepScope.fromPayload(payload);
    }
}
