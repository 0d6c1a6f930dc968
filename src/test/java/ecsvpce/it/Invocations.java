package ecsvpce.it;

import ecsvpce.handler.RemediateFunction;
import ecsvpce.handler.SweepFunction;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.support.Lambda;
import java.util.Map;

/**
 * The product's functions as the Lambda runtime would build them, but with a call recorder on
 * their SDK clients; clients reach moto through the SDK's standard settings only.
 */
final class Invocations {
    static final String REGION = Functions.REGION;

    private Invocations() {
    }

    static RemediateFunction remediateFunction(Mode mode, CallRecorder recorder) {
        return Functions.remediate(mode, recorder);
    }

    static SweepFunction sweepFunction(Mode mode, CallRecorder recorder) {
        return Functions.sweep(mode, recorder);
    }

    static Map<String, Object> remediate(Mode mode, CallRecorder recorder, String eventJson) {
        return Lambda.invoke(remediateFunction(mode, recorder), eventJson);
    }
}
