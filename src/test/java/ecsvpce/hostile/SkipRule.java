package ecsvpce.hostile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.core.failure.StopReasonClassifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Why RemediateFunction may skip an event, each with how its report's summary begins, and an oracle
 * that tells, from the payload the handler is given, which of them the payload breaks. The oracle is
 * the issues' rules restated, not the product's code: a payload that is not JSON, larger than Lambda
 * delivers (6 MiB) or nested deeper than 64 levels is unreadable; a field of the wrong JSON type
 * counts as missing (a {@code source} too); of duplicate keys the last counts; unknown fields are
 * ignored.
 */
enum SkipRule {
    EMPTY_EVENT("empty event"),
    UNREADABLE("the payload "),
    NOT_A_TASK_STATE_CHANGE("not an ECS Task State Change event"),
    NO_DETAIL("the event has no detail"),
    NO_TASK_OR_CLUSTER("the event's detail has no taskArn or clusterArn"),
    NOT_STOPPED("task is "),
    NOT_A_START_FAILURE("the task did not fail to start"),
    NOT_FARGATE("not a Fargate task"),
    NO_SUBNET("the task has no awsvpc network interface with a subnetId"),
    NOT_ECS_ARNS("the taskArn or clusterArn is not an ECS task or cluster ARN"),
    /** Every rule above passes: ECS is asked, and (in these tests) knows no such task. */
    UNKNOWN_TO_ECS("ECS does not know task");

    private static final String ECS_ARN = "arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{1,12}:";
    private static final Pattern TASK_ARN = Pattern.compile(ECS_ARN + "task/(?:[A-Za-z0-9_-]{1,255}/)?[A-Za-z0-9_-]{1,255}");
    private static final Pattern CLUSTER_ARN = Pattern.compile(ECS_ARN + "cluster/[A-Za-z0-9_-]{1,255}");
    static final int MAX_BYTES = 6 * 1024 * 1024;
    static final int MAX_DEPTH = 64;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    final String reasonStart;

    SkipRule(String reasonStart) {
        this.reasonStart = reasonStart;
    }

    /** The rule a report's summary names, if it names one. */
    static Optional<SkipRule> namedBy(String summary) {
        return summary == null ? Optional.empty() : Arrays.stream(values())
                .filter(rule -> summary.startsWith("skipped: " + rule.reasonStart)).findFirst();
    }

    /** Every rule the payload breaks; {@link #UNKNOWN_TO_ECS} alone when it breaks none of the others. */
    static Set<SkipRule> brokenBy(String payload) {
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return EnumSet.of(UNREADABLE);
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException notJson) {
            return EnumSet.of(UNREADABLE);
        }
        if (root.isMissingNode() || root.isNull()) {
            return EnumSet.of(EMPTY_EVENT);
        }
        if (depth(root) > MAX_DEPTH) {
            return EnumSet.of(UNREADABLE);
        }
        Set<SkipRule> broken = EnumSet.noneOf(SkipRule.class);
        if (!"aws.ecs".equals(textOf(root.get("source"))) || !"ECS Task State Change".equals(textOf(root.get("detail-type")))) {
            broken.add(NOT_A_TASK_STATE_CHANGE);
        }
        JsonNode detailNode = root.get("detail");
        if (detailNode == null || !detailNode.isObject() || detailNode.isEmpty()) {
            broken.add(NO_DETAIL);
            return broken;
        }
        Map<String, Object> detail = JSON.convertValue(detailNode, new TypeReference<Map<String, Object>>() { });
        String taskArn = text(detail.get("taskArn"));
        String clusterArn = text(detail.get("clusterArn"));
        if (taskArn == null || clusterArn == null) {
            broken.add(NO_TASK_OR_CLUSTER);
        } else if (!TASK_ARN.matcher(taskArn).matches() || !CLUSTER_ARN.matcher(clusterArn).matches()) {
            broken.add(NOT_ECS_ARNS);
        }
        if (!"STOPPED".equals(text(detail.get("lastStatus")))) {
            broken.add(NOT_STOPPED);
        }
        if (!StopReasonClassifier.isStartFailure(text(detail.get("stopCode")), text(detail.get("stoppedReason")))) {
            broken.add(NOT_A_START_FAILURE);
        }
        String capacityProvider = text(detail.get("capacityProviderName"));
        if (!"FARGATE".equals(text(detail.get("launchType")))
                && (capacityProvider == null || !capacityProvider.startsWith("FARGATE"))) {
            broken.add(NOT_FARGATE);
        }
        if (subnetId(detail) == null) {
            broken.add(NO_SUBNET);
        }
        return broken.isEmpty() ? EnumSet.of(UNKNOWN_TO_ECS) : broken;
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }

    private static String textOf(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** The last {@code subnetId} of an ENI attachment, as a later detail overrides an earlier one. */
    private static String subnetId(Map<String, Object> detail) {
        String subnetId = null;
        for (Object attachment : list(detail.get("attachments"))) {
            if (attachment instanceof Map<?, ?> map && isEni(text(map.get("type")))) {
                for (Object pair : list(map.get("details"))) {
                    if (pair instanceof Map<?, ?> kv && "subnetId".equals(text(kv.get("name")))) {
                        subnetId = text(kv.get("value"));
                    }
                }
            }
        }
        return subnetId;
    }

    private static boolean isEni(String type) {
        return "eni".equalsIgnoreCase(type) || "ElasticNetworkInterface".equalsIgnoreCase(type);
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
