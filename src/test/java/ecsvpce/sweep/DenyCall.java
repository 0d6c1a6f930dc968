package ecsvpce.sweep;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;

/**
 * Answers one ECS operation, for the requests that match, as AWS answers a caller whose role lacks
 * the permission: HTTP 400, {@code x-amzn-ErrorType: AccessDeniedException} and a JSON body with
 * {@code __type} and the message naming the action. The request still reaches moto (a harmless read);
 * its answer is replaced before the SDK reads it, so the SDK parses the error as it would AWS's.
 */
final class DenyCall implements ExecutionInterceptor {
    private final String operation;
    private final Predicate<SdkRequest> matches;

    private DenyCall(String operation, Predicate<SdkRequest> matches) {
        this.operation = operation;
        this.matches = matches;
    }

    /** ListServices of this cluster (name or ARN, as the product passes it) is denied. */
    static DenyCall listServices(String cluster) {
        return new DenyCall("ListServices",
                r -> r instanceof ListServicesRequest l && cluster.equals(l.cluster()));
    }

    /** DescribeServices of this cluster is denied. */
    static DenyCall describeServices(String cluster) {
        return new DenyCall("DescribeServices",
                r -> r instanceof DescribeServicesRequest d && cluster.equals(d.cluster()));
    }

    private boolean denies(Context.AfterTransmission context, ExecutionAttributes attributes) {
        return operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                && matches.test(context.request());
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!denies(context, attributes)) {
            return context.httpResponse();
        }
        return SdkHttpResponse.builder().statusCode(400).statusText("Bad Request")
                .putHeader("x-amzn-ErrorType", "AccessDeniedException")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        if (!denies(context, attributes)) {
            return context.responseBody();
        }
        String body = "{\"__type\":\"AccessDeniedException\",\"message\":\"User: arn:aws:sts::123456789012:"
                + "assumed-role/ecs-vpce-remediator-SweepFunctionRole/SweepFunction is not authorized to perform: ecs:"
                + operation + " on resource: " + cluster(context.request()) + " because no identity-based policy "
                + "allows the ecs:" + operation + " action\"}";
        return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String cluster(SdkRequest request) {
        return request.getValueForField("cluster", String.class).orElse("*");
    }
}
