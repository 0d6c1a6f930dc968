package ecsvpce.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client standing in for an AWS account that has one ECS cluster and no task the
 * events name: it answers {@code DescribeTasks} as ECS answers for made-up tasks, and any other
 * call with an error (the hostile tests expect none).
 *
 * <ul>
 *   <li>a cluster other than {@link #KNOWN_CLUSTER}: {@code ClusterNotFoundException};</li>
 *   <li>a task id ECS cannot parse (longer than 36 characters, or not letters, digits, '-' and '_'):
 *       {@code InvalidParameterException} ("taskId longer than 36.", as ECS answers the CLI);</li>
 *   <li>otherwise no task and a {@code MISSING} failure.</li>
 * </ul>
 */
final class UnknownTaskAws implements SdkHttpClient {
    static final String KNOWN_CLUSTER = "orders-prod";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        String body = request.contentStreamProvider().map(provider -> read(provider.newStream())).orElse("");
        Answer answer = "AmazonEC2ContainerServiceV20141113.DescribeTasks".equals(target)
                ? describeTasks(body)
                : new Answer(400, "{\"__type\":\"UnexpectedCall\",\"message\":\"the hostile tests expect no "
                        + (target.isEmpty() ? "EC2" : target) + " call\"}");
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(answer.status())
                                .putHeader("Content-Type", CONTENT_TYPE)
                                .putHeader("Content-Length", Integer.toString(bytes.length))
                                .putHeader("x-amzn-RequestId", "hostile-test").build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    private static Answer describeTasks(String body) {
        JsonNode request = parse(body);
        String cluster = request.path("cluster").asText("");
        String clusterName = cluster.substring(cluster.lastIndexOf('/') + 1);
        if (!KNOWN_CLUSTER.equals(clusterName)) {
            return error("ClusterNotFoundException", "Cluster not found.");
        }
        String task = request.path("tasks").path(0).asText("");
        String taskId = task.substring(task.lastIndexOf('/') + 1);
        if (taskId.length() > 36) {
            return error("InvalidParameterException", "taskId longer than 36.");
        }
        if (taskId.isEmpty() || !taskId.matches("[A-Za-z0-9_-]+")) {
            return error("InvalidParameterException", "Task Identifier is invalid");
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("tasks");
        answer.putArray("failures").addObject().put("arn", task).put("reason", "MISSING");
        return new Answer(200, answer.toString());
    }

    private static Answer error(String code, String message) {
        return new Answer(400, JSON.createObjectNode().put("__type", code).put("message", message).toString());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new IllegalStateException("the SDK sent no JSON: " + body, e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
    }

    private record Answer(int status, String body) {
    }
}
