package ecsvpce.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of EventBridge "ECS Task State Change" events, well formed and hostile, as JSON
 * trees ({@link #text} turns one into the text the Lambda runtime would read). Every well-formed
 * event is about a made-up task: no ECS knows it.
 */
final class HostileEvents {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String SOURCE = "aws.ecs";
    static final String DETAIL_TYPE = "ECS Task State Change";
    /** A value that stands for "leave the field out". */
    static final JsonNode ABSENT = MissingNode.getInstance();

    static final List<String> START_FAILURE_REASONS = List.of(
            "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval "
                    + "failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to "
                    + "fetch secret arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-pass-AbCdEf",
            "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "
                    + "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1: failed to do request: Head "
                    + "\"https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/app/manifests/1\": dial tcp "
                    + "10.0.1.23:443: i/o timeout",
            "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 "
                    + "time(s): failed to create Cloudwatch log stream: RequestError: send request failed caused by: "
                    + "Post \"https://logs.us-east-1.amazonaws.com/\": dial tcp 10.0.1.9:443: i/o timeout",
            "Timeout waiting for network interface provisioning to complete.");
    /** Fields of {@code detail} the remediator reads, and some it does not. */
    static final List<String> DETAIL_FIELDS = List.of("taskArn", "clusterArn", "taskDefinitionArn", "lastStatus",
            "desiredStatus", "stopCode", "stoppedReason", "launchType", "capacityProviderName", "platformVersion",
            "platformFamily", "availabilityZone", "group", "startedBy", "enableExecuteCommand", "attachments",
            "containers", "overrides", "version", "createdAt", "stoppedAt", "cpu", "memory");
    static final List<String> ENVELOPE_FIELDS = List.of("version", "id", "detail-type", "source", "account", "time",
            "region", "resources", "detail");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEX = "0123456789abcdef";
    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";

    private HostileEvents() {
    }

    // ------------------------------------------------------------------------------- well formed

    /** A task-stopped event as ECS sends it for a Fargate task that failed to start (unknown to ECS). */
    static Arbitrary<ObjectNode> wellFormed() {
        Arbitrary<String> cluster = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(UnknownTaskAws.KNOWN_CLUSTER)),
                Tuple.of(1, Arbitraries.strings().withChars(NAME_CHARS).ofMinLength(1).ofMaxLength(40)));
        Arbitrary<String> fargate = Arbitraries.of("FARGATE", "FARGATE", "FARGATE_SPOT");
        return Combinators.combine(cluster, hex(32), hex(17), hex(17), Arbitraries.of(START_FAILURE_REASONS),
                        fargate, Arbitraries.of("1.4.0", "LATEST", "1.3.0"), Arbitraries.of("service:web", "family:app"))
                .as((clusterName, taskId, subnet, eni, reason, launch, pv, group) ->
                        event(clusterName, taskId, "subnet-" + subnet, "eni-" + eni, reason, launch, pv, group));
    }

    static ObjectNode event(String clusterName, String taskId, String subnetId, String eniId, String reason,
                            String launch, String platformVersion, String group) {
        String prefix = "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":";
        String taskArn = prefix + "task/" + clusterName + "/" + taskId;
        ObjectNode detail = NODES.objectNode();
        ArrayNode attachments = detail.putArray("attachments");
        ObjectNode eni = attachments.addObject().put("id", "6c1d7a4e-2b7f-4d0e-9c1a-0d2f3e4a5b6c")
                .put("type", "eni").put("status", "DELETED");
        ArrayNode details = eni.putArray("details");
        details.addObject().put("name", "subnetId").put("value", subnetId);
        details.addObject().put("name", "networkInterfaceId").put("value", eniId);
        details.addObject().put("name", "macAddress").put("value", "0a:1b:2c:3d:4e:5f");
        details.addObject().put("name", "privateIPv4Address").put("value", "10.0.1.23");
        detail.put("availabilityZone", REGION + "a");
        detail.put("clusterArn", prefix + "cluster/" + clusterName);
        ObjectNode container = detail.putArray("containers").addObject();
        container.put("containerArn", prefix + "container/" + clusterName + "/" + taskId + "/0f6c3c1e-1d2b-4f5a-8c7d-9e0f1a2b3c4d");
        container.put("lastStatus", "STOPPED").put("name", "app").put("taskArn", taskArn)
                .put("image", ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/app:1");
        detail.put("cpu", "256").put("memory", "512");
        detail.put("createdAt", "2026-01-01T10:00:00.000Z");
        detail.put("desiredStatus", "STOPPED");
        detail.put("enableExecuteCommand", false);
        detail.put("group", group);
        if ("FARGATE".equals(launch)) {
            detail.put("launchType", "FARGATE");
        } else {
            detail.put("capacityProviderName", launch);
        }
        detail.put("lastStatus", "STOPPED");
        detail.putObject("overrides").putArray("containerOverrides").addObject().put("name", "app");
        detail.put("platformVersion", platformVersion);
        detail.put("platformFamily", "Linux");
        detail.put("stopCode", "TaskFailedToStart");
        detail.put("stoppedAt", "2026-01-01T10:00:42.000Z");
        detail.put("stoppedReason", reason);
        detail.put("taskArn", taskArn);
        detail.put("taskDefinitionArn", prefix + "task-definition/app:3");
        detail.put("version", 4);

        ObjectNode event = NODES.objectNode();
        event.put("version", "0");
        event.put("id", "3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b");
        event.put("detail-type", DETAIL_TYPE);
        event.put("source", SOURCE);
        event.put("account", ACCOUNT);
        event.put("time", "2026-01-01T10:00:42Z");
        event.put("region", REGION);
        event.putArray("resources").add(taskArn);
        event.set("detail", detail);
        return event;
    }

    // ------------------------------------------------------------------------------- hostile parts

    /** JSON values of every type but a useful string: numbers, booleans, null, lists, maps, blanks, absence. */
    static Arbitrary<JsonNode> wrongTypes() {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(20), BigInteger.TEN.pow(30)).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of("", " ", "\t\n", "\u2003").map(NODES::textNode));
        Arbitrary<JsonNode> list = scalar.list().ofMaxSize(4).map(HostileEvents::array);
        Arbitrary<JsonNode> map = Arbitraries.maps(Arbitraries.of("name", "value", "type", "x", ""), scalar)
                .ofMaxSize(3).map(HostileEvents::object);
        Arbitrary<JsonNode> stringInAList = Arbitraries.of("STOPPED", "FARGATE", "TaskFailedToStart", "aws.ecs")
                .map(s -> (JsonNode) NODES.arrayNode().add(s));
        return Arbitraries.frequencyOf(Tuple.of(6, scalar), Tuple.of(2, list), Tuple.of(2, map),
                Tuple.of(1, stringInAList), Tuple.of(1, Arbitraries.just(ABSENT)));
    }

    /** {@code attachments} as nobody should send them: not a list, lists of garbage, ENIs with broken details. */
    static Arbitrary<JsonNode> garbageAttachments() {
        Arbitrary<JsonNode> garbageDetail = Arbitraries.oneOf(
                wrongTypes(),
                Arbitraries.just(NODES.objectNode()),
                Arbitraries.just(NODES.objectNode().put("value", "subnet-0a1b2c3d")),
                Arbitraries.just(NODES.objectNode().put("name", "subnetId")),
                wrongTypes().map(v -> (JsonNode) NODES.objectNode().put("name", "subnetId").set("value", v)),
                wrongTypes().map(v -> (JsonNode) NODES.objectNode().put("value", "subnet-0a1b2c3d").set("name", v)));
        Arbitrary<JsonNode> details = Arbitraries.oneOf(wrongTypes(),
                garbageDetail.list().ofMaxSize(4).map(HostileEvents::array));
        Arbitrary<JsonNode> type = Arbitraries.oneOf(wrongTypes(),
                Arbitraries.of("eni", "ENI", "ElasticNetworkInterface", "eni ", "Service Connect", "elastic network interface")
                        .map(s -> (JsonNode) NODES.textNode(s)));
        Arbitrary<JsonNode> attachment = Combinators.combine(type, details)
                .as((t, d) -> (JsonNode) object(Map.of("type", t, "details", d)));
        return Arbitraries.oneOf(
                wrongTypes(),
                Arbitraries.of("eni", "[]", "{\"type\":\"eni\"}").map(s -> (JsonNode) NODES.textNode(s)),
                Arbitraries.oneOf(wrongTypes(), attachment).list().ofMaxSize(5).map(HostileEvents::array));
    }

    /** Strings made of any UTF-16 units: controls, lone surrogates, line and paragraph separators, RTL marks. */
    static Arbitrary<String> anyUnicode() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars("\u007f\u0085\u2028\u2029\u202e\ufeff\ud800\udfff")
                        .ofMinLength(1).ofMaxLength(20));
    }

    /** Strings that almost say the right thing. */
    static Arbitrary<String> nearMisses(String right) {
        return Arbitraries.of(right + " ", " " + right, right.toUpperCase(), right.toLowerCase(), right + "\u0000",
                right.replace('a', '\u0430'), right + "\u200b", right.substring(0, right.length() - 1), "")
                .filter(s -> !s.equals(right));
    }

    // ------------------------------------------------------------------------------- helpers

    static Arbitrary<String> hex(int length) {
        return Arbitraries.strings().withChars(HEX).ofLength(length);
    }

    /** Sets (or, for {@link #ABSENT}, removes) a field of an object node. */
    static ObjectNode with(ObjectNode node, String field, JsonNode value) {
        if (value.isMissingNode()) {
            node.remove(field);
        } else {
            node.set(field, value);
        }
        return node;
    }

    static ObjectNode detail(ObjectNode event) {
        return (ObjectNode) event.get("detail");
    }

    static ArrayNode array(List<? extends JsonNode> items) {
        ArrayNode array = NODES.arrayNode();
        items.stream().filter(item -> !item.isMissingNode()).forEach(array::add);
        return array;
    }

    static ObjectNode object(Map<String, ? extends JsonNode> fields) {
        ObjectNode object = NODES.objectNode();
        fields.forEach((key, value) -> with(object, key, value));
        return object;
    }

    /** The event as compact JSON text. */
    static String text(JsonNode event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event as the pretty-printed JSON a person or {@code sam local invoke -e} would give. */
    static String prettyText(JsonNode event) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The event as a reader that stopped after {@code leaves} values would see it, the value it
     * stopped in cut to {@code cut} characters, and every container it had opened closed: a JSON
     * document that deserialises, with every field after the cut missing.
     */
    static ObjectNode prefix(ObjectNode event, int leaves, int cut) {
        int[] budget = {leaves};
        return (ObjectNode) prefixOf(event, budget, cut);
    }

    private static JsonNode prefixOf(JsonNode node, int[] budget, int cut) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext() && budget[0] >= 0; ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), prefixOf(field.getValue(), budget, cut));
            }
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext() && budget[0] >= 0; ) {
                items.add(prefixOf(it.next(), budget, cut));
            }
            return array(items);
        }
        budget[0]--;
        if (budget[0] >= 0) {
            return node;
        }
        // The value the reader stopped in: a string is cut short, anything else is lost.
        return node.isTextual() ? NODES.textNode(node.asText().substring(0, Math.min(cut, node.asText().length())))
                : NODES.nullNode();
    }
}
