package ecsvpce.hostile;

import static ecsvpce.hostile.HostileEvents.detail;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecsvpce.report.Mode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 5 with oversized input: huge strings in any field, ten thousand attachments, fifty thousand
 * unknown keys, deep nesting, a payload larger than Lambda delivers. Each is skipped with its reason,
 * without a throw or a write, and, like every other event, reaches AWS only when it passes every
 * rule. Its report, however much of the event it quotes, is logged as one line that CloudWatch Logs
 * keeps whole (under 256 KB).
 */
class OversizedEventsTest {
    private static final int KB = 1024;
    private static final List<String> FIELDS = List.of("source", "detail-type", "taskArn", "clusterArn", "lastStatus",
            "launchType", "stoppedReason", "platformVersion", "availabilityZone", "group", "subnetId");

    private final OfflineFunction remediate = new OfflineFunction(Mode.REMEDIATE);

    @Property(tries = 22)
    void aHugeStringInAnyFieldIsSkippedWithItsReason(@ForAll("wellFormed") ObjectNode event,
                                                     @ForAll("fields") String field, @ForAll boolean append,
                                                     @ForAll @IntRange(min = 100 * KB, max = 300 * KB) int size) {
        HostileEventPropertiesTest.setText(event, field, filler(size), append);

        run(event);
    }

    @Example
    void aStopReasonOf300KbThatSaysTheTaskFailedToStartReachesEcsOnce() {
        ObjectNode event = event();
        detail(event).put("stoppedReason", "CannotPullContainerError: " + filler(300 * KB));

        Invocation run = run(event);

        assertThat(SkipRule.namedBy(run.summary())).contains(SkipRule.UNKNOWN_TO_ECS);
    }

    @Example
    void aStopReasonOf300KbOfAnythingElseIsQuotedShort() {
        ObjectNode event = event();
        detail(event).put("stopCode", "EssentialContainerExited").put("stoppedReason", filler(300 * KB));

        Invocation run = run(event);

        assertThat(SkipRule.namedBy(run.summary())).contains(SkipRule.NOT_A_START_FAILURE);
        assertThat(run.summary()).hasSizeLessThan(400);
    }

    @Example
    void tenThousandAttachmentsWithTheEniLast() {
        ObjectNode event = event();
        ArrayNode attachments = detail(event).putArray("attachments");
        ObjectNode eni = ((ObjectNode) event().path("detail").path("attachments").path(0)).deepCopy();
        for (int i = 0; i < 9_999; i++) {
            ObjectNode junk = attachments.addObject().put("id", "junk-" + i).put("type", i % 2 == 0 ? "eni" : "Service Connect");
            junk.putArray("details").addObject().put("name", "privateIPv4Address").put("value", "10.0.0." + (i % 250));
        }
        attachments.add(eni);

        Invocation run = run(event);

        assertThat(SkipRule.namedBy(run.summary())).contains(SkipRule.UNKNOWN_TO_ECS);
    }

    @Example
    void tenThousandAttachmentsOfGarbage() {
        ObjectNode event = event();
        ArrayNode attachments = detail(event).putArray("attachments");
        for (int i = 0; i < 10_000; i++) {
            switch (i % 4) {
                case 0 -> attachments.add(i);
                case 1 -> attachments.add("eni");
                case 2 -> attachments.addObject().put("type", "eni").put("details", "subnetId=subnet-1");
                default -> attachments.addObject().put("type", "eni").putArray("details").addObject().put("name", "subnetId");
            }
        }

        Invocation run = run(event);

        assertThat(SkipRule.namedBy(run.summary())).contains(SkipRule.NO_SUBNET);
    }

    @Example
    void fiftyThousandUnknownKeysAndNestingAsDeepAsAnEventMay() {
        ObjectNode event = event();
        ObjectNode extra = detail(event).putObject("unknown");
        for (int i = 0; i < 50_000; i++) {
            extra.put("key" + i, i);
        }
        nest(detail(event).putObject("deep"), SkipRule.MAX_DEPTH - 3);

        Invocation run = run(event);

        assertThat(SkipRule.namedBy(run.summary())).contains(SkipRule.UNKNOWN_TO_ECS);
    }

    @Example
    void nestingDeeperThanAnEventMayIsSkippedUnread() {
        ObjectNode event = event();
        nest(detail(event).putObject("deep"), 500);

        Invocation run = run(event);

        assertThat(SkipRule.namedBy(run.summary())).contains(SkipRule.UNREADABLE);
        assertThat(run.summary()).contains("nesting depth");
    }

    @Example
    void aPayloadLargerThanLambdaDeliversIsSkippedUnread() {
        ObjectNode event = event();
        detail(event).put("stoppedReason", "CannotPullContainerError: " + filler(SkipRule.MAX_BYTES));

        Invocation run = run(event);

        assertThat(SkipRule.namedBy(run.summary())).contains(SkipRule.UNREADABLE);
        assertThat(run.summary()).contains("larger than");
    }

    private static void nest(ObjectNode top, int levels) {
        ObjectNode deep = top;
        for (int i = 0; i < levels; i++) {
            deep = deep.putObject("d");
        }
    }

    @Provide
    Arbitrary<ObjectNode> wellFormed() {
        return HostileEvents.wellFormed();
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of(FIELDS);
    }

    @Example
    void aHugeTextQuotedInTheReportIsCut() {
        ObjectNode event = event();
        event.put("source", "aws.ecs " + filler(300 * KB));

        Invocation run = run(event);

        assertThat(run.summary()).hasSizeLessThan(2_200).endsWith(" more characters)");
    }

    /** Also: the report stays one CloudWatch Logs event, whose limit is 256 KB. */
    private Invocation run(ObjectNode event) {
        Invocation run = remediate.invoke(HostileEvents.text(event));
        HostileEventPropertiesTest.assertSkippedSafely(run);
        assertThat(run.stdout().getBytes(StandardCharsets.UTF_8).length).as("bytes logged").isLessThan(256 * KB);
        return run;
    }

    private static ObjectNode event() {
        return HostileEvents.event(UnknownTaskAws.KNOWN_CLUSTER, "0123456789abcdef0123456789abcdef", "subnet-0a1b2c3d4e5f6a7b8",
                "eni-0a1b2c3d4e5f6a7b8", HostileEvents.START_FAILURE_REASONS.get(0), "FARGATE", "1.4.0", "service:web");
    }

    /** Text of this length that names nothing: letters, digits, spaces. */
    private static String filler(int length) {
        StringBuilder text = new StringBuilder(length);
        String unit = "lorem ipsum 0123456789 ";
        while (text.length() < length) {
            text.append(unit);
        }
        return text.substring(0, length);
    }
}
