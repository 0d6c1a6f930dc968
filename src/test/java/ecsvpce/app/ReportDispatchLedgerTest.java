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
        return new ReportDispatch("RemediateFunction", ReportSamples.REGION, Optional.of(topic), Optional.of(topic), DELAY,
                Clock.fixed(ReportSamples.NOW, ZoneOffset.UTC), () -> new PrintStream(metrics, true, StandardCharsets.UTF_8),
                RecoverySettings.on(), Optional.of(new IncidentLedger(table, Duration.ofDays(400))));
    }

    private static Map<String, Object> task(ReportDispatch dispatch, TaskReport report, Instant failedAt) {
        return dispatch.task(report, ReportJson.toMap(report, Set.of(ReportSamples.ACCOUNT)), ReportSamples.ACCOUNT, failedAt);
    }

    private static Object status(Map<String, Object> out) {
        return ((Map<?, ?>) out.get("notification")).get("status");
    }
}
