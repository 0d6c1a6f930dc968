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
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;

/**
 * Answers one ECS operation, for the requests that match, with an error shaped as AWS's: HTTP 400,
 * {@code x-amzn-ErrorType} and a JSON body with {@code __type} and {@code message}. Either access
 * denied (the caller's role lacks the action; the SDK does not retry it) or throttling (the SDK
 * retries it with backoff, and every attempt is throttled again). The request still reaches moto (a
 * harmless read); its answer is replaced before the SDK reads it, so the SDK parses and retries the
 * error as it would AWS's.
 */
final class FailCall implements ExecutionInterceptor {
    private static final String ROLE = "arn:aws:sts::123456789012:assumed-role/ecs-vpce-remediator-SweepFunctionRole/"
            + "SweepFunction";

    private final String operation;
    private final Predicate<SdkRequest> matches;
    private final String errorCode;
    private final String message;

    private FailCall(String operation, Predicate<SdkRequest> matches, String errorCode, String message) {
        this.operation = operation;
        this.matches = matches;
        this.errorCode = errorCode;
        this.message = message;
    }

    /** ListClusters is denied. */
    static FailCall deniedListClusters() {
        return denied("ListClusters", "*", r -> r instanceof ListClustersRequest);
    }

    /** ListServices of this cluster (as the product passes it: the ARN) is denied. */
    static FailCall deniedListServices(String cluster) {
        return denied("ListServices", cluster, r -> r instanceof ListServicesRequest l && cluster.equals(l.cluster()));
    }

    /** DescribeServices of this cluster is denied. */
    static FailCall deniedDescribeServices(String cluster) {
        return denied("DescribeServices", cluster,
                r -> r instanceof DescribeServicesRequest d && cluster.equals(d.cluster()));
    }

    /** ListServices of this cluster is throttled, attempt after attempt. */
    static FailCall throttledListServices(String cluster) {
        return new FailCall("ListServices", r -> r instanceof ListServicesRequest l && cluster.equals(l.cluster()),
                "ThrottlingException", "Rate exceeded");
    }

    /** DescribeTaskDefinition of this task definition is throttled, attempt after attempt. */
    static FailCall throttledTaskDefinition(String taskDefinitionArn) {
        return new FailCall("DescribeTaskDefinition", r -> r instanceof DescribeTaskDefinitionRequest d
                && taskDefinitionArn.equals(d.taskDefinition()), "ThrottlingException", "Rate exceeded");
    }

    private static FailCall denied(String operation, String resource, Predicate<SdkRequest> matches) {
        return new FailCall(operation, matches, "AccessDeniedException", "User: " + ROLE + " is not authorized to "
                + "perform: ecs:" + operation + " on resource: " + resource + " because no identity-based policy "
                + "allows the ecs:" + operation + " action");
    }

    private boolean fails(Context.AfterTransmission context, ExecutionAttributes attributes) {
        return operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                && matches.test(context.request());
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!fails(context, attributes)) {
            return context.httpResponse();
        }
        return SdkHttpResponse.builder().statusCode(400).statusText("Bad Request")
                .putHeader("x-amzn-ErrorType", errorCode)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        if (!fails(context, attributes)) {
            return context.responseBody();
        }
        String body = "{\"__type\":\"" + errorCode + "\",\"message\":\"" + message + "\"}";
        return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
