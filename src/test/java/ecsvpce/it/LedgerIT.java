package ecsvpce.it;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.DispatchSettings;
import ecsvpce.app.LedgerSettings;
import ecsvpce.app.port.Incident;
import ecsvpce.app.port.Ledger;
import ecsvpce.aws.DynamoDbLedger;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.support.Lambda;
import ecsvpce.support.LambdaContexts;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.FixtureClients;
import ecsvpce.testing.FollowUpQueueFixture;
import ecsvpce.testing.Inbox;
import ecsvpce.testing.LedgerTableFixture;
import ecsvpce.testing.MotoServer;
import ecsvpce.testing.MotoTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ledger on moto's DynamoDB, in the table template.yaml declares: an incident from its first failure
 * to the healed check through the three functions, the adapter's claims and items, and a table that
 * refuses (the notice is told anyway).
 */
@MotoTest
class LedgerIT {
    private static final Duration RETENTION = Duration.ofDays(400);

    private String table;
    private Inbox inbox;
    private FollowUpQueueFixture followUps;
    private DispatchSettings dispatch;

    @BeforeEach
    void channels() {
        table = LedgerTableFixture.create("ledger");
        inbox = Inbox.create("reports");
        followUps = FollowUpQueueFixture.create("follow-ups");
        dispatch = new DispatchSettings(Optional.of(inbox.topicArn()), Optional.of(followUps.url()), Duration.ZERO);
    }

    @Test
    void anIncidentsTimesAndCountAfterAFailureAFixAndAHealedFollowUp() {
        LedgerSettings ledger = new LedgerSettings(Optional.of(table), RETENTION);
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            String first = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON).json();
            String second = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON).json();
            CallRecorder remediateCalls = new CallRecorder("RemediateFunction");

            Map<String, Object> fixed = Lambda.invoke(Functions.remediate(Mode.REMEDIATE, remediateCalls, dispatch, ledger),
                    first, context("RemediateFunction"));
            Map<String, Object> again = Lambda.invoke(Functions.remediate(Mode.REMEDIATE, remediateCalls, dispatch, ledger),
                    second, context("RemediateFunction"));
            Map<String, Object> followUp = followUps.takeEvents().get(0);
            scenario.ecs().updateService(r -> r.cluster(scenario.clusterArn()).service("web").desiredCount(1));
            CallRecorder verifyCalls = new CallRecorder("VerifyFunction");
            Map<String, Object> healed = Lambda.invoke(Functions.verify(verifyCalls, dispatch, ledger), Lambda.json(followUp),
                    context("VerifyFunction"));

            assertThat(fixed.get("outcome")).isEqualTo("REMEDIATED");
            assertThat(incident(fixed)).containsEntry("status", "OPENED").containsEntry("failedStarts", 1)
                    .containsEntry("id", scenario.vpcId() + "#1");
            assertThat(again.get("outcome")).isEqualTo("NOTHING_TO_DO");
            assertThat(incident(again)).containsEntry("status", "UPDATED").containsEntry("failedStarts", 2);
            assertThat(healed.get("verdict")).isEqualTo("HEALED");
            assertThat(incident(healed)).containsEntry("status", "CLOSED").containsEntry("closedBy", "FOLLOW_UP");

            Incident kept = new DynamoDbLedger(FixtureClients::dynamoDb, table).latest(scenario.vpcId()).incident().orElseThrow();
            assertThat(kept.open()).isFalse();
            assertThat(kept.failedStarts()).isEqualTo(2);
            assertThat(kept.firstFailureAt()).isBeforeOrEqualTo(kept.fixAppliedAt());
            assertThat(kept.fixAppliedAt()).isBeforeOrEqualTo(kept.healedAt());
            assertThat(kept.healedAt()).isEqualTo(Instant.parse(String.valueOf(healed.get("checkedAt"))));
            assertThat(((Number) incident(healed).get("recoverySeconds")).longValue())
                    .isEqualTo(Duration.between(kept.firstFailureAt(), kept.healedAt()).toSeconds());
            assertThat(kept.endpointsCreated()).as("five interface endpoints and the S3 gateway").isEqualTo(6);
            assertThat(kept.monthlyCostUsd()).isEqualByComparingTo(new BigDecimal(String.valueOf(fixed.get("monthlyCostUsd"))));
            Map<String, AttributeValue> item = rawIncident(scenario.vpcId(), 1);
            assertThat(item.get("listing").s()).isEqualTo("CLOSED#" + YearMonth.from(kept.firstFailureAt().atZone(ZoneOffset.UTC)));
            assertThat(Long.parseLong(item.get("expiresAt").n())).isEqualTo(kept.lastEventAt().plus(RETENTION).getEpochSecond());
            assertThat(inbox.take()).extracting(envelope -> envelope.path("Subject").asText().split(" ")[0])
                    .containsExactly("REMEDIATED", "HEALED");
            assertThat(remediateCalls.calls()).contains("dynamodb:PutItem", "dynamodb:Query");
            assertThat(verifyCalls.calls()).contains("dynamodb:PutItem", "dynamodb:Query");
        }
    }

    @Test
    void aSweepListsTheOpenIncidentsThroughTheIndexAndTellsTheMonthOnce() {
        LedgerSettings ledger = new LedgerSettings(Optional.of(table), RETENTION);
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            CallRecorder sweepCalls = new CallRecorder("SweepFunction");
            Map<String, Object> payload = Map.of("vpcIds", List.of(scenario.vpcId()));

            Map<String, Object> planned = Lambda.invoke(Functions.sweep(Mode.DRY_RUN, sweepCalls, dispatch, ledger),
                    Lambda.json(payload), context("SweepFunction"));
            Map<String, Object> again = Lambda.invoke(Functions.sweep(Mode.DRY_RUN, sweepCalls, dispatch, ledger),
                    Lambda.json(payload), context("SweepFunction"));

            assertThat(planned.get("openIncidents")).asList().singleElement().satisfies(open ->
                    assertThat(((Map<?, ?>) open).get("id")).isEqualTo(scenario.vpcId() + "#1"));
            assertThat(planned).containsKey("monthlySummary");
            assertThat(again).doesNotContainKey("monthlySummary");
            assertThat(again.get("openIncidents")).asList().hasSize(1);
            assertThat(inbox.take()).as("the plan and its month, then the same plan within the hour: nothing").hasSize(1);
            assertThat(sweepCalls.calls()).contains("dynamodb:PutItem", "dynamodb:Query");
        }
    }

    @Test
    void aTableThatRefusesStillTellsAndSaysWhatItCouldNotRecord() {
        LedgerSettings missing = new LedgerSettings(Optional.of("no-such-table"), RETENTION);
        try (FargateScenario scenario = FargateScenario.builder().create()) {
            Map<String, Object> report = Lambda.invoke(Functions.remediate(Mode.DRY_RUN, new CallRecorder("RemediateFunction"),
                    dispatch, missing), scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON).json(),
                    context("RemediateFunction"));

            assertThat(report.get("outcome")).isEqualTo("PLANNED");
            assertThat(((Map<?, ?>) report.get("notification")).get("status")).isEqualTo("SENT");
            assertThat(((Map<?, ?>) report.get("ledger")).get("status")).isEqualTo("FAILED");
            assertThat(String.valueOf(((Map<?, ?>) report.get("ledger")).get("errors"))).contains("ResourceNotFoundException");
            assertThat(inbox.take()).hasSize(1);
        }
    }

    @Test
    void ofTwentyConcurrentClaimsOnTheEmulatorExactlyOneWins() throws Exception {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Optional<Instant>>> claims = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            DynamoDbLedger environment = new DynamoDbLedger(FixtureClients::dynamoDb, table);
            claims.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return environment.claim("storm", now, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
            }, java.util.concurrent.Executors.newSingleThreadExecutor()));
        }
        start.countDown();

        List<Optional<Instant>> results = claims.stream().map(CompletableFuture::join).toList();

        assertThat(results).filteredOn(Optional::isEmpty).hasSize(1);
        assertThat(results).filteredOn(Optional::isPresent).hasSize(19).allSatisfy(told -> assertThat(told).contains(now));
    }

    @Test
    void theAdaptersClaimsRemindAfterTheWindowAndADamagedClaimCountsAsNone() {
        Ledger ledger = new DynamoDbLedger(FixtureClients::dynamoDb, table);
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        Duration hour = Duration.ofHours(1);

        assertThat(ledger.claim("k", now, now.minus(hour), now.plus(hour))).isEmpty();
        assertThat(ledger.claim("k", now.plusSeconds(59 * 60), now.plusSeconds(59 * 60).minus(hour), now.plus(hour))).contains(now);
        assertThat(ledger.claim("k", now.plus(hour), now, now.plus(hour))).as("the reminder").isEmpty();
        ledger.release("k", now.plus(hour));
        assertThat(ledger.claim("k", now.plus(hour).plusSeconds(1), now, now.plus(hour))).as("given back").isEmpty();
        FixtureClients.dynamoDb().putItem(r -> r.tableName(table).item(Map.of("pk", s(firstClaimKey("d")),
                "sk", s("CLAIM"), "claimedAt", s("yesterday"))));
        assertThat(ledger.claim("d", now, now.minus(hour), now.plus(hour))).as("damaged").isEmpty();
    }

    @Test
    void damagedAndOlderItemsAreSkippedWithAWarningAndTheirNumberStaysTaken() {
        Ledger ledger = new DynamoDbLedger(FixtureClients::dynamoDb, table);
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        Incident open = new Incident("vpc-1", 1, 1, true, "sweep", "DRY_RUN", at, at, null, null, null, 0, List.of("prod/web"),
                List.of("ENDPOINT_MISSING ssm vpc-1"), List.of(new Incident.Change("CREATE_INTERFACE_ENDPOINT", "vpce-1",
                        "create ssm interface endpoint", new BigDecimal("7.30"))));
        assertThat(ledger.save(open, at.plus(RETENTION))).isTrue();
        assertThat(ledger.save(open, at.plus(RETENTION))).as("number 1 is taken").isFalse();
        FixtureClients.dynamoDb().putItem(r -> r.tableName(table).item(Map.of("pk", s("VPC#vpc-2"), "sk", s("INCIDENT#000004"),
                "v", AttributeValue.fromN("2"), "listing", s("OPEN"), "firstFailureAt", s("2026-11-30T09:00:00Z"))));
        FixtureClients.dynamoDb().putItem(r -> r.tableName(table).item(Map.of("pk", s("VPC#vpc-3"), "sk", s("INCIDENT#000001"),
                "v", AttributeValue.fromN("1"), "listing", s("OPEN"), "firstFailureAt", s("2026-11-30T08:00:00Z"))));

        Ledger.Listing listing = ledger.open();

        assertThat(listing.incidents()).containsExactly(open);
        assertThat(listing.skipped()).hasSize(2).anySatisfy(line -> assertThat(line).contains("VPC#vpc-2 4: format 2"))
                .anySatisfy(line -> assertThat(line).contains("VPC#vpc-3 1: damaged"));
        assertThat(ledger.latest("vpc-2")).satisfies(latest -> {
            assertThat(latest.sequence()).isEqualTo(4);
            assertThat(latest.incident()).isEmpty();
            assertThat(latest.unreadable()).hasValueSatisfying(why -> assertThat(why).startsWith("format 2"));
        });
        FixtureClients.dynamoDb().putItem(r -> r.tableName(table).item(Map.of("pk", s("VPC#vpc-1"), "sk",
                s("INCIDENT#damaged"), "v", AttributeValue.fromN("1"))));
        assertThat(ledger.latest("vpc-1").incident()).as("a key that is no number never stands for the latest")
                .contains(open);
        Incident update = new Incident("vpc-1", 1, 2, false, "sweep", "DRY_RUN", at, at.plusSeconds(60), null,
                at.plusSeconds(60), "SWEEP", 0, open.workloads(), open.findings(), open.actions());
        assertThat(ledger.save(update, at.plus(RETENTION))).isTrue();
        assertThat(ledger.save(update, at.plus(RETENTION))).as("revision 1 is no longer stored").isFalse();
        assertThat(ledger.open().incidents()).isEmpty();
        assertThat(ledger.closedIn(YearMonth.of(2026, 11)).incidents()).containsExactly(update);
    }

    private Map<String, AttributeValue> rawIncident(String vpcId, int sequence) {
        return FixtureClients.dynamoDb().getItem(r -> r.tableName(table).key(Map.of("pk", s("VPC#" + vpcId),
                "sk", s(String.format("INCIDENT#%06d", sequence))))).item();
    }

    /** The item key of a claim, found as the adapter writes it. */
    private String firstClaimKey(String key) {
        new DynamoDbLedger(FixtureClients::dynamoDb, table).claim(key, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH);
        return FixtureClients.dynamoDb().scan(r -> r.tableName(table)).items().stream()
                .filter(item -> item.get("claimedAt") != null && "0".equals(item.get("claimedAt").n()))
                .map(item -> item.get("pk").s()).findFirst().orElseThrow();
    }

    private static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> incident(Map<String, Object> report) {
        return (Map<String, Object>) report.get("incident");
    }

    private static com.amazonaws.services.lambda.runtime.Context context(String function) {
        return LambdaContexts.of(function, MotoServer.ACCOUNT_ID);
    }
}
