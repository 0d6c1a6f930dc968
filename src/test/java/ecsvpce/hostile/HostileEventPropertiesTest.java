package ecsvpce.hostile;

import static ecsvpce.hostile.HostileEvents.ABSENT;
import static ecsvpce.hostile.HostileEvents.detail;
import static ecsvpce.hostile.HostileEvents.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecsvpce.report.Mode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 5, "never do harm", for hostile and broken input: whatever payload Lambda hands the
 * task-stopped handler, it throws nothing, makes no write call, and returns (and logs, as one JSON
 * line) a SKIPPED report whose summary names a rule the payload really breaks. Events that pass every
 * rule reach ECS, which here ({@link UnknownTaskAws}) knows none of their tasks: the only call is
 * {@code ecs:DescribeTasks}, and the report says ECS does not know the task.
 *
 * <p>Issue 11: the handler reads the payload's bytes itself, so every payload reaches it, as Lambda
 * delivers it: JSON of any shape (a top-level {@code true}, number, string or array; a {@code detail}
 * that is no object; a {@code time} or {@code id} of any type; duplicate keys; nesting hundreds deep)
 * and what is no JSON at all (a document cut short). Each gets a report that says why it was
 * skipped; none fails the invocation, which Lambda would retry and then park as a failure.
 */
class HostileEventPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> OTHER_ENVELOPE_FIELDS = List.of("version", "id", "account", "region", "resources");
    private static final List<String> STRING_FIELDS = List.of("source", "detail-type", "account", "region", "id",
            "taskArn", "clusterArn", "lastStatus", "stopCode", "stoppedReason", "launchType", "capacityProviderName",
            "platformVersion", "availabilityZone", "group", "subnetId");

    private final OfflineFunction remediate = new OfflineFunction(Mode.REMEDIATE);

    // ---------------------------------------------------------------------------------- envelope

    @Property(tries = 250)
    void envelopesOfAnyShapeAreSkippedWithTheirReason(@ForAll("hostileEnvelopes") ObjectNode event) {
        handled(HostileEvents.text(event));

        Statistics.label("skipped because").coverage(c -> {
            c.check(SkipRule.NOT_A_TASK_STATE_CHANGE).count(n -> n >= 10);
            c.check(SkipRule.NO_DETAIL).count(n -> n >= 1);
            c.check(SkipRule.UNKNOWN_TO_ECS).count(n -> n >= 10);
        });
    }

    @Provide
    Arbitrary<ObjectNode> hostileEnvelopes() {
        Arbitrary<JsonNode> detail = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(ABSENT)),
                Tuple.of(2, Arbitraries.just(NODES.nullNode())),
                Tuple.of(2, Arbitraries.just(NODES.objectNode())),
                Tuple.of(1, HostileEvents.wrongTypes()),
                Tuple.of(1, Arbitraries.maps(HostileEvents.anyUnicode(), HostileEvents.wrongTypes()).ofMaxSize(4)
                        .map(HostileEvents::object)));
        Arbitrary<List<JsonNode>> others = HostileEvents.wrongTypes().injectNull(0.9)
                .list().ofSize(OTHER_ENVELOPE_FIELDS.size());
        return Combinators.combine(HostileEvents.wellFormed(), envelopeText(HostileEvents.SOURCE),
                        envelopeText(HostileEvents.DETAIL_TYPE), detail.injectNull(0.5), others,
                        HostileEvents.wrongTypes().injectNull(0.9))
                .as((event, source, detailType, newDetail, otherValues, time) -> {
                    with(event, "source", source);
                    with(event, "detail-type", detailType);
                    if (newDetail != null) {
                        with(event, "detail", newDetail);
                    }
                    for (int i = 0; i < OTHER_ENVELOPE_FIELDS.size(); i++) {
                        if (otherValues.get(i) != null) {
                            with(event, OTHER_ENVELOPE_FIELDS.get(i), otherValues.get(i));
                        }
                    }
                    if (time != null) {
                        with(event, "time", time);
                    }
                    return event;
                });
    }

    private static Arbitrary<JsonNode> envelopeText(String right) {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(NODES.textNode(right))),
                Tuple.of(2, HostileEvents.nearMisses(right).map(NODES::textNode)),
                Tuple.of(1, HostileEvents.anyUnicode().map(NODES::textNode)),
                Tuple.of(2, HostileEvents.wrongTypes()),
                Tuple.of(1, Arbitraries.just(NODES.arrayNode().add(right))));
    }

    // ---------------------------------------------------------------------------------- detail

    @Property(tries = 300)
    void detailFieldsOfWrongTypesCountAsMissing(@ForAll("typeConfusedDetails") ObjectNode event) {
        handled(HostileEvents.text(event));

        Statistics.label("skipped because").coverage(c -> {
            for (SkipRule rule : List.of(SkipRule.NO_TASK_OR_CLUSTER, SkipRule.NOT_STOPPED, SkipRule.NOT_FARGATE,
                    SkipRule.NO_SUBNET, SkipRule.UNKNOWN_TO_ECS)) {
                c.check(rule).count(n -> n >= 2);
            }
        });
    }

    @Provide
    Arbitrary<ObjectNode> typeConfusedDetails() {
        return HostileEvents.wellFormed().flatMap(event -> Arbitraries.of(HostileEvents.DETAIL_FIELDS).set()
                .ofMinSize(1).ofMaxSize(4)
                .flatMap(fields -> Combinators.combine(fields.stream().map(HostileEventPropertiesTest::garbageFor)
                                .toList())
                        .as(values -> {
                            ObjectNode copy = event.deepCopy();
                            List<String> names = new ArrayList<>(fields);
                            for (int i = 0; i < names.size(); i++) {
                                with(detail(copy), names.get(i), values.get(i));
                            }
                            return copy;
                        })));
    }

    private static Arbitrary<JsonNode> garbageFor(String field) {
        if ("attachments".equals(field)) {
            return HostileEvents.garbageAttachments();
        }
        return Arbitraries.frequencyOf(Tuple.of(4, HostileEvents.wrongTypes()),
                Tuple.of(1, HostileEvents.anyUnicode().map(NODES::textNode)));
    }

    // ---------------------------------------------------------------------------------- truncation

    @Property(tries = 100)
    void truncatedDocumentsAreSkippedAsNoJson(@ForAll("wellFormed") ObjectNode event, @ForAll boolean pretty,
                                              @ForAll @DoubleRange(max = 1, maxIncluded = false) double at) {
        String json = pretty ? HostileEvents.prettyText(event) : HostileEvents.text(event);
        String truncated = json.substring(0, 1 + (int) (at * (json.lastIndexOf('}') - 1)));

        Invocation run = handled(truncated);

        assertThat(SkipRule.namedBy(run.summary())).contains(SkipRule.UNREADABLE);
        assertThat(run.summary()).startsWith("skipped: the payload is not valid JSON: ");
    }

    @Property(tries = 200)
    void partialDocumentsThatDeserialiseAreSkipped(@ForAll("partialEvents") ObjectNode event) {
        handled(HostileEvents.text(event));

        Statistics.label("skipped because").coverage(c -> {
            c.check(SkipRule.NOT_A_TASK_STATE_CHANGE).count(n -> n >= 5);
            c.check(SkipRule.NO_DETAIL).count(n -> n >= 1);
            c.check(SkipRule.NO_TASK_OR_CLUSTER).count(n -> n >= 5);
            c.check(SkipRule.UNKNOWN_TO_ECS).count(n -> n >= 3);
        });
    }

    @Provide
    Arbitrary<ObjectNode> partialEvents() {
        return Combinators.combine(HostileEvents.wellFormed(), Arbitraries.integers().between(0, 60),
                        Arbitraries.integers().between(0, 80))
                .as(HostileEvents::prefix);
    }

    @Provide
    Arbitrary<ObjectNode> wellFormed() {
        return HostileEvents.wellFormed();
    }

    // ---------------------------------------------------------------------------------- unicode

    @Property(tries = 200)
    void unicodeAndControlCharactersInAnyTextField(@ForAll("unicodeEvents") ObjectNode event) {
        handled(HostileEvents.text(event));
    }

    @Provide
    Arbitrary<ObjectNode> unicodeEvents() {
        return HostileEvents.wellFormed().flatMap(event -> Arbitraries.of(STRING_FIELDS).set().ofMinSize(1).ofMaxSize(3)
                .flatMap(fields -> Combinators.combine(HostileEvents.anyUnicode().list().ofSize(fields.size()),
                                Arbitraries.of(true, false).list().ofSize(fields.size()))
                        .as((texts, appends) -> {
                            ObjectNode copy = event.deepCopy();
                            List<String> names = new ArrayList<>(fields);
                            for (int i = 0; i < names.size(); i++) {
                                setText(copy, names.get(i), texts.get(i), appends.get(i));
                            }
                            return copy;
                        })));
    }

    /** Replaces a text field of the envelope, the detail or the ENI's subnetId, or appends to it. */
    static void setText(ObjectNode event, String field, String text, boolean append) {
        ObjectNode owner = HostileEvents.ENVELOPE_FIELDS.contains(field) ? event : detail(event);
        String name = field;
        if ("subnetId".equals(field)) {
            owner = (ObjectNode) detail(event).path("attachments").path(0).path("details").path(0);
            name = "value";
        }
        String old = owner.path(name).asText("");
        owner.put(name, append ? old + text : text);
    }

    // ---------------------------------------------------------------------------------- ARNs

    @Property(tries = 200)
    void arnsThatLookRightButNameNoTaskEcsKnowsAreSkippedAfterOneRead(@ForAll("unknownTasks") ObjectNode event) {
        Invocation run = handled(HostileEvents.text(event));

        assertThat(run.calls()).containsExactly("ecs:DescribeTasks");
        String taskArn = detail(event).path("taskArn").asText();
        String cluster = detail(event).path("clusterArn").asText();
        Statistics.label("ECS answers").collect(!cluster.endsWith("/" + UnknownTaskAws.KNOWN_CLUSTER) ? "ClusterNotFound"
                : taskArn.substring(taskArn.lastIndexOf('/') + 1).length() > 36 ? "InvalidParameter" : "MISSING");
        Statistics.label("ECS answers").coverage(c -> {
            c.check("ClusterNotFound").count(n -> n >= 3);
            c.check("InvalidParameter").count(n -> n >= 3);
            c.check("MISSING").count(n -> n >= 3);
        });
    }

    @Provide
    Arbitrary<ObjectNode> unknownTasks() {
        Arbitrary<String> partition = Arbitraries.of("aws", "aws", "aws-cn", "aws-us-gov");
        Arbitrary<String> region = Arbitraries.of("us-east-1", "us-east-1", "eu-west-1", "ap-southeast-4", "cn-north-1");
        Arbitrary<String> account = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(HostileEvents.ACCOUNT)),
                Tuple.of(1, Arbitraries.strings().numeric().ofLength(12)));
        Arbitrary<String> cluster = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(UnknownTaskAws.KNOWN_CLUSTER)),
                Tuple.of(1, Arbitraries.strings().withChars("abcxyzABC019-_").ofMinLength(1).ofMaxLength(255)));
        Arbitrary<String> taskId = Arbitraries.oneOf(
                HostileEvents.hex(32),
                Combinators.combine(HostileEvents.hex(8), HostileEvents.hex(4), HostileEvents.hex(4), HostileEvents.hex(4),
                        HostileEvents.hex(12)).as((a, b, c, d, e) -> a + "-" + b + "-" + c + "-" + d + "-" + e),
                Arbitraries.strings().withChars("abcdef0123456789-_XYZ").ofMinLength(1).ofMaxLength(36),
                Arbitraries.strings().withChars("abcdef0123456789").ofMinLength(37).ofMaxLength(255));
        return Combinators.combine(HostileEvents.wellFormed(), partition, region, account, cluster, taskId,
                        Arbitraries.of(true, false))
                .as((event, p, r, a, c, id, oldFormat) -> {
                    String prefix = "arn:" + p + ":ecs:" + r + ":" + a + ":";
                    String taskArn = prefix + "task/" + (oldFormat ? "" : c + "/") + id;
                    detail(event).put("taskArn", taskArn).put("clusterArn", prefix + "cluster/" + c);
                    event.putArray("resources").add(taskArn);
                    return event;
                });
    }

    // ---------------------------------------------------------------------------------- checks

    /** Runs the payload through the handler and checks everything issues 5 and 11 ask of it. */
    private Invocation handled(String payload) {
        Invocation run = remediate.invoke(payload);
        SkipRule rule = assertSkippedSafely(run);
        Statistics.label("skipped because").collect(rule);
        return run;
    }

    /** The three promises and the one JSON log line; returns the rule the report names. */
    static SkipRule assertSkippedSafely(Invocation run) {
        if (run.thrown() != null) {
            throw new AssertionError("the handler threw", run.thrown());
        }
        assertThat(run.writes()).as("write calls").isEmpty();
        assertThat(run.outcome()).as("outcome").isEqualTo("SKIPPED");
        SkipRule named = SkipRule.namedBy(run.summary()).orElseThrow(() ->
                new AssertionError("the summary names no reason to skip: " + abbreviated(run.summary())));
        Set<SkipRule> broken = SkipRule.brokenBy(run.payload());
        assertThat(broken).as("rules the event breaks (the summary says: %s)", abbreviated(run.summary()))
                .contains(named);
        if (named == SkipRule.UNKNOWN_TO_ECS) {
            assertThat(run.calls()).as("AWS calls").containsExactly("ecs:DescribeTasks");
        } else {
            assertThat(run.calls()).as("AWS calls").isEmpty();
        }
        assertThat(run.reportLines()).as("lines logged").hasSize(1);
        JsonNode logged = parse(run.reportLines().get(0));
        assertThat(logged.path("outcome").asText()).isEqualTo("SKIPPED");
        assertThat(logged.path("summary").asText()).startsWith("skipped: " + named.reasonStart);
        return named;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("the log line is no JSON: " + abbreviated(json), e);
        }
    }

    static String abbreviated(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " chars)";
    }
}
