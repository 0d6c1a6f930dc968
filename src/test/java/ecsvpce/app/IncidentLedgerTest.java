package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.ReportSamples.TaskSample;
import ecsvpce.app.port.Incident;
import ecsvpce.core.fixtures.Snapshots;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The claim rule and the incident book over the ledger's port: one tells, every event counts, failures fail open. */
class IncidentLedgerTest {
    private static final Instant NOW = ReportSamples.NOW;
    private static final Duration RETENTION = Duration.ofDays(400);

    private final InMemoryLedger table = new InMemoryLedger();

    @Test
    void theFirstClaimTellsTheOthersLearnWhenAndAfterTheWindowItIsTheirsAgain() {
        IncidentLedger one = new IncidentLedger(table, RETENTION);
        IncidentLedger two = new IncidentLedger(table, RETENTION);
        Duration window = RecentNotices.WINDOW;

        assertThat(one.session().claim("key", NOW, window)).isInstanceOf(IncidentLedger.Claim.Claimed.class);
        assertThat(two.session().claim("key", NOW.plusSeconds(5), window)).isEqualTo(new IncidentLedger.Claim.Told(NOW));
        assertThat(two.session().claim("other", NOW.plusSeconds(5), window)).isInstanceOf(IncidentLedger.Claim.Claimed.class);
        assertThat(two.session().claim("key", NOW.plus(window).minusMillis(1), window))
                .isInstanceOf(IncidentLedger.Claim.Told.class);
        assertThat(two.session().claim("key", NOW.plus(window), window)).as("the reminder")
                .isInstanceOf(IncidentLedger.Claim.Claimed.class);
    }

    @Test
    void ofTwentyEnvironmentsClaimingAtOnceExactlyOneTells() throws Exception {
        List<Object> claims = concurrently(20, () -> new IncidentLedger(table, RETENTION).session()
                .claim("storm", NOW, RecentNotices.WINDOW));

        assertThat(claims).filteredOn(claim -> claim instanceof IncidentLedger.Claim.Claimed).hasSize(1);
        assertThat(claims).filteredOn(claim -> claim instanceof IncidentLedger.Claim.Told).hasSize(19);
    }

    @Test
    void aClaimGivenBackIsClaimedByTheNextButNotOneClaimedAgainSince() {
        IncidentLedger.Session session = new IncidentLedger(table, RETENTION).session();
        session.claim("key", NOW, RecentNotices.WINDOW);

        session.release("key", NOW.minusSeconds(1));
        assertThat(session.claim("key", NOW.plusSeconds(1), RecentNotices.WINDOW)).as("not the claim given back")
                .isInstanceOf(IncidentLedger.Claim.Told.class);
        session.release("key", NOW);
        assertThat(session.claim("key", NOW.plusSeconds(2), RecentNotices.WINDOW)).isInstanceOf(IncidentLedger.Claim.Claimed.class);
    }

    @Test
    void twentyConcurrentFailuresOfOneVpcAreOneIncidentThatCountsThemAll() throws Exception {
        IncidentEvent failure = Incidents.ofTask(TaskSample.PLANNED.report(), ReportSamples.FAILED_AT, NOW).orElseThrow();

        List<Object> views = concurrently(20, () -> new IncidentLedger(table, RETENTION).session().record(failure).orElseThrow());

        assertThat(table.all()).singleElement().satisfies(incident -> {
            assertThat(incident.failedStarts()).isEqualTo(20);
            assertThat(incident.revision()).isEqualTo(20);
        });
        assertThat(views.stream().map(view -> String.valueOf(((Map<?, ?>) view).get("status")))).containsOnlyOnce("OPENED");
    }

    @Test
    void aTableThatFailsIsReportedOnceAndNotAskedAgainInTheSameInvocation() {
        table.failWith(InMemoryPorts.stillFailing("dynamodb:PutItem"));
        IncidentLedger.Session session = new IncidentLedger(table, RETENTION).session();

        assertThat(session.claim("key", NOW, RecentNotices.WINDOW)).isInstanceOf(IncidentLedger.Claim.Unavailable.class);
        assertThat(session.record(Incidents.ofTask(TaskSample.PLANNED.report(), NOW, NOW).orElseThrow())).isEmpty();
        assertThat(session.open()).isEmpty();

        assertThat(table.calls).containsExactly("claim");
        assertThat(session.status()).hasValueSatisfying(status -> {
            assertThat(status).containsEntry("status", "FAILED");
            assertThat((List<?>) status.get("errors")).hasSize(3).first().asString()
                    .startsWith("claim: dynamodb:PutItem still failing");
        });
    }

    @Test
    void damagedItemsAreSkippedWithAWarningAndNeverStopTheRecord() {
        table.damage(Snapshots.VPC_ID, 3).damage("vpc-other", 1);
        IncidentLedger.Session session = new IncidentLedger(table, RETENTION).session();

        Map<String, Object> view = session.record(Incidents.ofTask(TaskSample.PLANNED.report(), NOW, NOW).orElseThrow())
                .orElseThrow();
        List<Incident> open = session.open();

        assertThat(view).containsEntry("id", Snapshots.VPC_ID + "#4").containsEntry("status", "OPENED");
        assertThat(open).singleElement().extracting(Incident::id).isEqualTo(Snapshots.VPC_ID + "#4");
        assertThat(session.status()).hasValueSatisfying(status -> {
            assertThat(status).containsEntry("status", "OK");
            assertThat((List<?>) status.get("skipped")).anySatisfy(line -> assertThat(line.toString())
                    .startsWith(Snapshots.VPC_ID + "#3: damaged")).anySatisfy(line -> assertThat(line.toString())
                    .startsWith("VPC#vpc-other 1"));
        });
    }

    @Test
    void anIncidentIsKeptForTheRetentionAfterItsLastEventAndItsExpiryMovesWithEachEvent() {
        IncidentLedger ledger = new IncidentLedger(table, RETENTION);
        Instant later = NOW.plus(Duration.ofHours(3));

        ledger.session().record(Incidents.ofTask(TaskSample.PLANNED.report(), ReportSamples.FAILED_AT, NOW).orElseThrow());
        Instant first = table.expiries.get(Snapshots.VPC_ID + "#1");
        ledger.session().record(Incidents.ofTask(TaskSample.PLANNED.report(), later, later).orElseThrow());

        assertThat(first).isEqualTo(ReportSamples.FAILED_AT.plus(RETENTION));
        assertThat(table.expiries.get(Snapshots.VPC_ID + "#1")).isEqualTo(later.plus(RETENTION));
    }

    @Test
    void theOpenIncidentsAreListedOldestFirst() {
        save(incident("vpc-a", 1, NOW.minus(Duration.ofHours(1)), null, "0"));
        save(incident("vpc-b", 1, NOW.minus(Duration.ofDays(3)), null, "0"));
        save(incident("vpc-c", 1, NOW.minus(Duration.ofDays(1)), null, "0"));

        assertThat(new IncidentLedger(table, RETENTION).session().open()).extracting(Incident::id)
                .containsExactly("vpc-b#1", "vpc-c#1", "vpc-a#1");
    }

    /** Its number reads as 0 and it sorts last, so every attempt finds number 1 taken. */
    @Test
    void anItemWhoseNumberCannotBeReadIsReportedOnceAndTheWriteGivesUpAfterItsAttempts() {
        save(incident(Snapshots.VPC_ID, 1, ReportSamples.FAILED_AT.minus(Duration.ofDays(30)), Duration.ofMinutes(5), "0"));
        table.damageUnnumbered(Snapshots.VPC_ID).calls.clear();
        IncidentLedger.Session session = new IncidentLedger(table, RETENTION).session();

        assertThat(session.record(Incidents.ofTask(TaskSample.PLANNED.report(), NOW, NOW).orElseThrow())).isEmpty();

        assertThat(table.calls).filteredOn("save"::equals).hasSize(IncidentLedger.WRITE_ATTEMPTS);
        assertThat(session.status()).hasValueSatisfying(status -> {
            assertThat(status).containsEntry("status", "FAILED").containsEntry("errors", List.of("incident of "
                    + Snapshots.VPC_ID + ": still written by others after 25 attempts"));
            assertThat(status).containsEntry("skipped", List.of(Snapshots.VPC_ID + "#0: damaged: its number is not a number"));
        });
    }

    @Test
    void theMonthlySummaryIsMadeOnceAMonthFromThatMonthsIncidents() {
        Instant may = Instant.parse("2026-05-10T08:00:00Z");
        save(incident("vpc-a", 1, may, Duration.ofMinutes(4), "7.30"));
        save(incident("vpc-a", 2, may.plus(Duration.ofDays(3)), Duration.ofMinutes(30), "0"));
        save(incident("vpc-b", 1, may.plus(Duration.ofDays(5)), Duration.ofMinutes(10), "14.60"));
        save(incident("vpc-c", 1, may.plus(Duration.ofDays(6)), null, "0"));
        save(incident("vpc-d", 1, Instant.parse("2026-04-30T23:59:59Z"), Duration.ofMinutes(1), "7.30"));
        save(incident("vpc-e", 1, Instant.parse("2026-06-01T00:01:00Z"), null, "7.30"));
        Instant june = Instant.parse("2026-06-01T00:05:00Z");

        Map<String, Object> summary = new IncidentLedger(table, RETENTION).session().monthlySummary(june).orElseThrow().getValue();

        assertThat(summary).containsEntry("month", "2026-05").containsEntry("incidents", 4).containsEntry("stillOpen", 1L)
                .containsEntry("recovered", 3).containsEntry("medianRecoverySeconds", 600L)
                .containsEntry("worstRecoverySeconds", 1800L).containsEntry("vpcsBrokenMoreThanOnce", List.of("vpc-a (2)"))
                .containsEntry("endpointsCreated", 2).containsEntry("changesApplied", 2).containsEntry("monthlyCostAddedUsd", new BigDecimal("21.90"));
        assertThat(new IncidentLedger(table, RETENTION).session().monthlySummary(june.plus(Duration.ofDays(20))))
                .as("once a month").isEmpty();
    }

    private void save(Incident incident) {
        assertThat(table.save(incident, NOW)).isTrue();
    }

    /** A closed incident (open when {@code recovery} is null) with one endpoint created when it cost something. */
    private static Incident incident(String vpc, int sequence, Instant failedAt, Duration recovery, String cost) {
        List<Incident.Change> changes = new BigDecimal(cost).signum() == 0 ? List.of()
                : List.of(new Incident.Change("CREATE_INTERFACE_ENDPOINT", "vpce-" + vpc, "create", new BigDecimal(cost)));
        return new Incident(vpc, sequence, 1, recovery == null, "sweep", "REMEDIATE", failedAt, failedAt, failedAt,
                recovery == null ? null : failedAt.plus(recovery), recovery == null ? null : "FOLLOW_UP", 1, List.of(),
                List.of(), changes);
    }

    private static List<Object> concurrently(int count, Callable<Object> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
