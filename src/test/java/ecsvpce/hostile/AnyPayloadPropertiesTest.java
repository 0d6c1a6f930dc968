package ecsvpce.hostile;

import static ecsvpce.hostile.HostileEvents.detail;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecsvpce.report.Mode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 11: every payload Lambda can deliver gets a report, the JSON shapes the Lambda runtime's
 * event mapping used to refuse before the handler ran (so the invocation failed, was retried twice
 * and parked as a failure) included: any JSON value at the top, a {@code detail} that is no object,
 * duplicate keys, nesting hundreds deep. Each is skipped without a throw or a write, with the reason
 * {@link SkipRule#brokenBy} gives for it.
 */
class AnyPayloadPropertiesTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OfflineFunction remediate = new OfflineFunction(Mode.REMEDIATE);

    @Property(tries = 150)
    void anyJsonValueAtTheTopIsSkippedAsNoEvent(@ForAll("topLevelValues") JsonNode value) {
        SkipRule rule = handled(HostileEvents.text(value));

        Statistics.label("skipped because").collect(rule);
        Statistics.label("skipped because").coverage(c -> {
            c.check(SkipRule.NOT_A_TASK_STATE_CHANGE).percentage(p -> p >= 70);
            c.check(SkipRule.EMPTY_EVENT).count(n -> n >= 1);
        });
    }

    @Provide
    Arbitrary<JsonNode> topLevelValues() {
        // A top-level null is drawn on its own too: among the wrong types alone it came up too rarely
        // for the coverage check above to hold in every run.
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(NODES.nullNode())),
                Tuple.of(6, HostileEvents.wrongTypes().filter(node -> !node.isMissingNode())),
                Tuple.of(2, HostileEvents.anyUnicode().map(NODES::textNode)),
                Tuple.of(1, HostileEvents.wellFormed().map(event -> (JsonNode) NODES.arrayNode().add(event))));
    }

    @Property(tries = 100)
    void aDetailThatIsNoObjectIsSkippedAsNoDetail(@ForAll("wellFormed") ObjectNode event,
                                                  @ForAll("notObjects") JsonNode detail) {
        event.set("detail", detail);

        assertThat(handled(HostileEvents.text(event))).isEqualTo(SkipRule.NO_DETAIL);
    }

    @Provide
    Arbitrary<JsonNode> notObjects() {
        return Arbitraries.oneOf(HostileEvents.wrongTypes().filter(node -> !node.isMissingNode() && !node.isObject()),
                HostileEvents.anyUnicode().map(NODES::textNode));
    }

    /** JSON keeps the last of duplicate keys; so does the handler, and what it reports says so. */
    @Property(tries = 150)
    void duplicateKeysAreReadAsTheLastOneSays(@ForAll("wellFormed") ObjectNode event,
                                              @ForAll("duplicates") Tuple.Tuple3<Boolean, String, JsonNode> duplicate,
                                              @ForAll boolean first) {
        boolean inDetail = duplicate.get1();
        String text = HostileEvents.text(event);
        String field = HostileEvents.text(NODES.textNode(duplicate.get2())) + ":" + HostileEvents.text(duplicate.get3());
        // The envelope's detail is its last field, so the detail object ends just before the last '}'.
        int open = inDetail ? text.indexOf("\"detail\":{") + "\"detail\":{".length() : 1;
        int close = inDetail ? text.lastIndexOf('}', text.length() - 2) : text.length() - 1;
        String payload = first ? text.substring(0, open) + field + "," + text.substring(open)
                : text.substring(0, close) + "," + field + text.substring(close);

        SkipRule rule = handled(payload);

        Statistics.label("skipped because").collect(rule);
        Statistics.label("skipped because").coverage(c -> {
            c.check(SkipRule.UNKNOWN_TO_ECS).count(n -> n >= 10);
            c.check(SkipRule.NOT_A_TASK_STATE_CHANGE).count(n -> n >= 5);
        });
    }

    @Provide
    Arbitrary<Tuple.Tuple3<Boolean, String, JsonNode>> duplicates() {
        Arbitrary<Tuple.Tuple3<Boolean, String, JsonNode>> envelope = Combinators.combine(
                Arbitraries.of("source", "detail-type", "account", "time", "id", "detail"),
                Arbitraries.oneOf(HostileEvents.wrongTypes().filter(node -> !node.isMissingNode()),
                        Arbitraries.of("aws.ecs", "ECS Task State Change", "aws.events").map(NODES::textNode)))
                .as((name, value) -> Tuple.of(false, name, value));
        Arbitrary<Tuple.Tuple3<Boolean, String, JsonNode>> detail = Combinators.combine(
                Arbitraries.of("taskArn", "clusterArn", "lastStatus", "launchType", "stoppedReason", "attachments"),
                Arbitraries.oneOf(HostileEvents.wrongTypes().filter(node -> !node.isMissingNode()),
                        Arbitraries.of("STOPPED", "RUNNING", "FARGATE", "EC2").map(NODES::textNode)))
                .as((name, value) -> Tuple.of(true, name, value));
        return Arbitraries.oneOf(envelope, detail);
    }

    /** Nesting beyond what any event holds is skipped unread; below it, the event is judged as usual. */
    @Property(tries = 60)
    void nestingOfAnyDepthGetsAReport(@ForAll("wellFormed") ObjectNode event, @ForAll("depths") int depth,
                                      @ForAll boolean arrays) {
        JsonNode deep = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            deep = arrays ? NODES.arrayNode().add(deep) : NODES.objectNode().set("d", deep);
        }
        detail(event).set("deep", deep);

        SkipRule rule = handled(HostileEvents.text(event));

        assertThat(rule).isEqualTo(depth + 2 > SkipRule.MAX_DEPTH ? SkipRule.UNREADABLE : SkipRule.UNKNOWN_TO_ECS);
        Statistics.label("skipped because").collect(rule);
        Statistics.label("skipped because").coverage(c -> {
            c.check(SkipRule.UNREADABLE).count(n -> n >= 10);
            c.check(SkipRule.UNKNOWN_TO_ECS).count(n -> n >= 10);
        });
    }

    /** As many depths under the limit as over it (jqwik's default leans to small numbers). */
    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, SkipRule.MAX_DEPTH - 2).withDistribution(RandomDistribution.uniform()),
                Arbitraries.integers().between(SkipRule.MAX_DEPTH - 1, 200).withDistribution(RandomDistribution.uniform()));
    }

    @Provide
    Arbitrary<ObjectNode> wellFormed() {
        return HostileEvents.wellFormed();
    }

    private SkipRule handled(String payload) {
        return HostileEventPropertiesTest.assertSkippedSafely(remediate.invoke(payload));
    }
}
