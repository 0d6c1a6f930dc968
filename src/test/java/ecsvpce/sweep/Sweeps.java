package ecsvpce.sweep;

import com.amazonaws.services.lambda.runtime.Context;
import ecsvpce.handler.SweepFunction;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.support.Lambda;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * SweepFunction as the Lambda runtime builds and calls it, with a call recorder (and, for tests,
 * further interceptors) on its SDK clients; clients reach moto through the SDK's standard settings.
 */
final class Sweeps {
    static final String REGION = "us-east-1";
    static final String FUNCTION = "SweepFunction";

    private Sweeps() {
    }

    /** @param ecsInterceptors after the recorder, on the ECS client only (moto fields, denials) */
    static SweepFunction function(Mode mode, CallRecorder recorder, ExecutionInterceptor... ecsInterceptors) {
        List<ExecutionInterceptor> ecs = new ArrayList<>();
        ecs.add(recorder);
        ecs.addAll(Arrays.asList(ecsInterceptors));
        return function(mode, List.of(recorder), ecs);
    }

    /** With these interceptors on each client, in order. */
    static SweepFunction function(Mode mode, List<ExecutionInterceptor> ec2Interceptors,
                                  List<ExecutionInterceptor> ecsInterceptors) {
        return Functions.sweep(Functions.settings(mode), ec2Interceptors, ecsInterceptors);
    }

    /** Runs the sweep on a payload, as the Lambda runtime hands it over: its bytes. */
    static SweepResult run(SweepFunction function, String payload) {
        return run(function, payload, null);
    }

    static SweepResult run(SweepFunction function, String payload, Context context) {
        return new SweepResult(Lambda.invoke(function, payload, context));
    }

    /** A payload file of the repository, e.g. events/scheduled-sweep.json. */
    static String payloadFile(String path) {
        return Lambda.file(path);
    }
}
