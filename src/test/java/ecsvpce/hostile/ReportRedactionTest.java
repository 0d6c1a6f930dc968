package ecsvpce.hostile;

import static ecsvpce.hostile.HostileEvents.detail;
import static ecsvpce.hostile.RedactionRulesTest.OWN;
import static ecsvpce.hostile.RedactionRulesTest.presignedV4;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecsvpce.report.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 5, secrets in logs, for every text of an event that a report can quote: the one JSON line
 * the handler logs and the map it returns carry no presigned URL credential and no account id but
 * the event's own (its envelope's {@code account} and its task ARN's), and they are the same.
 */
class ReportRedactionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNATURE = RedactionRulesTest.SIGNATURE;
    private static final String TOKEN = RedactionRulesTest.TOKEN;
    private static final String ACCESS_KEY = RedactionRulesTest.ACCESS_KEY;
    /** Every text field of an event but the envelope's account, which names the event's own account. */
    private static final List<String> LEAKY_FIELDS = List.of("source", "detail-type", "region", "id", "taskArn",
            "clusterArn", "taskDefinitionArn", "lastStatus", "stopCode", "stoppedReason", "launchType",
            "capacityProviderName", "platformVersion", "availabilityZone", "group", "subnetId");

    private final OfflineFunction remediate = new OfflineFunction(Mode.REMEDIATE);

    @Property(tries = 300)
    void noCredentialAndNoOtherAccountReachesTheLogOrTheReturnedReport(@ForAll("leakyEvents") LeakyEvent leaky) {
        Invocation run = remediate.invoke(HostileEvents.text(leaky.event()));

        assertThat(run.thrown()).isNull();
        assertThat(run.reportLines()).hasSize(1);
        String logged = run.reportLines().get(0);
        String returned = HostileEvents.text(JSON.valueToTree(run.report()));
        for (String secret : leaky.secrets()) {
            assertThat(logged).as("the log line").doesNotContain(secret);
            assertThat(returned).as("the returned report").doesNotContain(secret);
        }
        assertThat(parse(logged)).as("the log line is the returned report").isEqualTo(parse(returned));
        Statistics.label("skipped because").collect(SkipRule.namedBy(run.summary()).orElse(null));
        Statistics.label("the report quotes a leak").collect(logged.contains("REDACTED") || logged.contains("<other-account>"));
        Statistics.label("the report quotes a leak").coverage(c -> c.check(true).percentage(p -> p >= 40));
    }

    /** An event with presigned URLs and another account's ids in some of its text fields. */
    record LeakyEvent(ObjectNode event, List<String> fields, List<String> secrets) {
        @Override
        public String toString() {
            return "leaks in " + fields + ": " + HostileEvents.text(event);
        }
    }

    @Provide
    Arbitrary<LeakyEvent> leakyEvents() {
        Arbitrary<String> credential = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdef")
                .ofLength(24);
        Arbitrary<String> otherAccount = Arbitraries.strings().numeric().ofLength(12);
        return HostileEvents.wellFormed().flatMap(event -> Arbitraries.of(LEAKY_FIELDS).set().ofMinSize(1).ofMaxSize(3)
                .flatMap(fields -> Combinators.combine(credential, credential, credential,
                                // another account: one the event does not already show in some other way
                                otherAccount.filter(a -> !HostileEvents.text(event).contains(a)),
                                Arbitraries.of(true, false).list().ofSize(fields.size()))
                        .as((key, token, signature, other, appends) -> {
                            ObjectNode copy = event.deepCopy();
                            String leak = " see " + presignedV4(key, token, signature) + " pulling " + other
                                    + ".dkr.ecr.us-east-1.amazonaws.com/app:1 as arn:aws:iam::" + other + ":role/x";
                            List<String> names = new ArrayList<>(fields);
                            for (int i = 0; i < names.size(); i++) {
                                HostileEventPropertiesTest.setText(copy, names.get(i), leak, appends.get(i));
                            }
                            return new LeakyEvent(copy, names, List.of(key, token, signature, other));
                        })));
    }

    @Example
    void aSkipSummaryThatQuotesTheSourceIsRedacted() {
        ObjectNode event = event();
        event.put("source", "aws.ecs?X-Amz-Signature=" + SIGNATURE);

        Invocation run = remediate.invoke(HostileEvents.text(event));

        assertThat(run.summary()).startsWith("skipped: not an ECS Task State Change event (source aws.ecs?X-Amz-Signature=REDACTED");
        assertThat(run.stdout()).doesNotContain(SIGNATURE).contains("X-Amz-Signature=REDACTED");
    }

    @Example
    void aTaskSummaryFieldFromTheEventIsRedacted() {
        ObjectNode event = event();
        detail(event).put("availabilityZone", "us-east-1a " + presignedV4(ACCESS_KEY, TOKEN, SIGNATURE));

        Invocation run = remediate.invoke(HostileEvents.text(event));

        assertThat(SkipRule.namedBy(run.summary())).contains(SkipRule.UNKNOWN_TO_ECS);
        assertThat(task(run.report()).get("availabilityZone")).asString().startsWith("us-east-1a https://")
                .doesNotContain(ACCESS_KEY, TOKEN, SIGNATURE);
        assertThat(run.stdout()).doesNotContain(ACCESS_KEY, TOKEN, SIGNATURE);
    }

    @Example
    void anotherAccountQuotedFromTheEventIsMaskedAndTheOwnOneStays() {
        ObjectNode event = event();
        detail(event).put("lastStatus", "STOPPED by arn:aws:iam::999988887777:role/admin");

        Invocation run = remediate.invoke(HostileEvents.text(event));

        assertThat(run.summary()).isEqualTo("skipped: task is STOPPED by arn:aws:iam::<other-account>:role/admin, not STOPPED");
        assertThat(run.stdout()).doesNotContain("999988887777")
                .contains("\"taskArn\":\"arn:aws:ecs:us-east-1:" + OWN + ":task/orders-prod/");
    }

    @Example
    void theEnvelopesAccountAndTheTaskArnsAccountAreBothOwn() {
        ObjectNode event = event();
        event.put("account", "111122223333");
        detail(event).put("lastStatus", "PENDING for 111122223333 and 444455556666");

        Invocation run = remediate.invoke(HostileEvents.text(event));

        assertThat(run.summary()).isEqualTo("skipped: task is PENDING for 111122223333 and <other-account>, not STOPPED");
        assertThat(task(run.report()).get("taskArn")).asString().contains(":" + OWN + ":task/");
        assertThat(run.stdout()).contains("111122223333", OWN).doesNotContain("444455556666");
    }

    private static ObjectNode event() {
        return HostileEvents.event(UnknownTaskAws.KNOWN_CLUSTER, "0123456789abcdef0123456789abcdef", "subnet-0a1b2c3d4e5f6a7b8",
                "eni-0a1b2c3d4e5f6a7b8", HostileEvents.START_FAILURE_REASONS.get(0), "FARGATE", "1.4.0", "service:web");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> task(Map<String, Object> report) {
        return (Map<String, Object>) report.get("task");
    }

    private static JsonNode parse(String json) {
        return HostileEventPropertiesTest.parse(json);
    }
}
