package ecsvpce.sweep;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import ecsvpce.handler.SweepFunction;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    /**
     * The payload as the Lambda Java runtime hands it to this handler: the handler's declared input
     * type ({@code Map<String, Object>}, not an event class) is read by the runtime's Jackson serializer.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> payload(String json) {
        PojoSerializer<Object> serializer = JacksonFactory.getInstance().getSerializer(handlerInputType());
        return (Map<String, Object>) serializer.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, Object> payloadFile(String path) {
        try {
            return payload(Files.readString(Path.of(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code I} of {@code RequestHandler<I, O>}, found as the runtime finds it. */
    static Type handlerInputType() {
        for (Type type : SweepFunction.class.getGenericInterfaces()) {
            if (type instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                return p.getActualTypeArguments()[0];
            }
        }
        throw new IllegalStateException("SweepFunction is no RequestHandler");
    }
}
