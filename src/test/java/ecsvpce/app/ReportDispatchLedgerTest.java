package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.ReportSamples.CheckSample;
import ecsvpce.app.ReportSamples.SweepSample;
import ecsvpce.app.ReportSamples.TaskSample;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.report.ReportJson;
import ecsvpce.report.SweepReport;
import ecsvpce.report.TaskReport;
import ecsvpce.report.VerificationReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The dispatch with a ledger: each dispatch here is one execution environment (its own memory), all
 * sharing one table and one topic, as Lambda runs a storm with concurrency not reserved.
 */
class ReportDispatchLedgerTest {
    private static final Duration DELAY = Duration.ofMinutes(5);

    private final InMemoryPorts topic = new InMemoryPorts();
    private final InMemoryLedger table = new InMemoryLedger();
    private final ByteArrayOutputStream metrics = new ByteArrayOutputStream();

    @Test
    void aDryRunStormAcrossEnvironmentsIsToldOnceAndEveryFailedStartIsCounted() {
        List<ReportDispatch> environments = List.of(environment(), environment(), environment());
        for (int event = 0; event < 9; event++) {
            Map<String, Object> out = task(environments.get(event % 3), TaskSample.PLANNED.report(), ReportSamples.NOW.plusSeconds(event));

            assertThat(status(out)).isEqualTo(event == 0 ? "SENT" : "ALREADY_SENT");
            assertThat(out.get("incident")).extracting(i -> ((Map<?, ?>) i).get("failedStarts")).isEqualTo(event + 1);
        }

        assertThat(topic.published).singleElement().satisfies(notice -> assertThat(notice.text()).contains(
                "Incident\n--------\n  " + Snapshots.VPC_ID + "#1: open since " + ReportSamples.NOW + ", 1 failed start(s); prod/web\n"));
        assertThat(table.all()).singleElement().satisfies(incident -> assertThat(incident.failedStarts()).isEqualTo(9));
    }

    @Test
    void fixesOfOneVpcAppliedInPartsByTwoEnvironmentsAreToldOnce() {
        TaskReport.Examined whole = (TaskReport.Examined) TaskSample.REMEDIATED.report();
        TaskReport.Examined part = new TaskReport.Examined(whole.outcome(), whole.mode(), whole.summary(), whole.task(),
                whole.vpcId(), whole.subnetId(), whole.failure(), whole.needs(), whole.unservable(), whole.findings(),
                whole.actions().subList(0, 2), whole.unfixed(), whole.notes(), whole.monthlyCostUsd(), whole.error());

        Map<String, Object> first = task(environment(), whole, ReportSamples.NOW);
        Map<String, Object> second = task(environment(), part, ReportSamples.NOW.plusSeconds(1));

        assertThat(status(first)).isEqualTo("SENT");
        assertThat(status(second)).isEqualTo("ALREADY_SENT");
        assertThat(topic.published).hasSize(1);
        assertThat(table.all()).singleElement().satisfies(incident -> assertThat(incident.actions()).hasSize(whole.actions().size()));
    }

    @Test
    void aVpcThatBreaksAgainAfterItHealedIsANewIncidentWhoseFixAndVerdictAreToldAgain() {
        Instant brokeAgain = ReportSamples.NOW.plus(Duration.ofMinutes(10));
        VerificationReport healedAgain = checkedAt(CheckSample.HEALED.report(), brokeAgain.plus(Duration.ofMinutes(20)));

        Map<String, Object> fixed = task(environment(), TaskSample.REMEDIATED.report(), ReportSamples.FAILED_AT);
        Map<String, Object> healed = verification(environment(ReportSamples.NOW), CheckSample.HEALED.report());
        Map<String, Object> fixedAgain = task(environment(brokeAgain.plusSeconds(60)), TaskSample.REMEDIATED.report(), brokeAgain);
        Map<String, Object> healedTwice = verification(environment(brokeAgain.plus(Duration.ofMinutes(20))), healedAgain);

        assertThat(List.of(fixed, healed, fixedAgain, healedTwice)).extracting(ReportDispatchLedgerTest::status)
                .containsOnly("SENT");
        assertThat(List.of(fixed, healed, fixedAgain, healedTwice)).extracting(out -> (Object) ((Map<?, ?>) out.get("incident")).get("id"))
                .containsExactly(Snapshots.VPC_ID + "#1", Snapshots.VPC_ID + "#1", Snapshots.VPC_ID + "#2", Snapshots.VPC_ID + "#2");
        assertThat(topic.published).hasSize(4);
    }

    @Test
    void anEnvironmentRemembersWhatTheTableSaidWasToldSoATableThatThenFailsAddsNoMessage() {
        ReportDispatch other = environment();
        task(environment(), TaskSample.PLANNED.report(), ReportSamples.NOW);
        Map<String, Object> toldElsewhere = task(other, TaskSample.PLANNED.report(), ReportSamples.NOW.plusSeconds(1));
        table.failWith(InMemoryPorts.stillFailing("dynamodb:Query"));

        Map<String, Object> again = task(other, TaskSample.PLANNED.report(), ReportSamples.NOW.plusSeconds(2));

        assertThat(status(toldElsewhere)).isEqualTo("ALREADY_SENT");
        assertThat(status(again)).isEqualTo("ALREADY_SENT");
        assertThat(topic.published).hasSize(1);
    }

    @Test
    void aTableThatCannotBeReachedStillTellsAndIsCounted() {
        table.failWith(InMemoryPorts.stillFailing("dynamodb:PutItem"));

        Map<String, Object> out = task(environment(), TaskSample.PLANNED.report(), ReportSamples.NOW);

        assertThat(status(out)).isEqualTo("SENT");
        assertThat(out).doesNotContainKey("incident");
        assertThat(out.get("ledger")).extracting(l -> ((Map<?, ?>) l).get("status")).isEqualTo("FAILED");
        assertThat(topic.published).hasSize(1);
        assertThat(metrics.toString(StandardCharsets.UTF_8)).contains("\"LedgerFailures\":2");
    }

    @Test
    void aPublishThatFailsGivesTheClaimBackSoTheNextEnvironmentTells() {
        topic.fail("publish", InMemoryPorts.refused("sns:Publish"));
        Map<String, Object> failed = task(environment(), TaskSample.NEEDS_A_PERSON.report(), ReportSamples.NOW);
        topic.fail("publish", null);

        Map<String, Object> next = task(environment(), TaskSample.NEEDS_A_PERSON.report(), ReportSamples.NOW.plusSeconds(3));

        assertThat(status(failed)).isEqualTo("FAILED");
        assertThat(status(next)).isEqualTo("SENT");
    }

    @Test
    void theHealedVerdictClosesTheIncidentAndIsToldOncePerIncident() {
        task(environment(), TaskSample.REMEDIATED.report(), ReportSamples.FAILED_AT);
        VerificationReport healed = CheckSample.HEALED.report();

        Map<String, Object> first = environment().verification(healed, Optional.empty(), ReportJson.toMap(healed), ReportSamples.ACCOUNT);
        Map<String, Object> second = environment().verification(healed, Optional.empty(), ReportJson.toMap(healed), ReportSamples.ACCOUNT);

        assertThat(status(first)).isEqualTo("SENT");
        assertThat(first.get("incident")).isInstanceOfSatisfying(Map.class, incident -> {
            assertThat(incident).containsEntry("status", "CLOSED").containsEntry("closedBy", "FOLLOW_UP")
                    .containsEntry("id", Snapshots.VPC_ID + "#1");
            assertThat((Long) incident.get("recoverySeconds")).isEqualTo(
                    Duration.between(ReportSamples.FAILED_AT, Instant.parse(healed.checkedAt())).toSeconds());
        });
        assertThat(status(second)).as("another environment's check of the same fix").isEqualTo("ALREADY_SENT");
        assertThat(metrics.toString(StandardCharsets.UTF_8)).contains("\"IncidentsClosed\":1", "\"IncidentRecoverySeconds\":");
    }

    @Test
    void aSweepCarriesTheOpenIncidentsAndOnceAMonthItsSummaryWhichIsToldEvenWhenAllIsCompliant() {
        task(environment(), TaskSample.NEEDS_A_PERSON.report(), ReportSamples.NOW.minusSeconds(60));
        SweepReport compliant = SweepSample.COMPLIANT.report();

        Map<String, Object> first = environment().sweep(compliant, ReportJson.toMap(compliant), ReportSamples.ACCOUNT);
        Map<String, Object> second = environment().sweep(compliant, ReportJson.toMap(compliant), ReportSamples.ACCOUNT);

        assertThat(first.get("monthlySummary")).extracting(s -> ((Map<?, ?>) s).get("month")).isEqualTo("2026-10");
        assertThat(status(first)).isEqualTo("SENT");
        assertThat(topic.published.get(topic.published.size() - 1).text()).contains("The month in review (2026-10)\n",
                "  0 incident(s), 0 recovered, 0 still open\n  No VPC broke more than once\n",
                "Incidents opened or closed by this sweep\n", "closed by a sweep that found the network serving");
        assertThat(second).doesNotContainKey("monthlySummary");
        assertThat(status(second)).isEqualTo("NOT_NEEDED");
        assertThat(first.get("openIncidents")).asList().as("its network serves now, closed by the first sweep").isEmpty();
        assertThat(first.get("incidents")).asList().singleElement().extracting(i -> ((Map<?, ?>) i).get("closedBy"))
                .isEqualTo("SWEEP");
    }

    @Test
    void theSweepsStoryToldWithTheMonthsSummaryCountsAsToldInEveryEnvironment() {
        SweepReport planned = SweepSample.PLANNED.report();
        ReportDispatch first = environment();

        Map<String, Object> withSummary = first.sweep(planned, ReportJson.toMap(planned), ReportSamples.ACCOUNT);
        Map<String, Object> elsewhere = environment().sweep(planned, ReportJson.toMap(planned), ReportSamples.ACCOUNT);
        table.failWith(InMemoryPorts.stillFailing("dynamodb:Query"));
        Map<String, Object> tableDown = first.sweep(planned, ReportJson.toMap(planned), ReportSamples.ACCOUNT);

        assertThat(withSummary).containsKey("monthlySummary");
        assertThat(status(withSummary)).isEqualTo("SENT");
        assertThat(status(elsewhere)).isEqualTo("ALREADY_SENT");
        assertThat(status(tableDown)).as("this environment told it").isEqualTo("ALREADY_SENT");
        assertThat(topic.published).hasSize(1);
    }

    @Test
    void eachMonthsSummaryIsToldEvenBySweepsLessThanAnHourApartAtTheTurnOfTheMonth() {
        SweepReport compliant = SweepSample.COMPLIANT.report();

        Map<String, Object> november = environment(Instant.parse("2026-11-30T23:40:00Z"))
                .sweep(compliant, ReportJson.toMap(compliant), ReportSamples.ACCOUNT);
        Map<String, Object> december = environment(Instant.parse("2026-12-01T00:10:00Z"))
                .sweep(compliant, ReportJson.toMap(compliant), ReportSamples.ACCOUNT);

        assertThat(List.of(november, december)).extracting(out -> (Object) ((Map<?, ?>) out.get("monthlySummary")).get("month"))
                .containsExactly("2026-10", "2026-11");
        assertThat(List.of(november, december)).extracting(ReportDispatchLedgerTest::status).containsOnly("SENT");
    }

    @Test
    void aSummaryWhoseMessageFailedIsGivenBackAndToldByTheNextSweep() {
        SweepReport compliant = SweepSample.COMPLIANT.report();
        topic.fail("publish", InMemoryPorts.refused("sns:Publish"));
        Map<String, Object> failed = environment().sweep(compliant, ReportJson.toMap(compliant), ReportSamples.ACCOUNT);
        topic.fail("publish", null);

        Map<String, Object> next = environment().sweep(compliant, ReportJson.toMap(compliant), ReportSamples.ACCOUNT);

        assertThat(status(failed)).isEqualTo("FAILED");
        assertThat(next).containsKey("monthlySummary");
        assertThat(status(next)).isEqualTo("SENT");
    }

    @Test
    void aSweepLeavesAFixAwaitingItsCheckOpenAndDoesNotListItAsOpenedOrClosed() {
        task(environment(), TaskSample.REMEDIATED.report(), ReportSamples.FAILED_AT);
        SweepReport compliant = SweepSample.COMPLIANT.report();

        Map<String, Object> out = environment().sweep(compliant, ReportJson.toMap(compliant), ReportSamples.ACCOUNT);

        assertThat(out).doesNotContainKey("incidents");
        assertThat(out.get("openIncidents")).asList().singleElement()
                .satisfies(open -> assertThat(((Map<?, ?>) open).get("id")).isEqualTo(Snapshots.VPC_ID + "#1"));
    }

    @Test
    void aNonCompliantSweepListsTheIncidentsStillOpen() {
        SweepReport planned = SweepSample.PLANNED.report();

        Map<String, Object> out = environment().sweep(planned, ReportJson.toMap(planned), ReportSamples.ACCOUNT);

        assertThat(out.get("openIncidents")).asList().singleElement().satisfies(open -> {
            assertThat(((Map<?, ?>) open).get("id")).isEqualTo(Snapshots.VPC_ID + "#1");
            assertThat(((Map<?, ?>) open).get("status")).isEqualTo("OPEN");
        });
        assertThat(metrics.toString(StandardCharsets.UTF_8)).contains("\"OpenIncidents\":1", "\"IncidentsOpened\":1");
    }

    @Test
    void withoutALedgerTheReportIsTodays() {
        ReportDispatch container = new ReportDispatch("RemediateFunction", ReportSamples.REGION, Optional.of(topic),
                Optional.of(topic), DELAY, Clock.fixed(ReportSamples.NOW, ZoneOffset.UTC), () -> new PrintStream(metrics, true, StandardCharsets.UTF_8));

        Map<String, Object> out = task(container, TaskSample.PLANNED.report(), ReportSamples.NOW);

        assertThat(out).doesNotContainKeys("incident", "ledger", "openIncidents");
        assertThat(metrics.toString(StandardCharsets.UTF_8)).doesNotContain("Incident", "Ledger");
    }

    private ReportDispatch environment() {
        return environment(ReportSamples.NOW);
    }

    /** An environment whose clock stands at {@code now}. */
    private ReportDispatch environment(Instant now) {
        return new ReportDispatch("RemediateFunction", ReportSamples.REGION, Optional.of(topic), Optional.of(topic), DELAY,
                Clock.fixed(now, ZoneOffset.UTC), () -> new PrintStream(metrics, true, StandardCharsets.UTF_8),
                RecoverySettings.on(), Optional.of(new IncidentLedger(table, Duration.ofDays(400))));
    }

    private static Map<String, Object> verification(ReportDispatch dispatch, VerificationReport report) {
        return dispatch.verification(report, Optional.empty(), ReportJson.toMap(report), ReportSamples.ACCOUNT);
    }

    /** The same check's report, made at {@code at}. */
    private static VerificationReport checkedAt(VerificationReport report, Instant at) {
        return new VerificationReport(report.verdict(), report.summary(), report.vpcId(), report.trigger(), report.failedAt(),
                at.toString(), report.check(), report.maxChecks(), report.recoverySeconds(), report.workloads(),
                report.remaining(), report.nextSteps(), report.error(), report.rejectedInput(), report.checksEndAt(),
                report.recoveries(), report.timeline());
    }

    private static Map<String, Object> task(ReportDispatch dispatch, TaskReport report, Instant failedAt) {
        return dispatch.task(report, ReportJson.toMap(report, Set.of(ReportSamples.ACCOUNT)), ReportSamples.ACCOUNT, failedAt);
    }

    private static Object status(Map<String, Object> out) {
        return ((Map<?, ?>) out.get("notification")).get("status");
    }
}
