package ecsvpce.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ecsvpce.app.DispatchSettings;
import ecsvpce.app.port.FollowUp;
import ecsvpce.handler.VerifyFunction;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.support.Lambda;
import ecsvpce.support.LambdaContexts;
import ecsvpce.testing.EstateFixtures;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.FollowUpQueueFixture;
import ecsvpce.testing.Inbox;
import ecsvpce.testing.MotoServer;
import ecsvpce.testing.MotoTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The follow-up round trip on moto: a fix queues its check, VerifyFunction reads the message from
 * the queue as Lambda's SQS poller delivers it, looks at the VPC and the service again and gives its
 * verdict, tells people, and queues the next check while it is pending.
 */
@MotoTest
class FollowUpIT {
    private final CallRecorder verifyCalls = new CallRecorder("VerifyFunction");
    private Inbox inbox;
    private FollowUpQueueFixture followUps;
    private DispatchSettings dispatch;

    @BeforeEach
    void channels() {
        inbox = Inbox.create("reports");
        followUps = FollowUpQueueFixture.create("follow-ups");
        dispatch = new DispatchSettings(Optional.of(inbox.topicArn()), Optional.of(followUps.url()), Duration.ZERO);
    }

    @Test
    void aFixedVpcWhoseServiceRunsAgainIsHealed() {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            Map<String, Object> followUp = remediateAndTakeTheFollowUp(scenario);
            serviceRunsItsDesiredCount(scenario);

            Map<String, Object> verdict = Lambda.invoke(verify(), Lambda.json(followUp), context());

            assertThat(verdict.get("verdict")).isEqualTo("HEALED");
            assertThat(verdict).containsEntry("vpcId", scenario.vpcId()).containsEntry("account", MotoServer.ACCOUNT_ID);
            assertThat(((Number) verdict.get("recoverySeconds")).longValue()).isNotNegative();
            assertThat(notification(verdict)).containsEntry("status", "SENT");
            assertThat(inbox.take()).singleElement().satisfies(envelope ->
                    assertThat(envelope.path("Subject").asText()).startsWith("HEALED " + scenario.vpcId() + " (web)"));
            assertThat(followUps.takeEvents()).as("no further check").isEmpty();
        }
    }

    @Test
    void aSpokeHealedByItsOwnEndpointBesideTheHubsIsJudgedWithTheHubsZones() {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            EstateFixtures.centralZones(scenario.vpcId(), List.of("ecr.dkr", "ecr.api", "s3", "logs", "secretsmanager"));
            Map<String, Object> followUp = remediateAndTakeTheFollowUp(scenario);
            serviceRunsItsDesiredCount(scenario);

            Map<String, Object> verdict = Lambda.invoke(verify(), Lambda.json(followUp), context());

            assertThat(verdict.get("verdict")).as("%s", verdict).isEqualTo("HEALED");
            assertThat(scenario.readBack().endpointCountByService()).containsOnlyKeys("ssm");
            assertThat(verifyCalls.calls()).contains("route53:ListHostedZonesByVPC", "route53:ListResourceRecordSets");
        }
    }

    @Test
    void anEndpointDeletedInBetweenIsStillBrokenWithWhatToMakeAgain() {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            Map<String, Object> followUp = remediateAndTakeTheFollowUp(scenario);
            serviceRunsItsDesiredCount(scenario);
            String made = scenario.readBack().endpoint("secretsmanager").orElseThrow().id();
            scenario.ec2().deleteVpcEndpoints(r -> r.vpcEndpointIds(made));

            Map<String, Object> verdict = Lambda.invoke(verify(), Lambda.json(followUp), context());

            assertThat(verdict.get("verdict")).isEqualTo("STILL_BROKEN");
            assertThat(String.valueOf(verdict.get("remaining"))).contains("ENDPOINT_MISSING", "secretsmanager");
            assertThat(verdict.get("nextSteps")).asList().singleElement().asString()
                    .contains("create secretsmanager interface endpoint", "{\"vpcIds\":[\"" + scenario.vpcId() + "\"]}");
            JsonNode told = Inbox.chat(inbox.take().get(0));
            assertThat(told.path("content").path("title").asText()).startsWith("STILL_BROKEN");
            assertThat(told.path("content").path("nextSteps").get(0).asText()).contains("create secretsmanager");
        }
    }

    @Test
    void aServiceStillStartingIsPendingAndCheckedAgainTellingNobodyYet() {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            Map<String, Object> followUp = remediateAndTakeTheFollowUp(scenario);
            useCustomDnsServers(scenario);

            Map<String, Object> verdict = Lambda.invoke(verify(), Lambda.json(followUp), context());

            assertThat(verdict.get("verdict")).isEqualTo("PENDING");
            assertThat(String.valueOf(verdict.get("summary"))).contains("web runs 0 of 1", "(check 1; checks end at ",
                    "started a new deployment of web");
            assertThat(notification(verdict)).containsEntry("status", "NOT_NEEDED");
            assertThat(inbox.take()).isEmpty();
            List<Map<String, Object>> again = followUps.takeEvents();
            assertThat(again).singleElement().satisfies(event ->
                    assertThat(FollowUp.parse(FollowUpQueueFixture.body(event)).check()).isEqualTo(2));
            assertThat(verifyCalls.calls()).contains("ec2:DescribeDhcpOptions", "ecs:DescribeServices", "ecs:UpdateService",
                    "sqs:SendMessage");
        }
    }

    @Test
    void aFollowUpForAVpcThatNoLongerExistsSaysSoAndEndsTheChecks() {
        String gone = """
                {"followUp":1,"vpcId":"vpc-0123456789abcdef0","trigger":"scheduled-sweep","failedAt":"2026-11-30T09:00:00Z",
                 "appliedAt":"2026-11-30T09:00:05Z","check":1,"workloads":[{"subnetId":"subnet-0123456789abcdef0","needs":["logs"]}]}
                """;

        Map<String, Object> verdict = Lambda.invoke(verify(), Lambda.json(followUps.event("m-1", gone)), context());

        assertThat(verdict.get("verdict")).isEqualTo("GONE");
        assertThat(inbox.take()).singleElement().satisfies(envelope ->
                assertThat(envelope.path("Subject").asText()).startsWith("GONE vpc-0123456789abcdef0"));
        assertThat(followUps.takeEvents()).isEmpty();
    }

    @Test
    void aMessageThatIsNoFollowUpIsRejectedNotRetriedAndToldToNobody() {
        Map<String, Object> verdict = Lambda.invoke(verify(), Lambda.json(followUps.event("m-2", "{\"hello\": \"world\"}")), context());

        assertThat(verdict.get("verdict")).isEqualTo("REJECTED");
        assertThat(String.valueOf(verdict.get("summary"))).isEqualTo("rejected: not a follow-up message (no \"followUp\": 1)");
        assertThat(inbox.take()).isEmpty();
        assertThat(verifyCalls.calls()).isEmpty();
    }

    private Map<String, Object> remediateAndTakeTheFollowUp(FargateScenario scenario) {
        String event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON).json();
        Map<String, Object> report = Lambda.invoke(
                Functions.remediate(Mode.REMEDIATE, new CallRecorder("RemediateFunction"), dispatch), event, context());
        assertThat(report.get("outcome")).isEqualTo("REMEDIATED");
        assertThat(inbox.take()).hasSize(1);
        List<Map<String, Object>> queued = followUps.takeEvents();
        assertThat(queued).hasSize(1);
        FollowUp followUp = FollowUp.parse(FollowUpQueueFixture.body(queued.get(0)));
        assertThat(followUp.vpcId()).isEqualTo(scenario.vpcId());
        assertThat(followUp.workloads()).singleElement().satisfies(w -> assertThat(w.serviceName()).isEqualTo("web"));
        return queued.get(0);
    }

    /** moto's service runs no task until it is updated; then it runs what it wants. */
    private static void serviceRunsItsDesiredCount(FargateScenario scenario) {
        scenario.ecs().updateService(r -> r.cluster(scenario.clusterArn()).service("web").desiredCount(1));
    }

    private static void useCustomDnsServers(FargateScenario scenario) {
        Ec2Client ec2 = scenario.ec2();
        String options = ec2.createDhcpOptions(r -> r.dhcpConfigurations(c -> c.key("domain-name-servers")
                .values("AmazonProvidedDNS"))).dhcpOptions().dhcpOptionsId();
        ec2.associateDhcpOptions(r -> r.dhcpOptionsId(options).vpcId(scenario.vpcId()));
    }

    private VerifyFunction verify() {
        return Functions.verify(verifyCalls, dispatch);
    }

    private static com.amazonaws.services.lambda.runtime.Context context() {
        return LambdaContexts.of("VerifyFunction", MotoServer.ACCOUNT_ID);
    }


    @SuppressWarnings("unchecked")
    private static Map<String, Object> notification(Map<String, Object> report) {
        return (Map<String, Object>) report.get("notification");
    }
}
