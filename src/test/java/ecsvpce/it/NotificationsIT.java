package ecsvpce.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ecsvpce.app.DispatchSettings;
import ecsvpce.handler.RemediateFunction;
import ecsvpce.handler.SweepFunction;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.support.Lambda;
import ecsvpce.support.LambdaContexts;
import ecsvpce.template.SamTemplate;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.FargateScenarioBuilder;
import ecsvpce.testing.FollowUpQueueFixture;
import ecsvpce.testing.Inbox;
import ecsvpce.testing.MotoServer;
import ecsvpce.testing.MotoTest;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What people are told, as an SNS topic delivers it to an SQS subscriber on moto: one message per
 * outcome, none for what asks nothing of anybody, one for a storm of twenty events, and a topic
 * that refuses never turns a fix into a failure.
 */
@MotoTest
class NotificationsIT {
    private static final String ACCOUNT = MotoServer.ACCOUNT_ID;
    private static final String ORIGIN = "(" + ACCOUNT + " " + MotoServer.REGION + ")";

    private final CallRecorder remediateCalls = new CallRecorder("RemediateFunction");

    /** The three kinds of storm: fixed by the first event, planned in a dry run, needing a person. */
    enum Storm {
        REMEDIATED(Mode.REMEDIATE, FargateScenario::builder, "REMEDIATED", "NOTHING_TO_DO"),
        PLANNED(Mode.DRY_RUN, FargateScenario::builder, "PLANNED", "PLANNED"),
        NEEDS_A_PERSON(Mode.REMEDIATE, () -> FargateScenario.seedEndpointsAllOn().taskEgressNone(),
                "NOT_FIXABLE_BY_ENDPOINTS", "NOT_FIXABLE_BY_ENDPOINTS");

        final Mode mode;
        final Supplier<FargateScenarioBuilder> vpc;
        final String first;
        final String rest;

        Storm(Mode mode, Supplier<FargateScenarioBuilder> vpc, String first, String rest) {
            this.mode = mode;
            this.vpc = vpc;
            this.first = first;
            this.rest = rest;
        }
    }

    @ParameterizedTest
    @EnumSource(Storm.class)
    void oneOutcomeIsOneMessageTitledWithItsOutcomeAccountAndRegion(Storm storm) {
        Inbox inbox = Inbox.create("reports");
        try (FargateScenario scenario = storm.vpc.get().create()) {
            Map<String, Object> report = remediate(function(storm.mode, inbox, Optional.empty()), scenario);

            assertThat(report.get("outcome")).isEqualTo(storm.first);
            List<JsonNode> messages = inbox.take();
            assertThat(messages).singleElement().satisfies(envelope -> {
                assertThat(envelope.path("Subject").asText()).startsWith(storm.first).endsWith(ORIGIN);
                JsonNode chat = Inbox.chat(envelope);
                assertThat(chat.path("source").asText()).isEqualTo("custom");
                assertThat(chat.path("content").path("title").asText()).isEqualTo(envelope.path("Subject").asText());
                assertThat(chat.path("content").path("description").asText()).contains(scenario.vpcId());
                assertThat(envelope.path("MessageId").asText()).isEqualTo(notification(report).get("messageId"));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Storm.class)
    void aStormOfTwentyEventsForOneBrokenVpcIsOneMessage(Storm storm) {
        Inbox inbox = Inbox.create("storm");
        try (FargateScenario scenario = storm.vpc.get().create()) {
            RemediateFunction function = function(storm.mode, inbox, Optional.empty());
            List<Object> outcomes = new ArrayList<>();
            List<Object> notified = new ArrayList<>();
            for (int event = 0; event < 20; event++) {
                Map<String, Object> report = remediate(function, scenario);
                outcomes.add(report.get("outcome"));
                notified.add(notification(report).get("status"));
            }

            assertThat(outcomes.get(0)).isEqualTo(storm.first);
            assertThat(outcomes.subList(1, 20)).containsOnly(storm.rest);
            assertThat(notified.get(0)).isEqualTo("SENT");
            assertThat(notified.subList(1, 20)).containsOnly(storm == Storm.REMEDIATED ? "NOT_NEEDED" : "ALREADY_SENT");
            assertThat(inbox.take()).hasSize(1);
        }
    }

    @Test
    void aSkippedEventTellsNobody() throws Exception {
        Inbox inbox = Inbox.create("quiet");
        Map<String, Object> report = Lambda.invoke(function(Mode.REMEDIATE, inbox, Optional.empty()),
                Lambda.file("events/task-running.json"));

        assertThat(report.get("outcome")).isEqualTo("SKIPPED");
        assertThat(notification(report)).containsEntry("status", "NOT_NEEDED");
        assertThat(inbox.take()).isEmpty();
    }

    /** The filter policy of docs/organisations.md: on a topic every account shares, e-mail gets only what needs a person. */
    @Test
    void aSubscriptionOfTheSharedTopicFiltersOnTheOutcomeAndSeesWhichAccountItCameFrom() throws IOException {
        Matcher policy = Pattern.compile("\"FilterPolicy\": \"(.+?)\"}'").matcher(
                Files.readString(SamTemplate.projectRoot().resolve("docs/organisations.md")));
        assertThat(policy.find()).as("the subscribe command of docs/organisations.md").isTrue();
        Inbox people = Inbox.create("people", Map.of("FilterPolicy", policy.group(1).replace("\\\"", "\"")));
        try (FargateScenario healed = FargateScenario.builder().namePrefix("healed").create();
             FargateScenario stuck = FargateScenario.seedEndpointsAllOn().taskEgressNone().namePrefix("stuck")
                     .clusterName("stuck").create()) {
            assertThat(remediate(function(Mode.REMEDIATE, people, Optional.empty()), healed).get("outcome"))
                    .isEqualTo("REMEDIATED");
            assertThat(remediate(function(Mode.REMEDIATE, people, Optional.empty()), stuck).get("outcome"))
                    .isEqualTo("NOT_FIXABLE_BY_ENDPOINTS");

            assertThat(people.take()).singleElement().satisfies(envelope -> {
                assertThat(envelope.path("Subject").asText()).startsWith("NOT_FIXABLE_BY_ENDPOINTS");
                assertThat(envelope.path("MessageAttributes").path("account").path("Value").asText()).isEqualTo(ACCOUNT);
                assertThat(envelope.path("MessageAttributes").path("region").path("Value").asText()).isEqualTo(MotoServer.REGION);
            });
        }
    }

    /** A member account given a central topic it cannot publish to still heals and says the notification failed. */
    @Test
    void aTopicThatRefusesNeverTurnsTheFixIntoAFailure() {
        String central = "arn:aws:sns:" + MotoServer.REGION + ":111122223333:organisation-reports";
        try (FargateScenario scenario = FargateScenario.builder().create()) {
            RemediateFunction function = Functions.remediate(Mode.REMEDIATE, remediateCalls,
                    new DispatchSettings(Optional.of(central), Optional.empty(), Duration.ZERO));

            Map<String, Object> report = remediate(function, scenario);

            assertThat(report.get("outcome")).isEqualTo("REMEDIATED");
            assertThat(scenario.readBack().endpoints()).hasSize(6);
            assertThat(notification(report)).containsEntry("status", "FAILED");
            assertThat(String.valueOf(notification(report).get("error"))).startsWith("sns:Publish was rejected: NotFound");
        }
    }

    @Test
    void aSweepThatFixesAVpcTellsItOnceAndQueuesItsFollowUp() {
        Inbox inbox = Inbox.create("sweeps");
        FollowUpQueueFixture followUps = FollowUpQueueFixture.create("sweep-follow-ups");
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            SweepFunction sweep = Functions.sweep(Mode.REMEDIATE, new CallRecorder("SweepFunction"),
                    new DispatchSettings(Optional.of(inbox.topicArn()), Optional.of(followUps.url()), Duration.ZERO));

            Map<String, Object> report = Lambda.invoke(sweep, Lambda.json(Map.of("vpcIds", List.of(scenario.vpcId()))),
                    LambdaContexts.of("SweepFunction", ACCOUNT));

            assertThat(report).containsEntry("account", ACCOUNT).containsEntry("region", MotoServer.REGION);
            assertThat(inbox.take()).singleElement().satisfies(envelope ->
                    assertThat(envelope.path("Subject").asText()).isEqualTo("SWEEP NON-COMPLIANT 1 of 1 service(s) non-compliant " + ORIGIN));
            assertThat(followUps.takeEvents()).singleElement().satisfies(event ->
                    assertThat(String.valueOf(event)).contains(scenario.vpcId(), "\"serviceName\":\"web\""));
        }
    }

    private RemediateFunction function(Mode mode, Inbox inbox, Optional<String> queue) {
        return Functions.remediate(mode, remediateCalls,
                new DispatchSettings(Optional.of(inbox.topicArn()), queue, Duration.ZERO));
    }

    private static Map<String, Object> remediate(RemediateFunction function, FargateScenario scenario) {
        String event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON).json();
        return Lambda.invoke(function, event, LambdaContexts.of("RemediateFunction", ACCOUNT));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> notification(Map<String, Object> report) {
        return (Map<String, Object>) report.get("notification");
    }
}
