package ecsvpce.report;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.ReportSamples;
import ecsvpce.app.ReportSamples.SweepSample;
import ecsvpce.app.ReportSamples.TaskSample;
import ecsvpce.core.fixtures.Snapshots;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a readable report says from the ledger (docs/ledger.md#reading-it): the incident a task or check
 * belongs to, the incidents a sweep opened or closed and those still open, the month in review, and what
 * the ledger could not do, each before what became of the notice.
 */
class RecordSectionsTest {
    private static final String INCIDENT = Snapshots.VPC_ID + "#2";
    private static final String FAILED_AT = "2026-11-30T09:53:00Z";

    @Test
    void aTasksIncidentIsShownBeforeWhatBecameOfItsNoticeWithFiveOfItsWorkloads() {
        Map<String, Object> json = TaskSample.REMEDIATED.json();
        json.put("incident", incident(true, workloads(7)));

        String text = ReportText.of(json);

        assertThat(text).contains("Incident\n--------\n  " + INCIDENT + ": open since " + FAILED_AT + ", 3 failed start(s), "
                + "fix applied at 2026-11-30T10:00:00Z; prod/svc-1, prod/svc-2, prod/svc-3, prod/svc-4, prod/svc-5 and 2 more\n");
        assertThat(text.indexOf("Incident\n")).isLessThan(text.indexOf("Follow-up and notification\n"));
        json.put("incident", incident(true, workloads(5)));
        assertThat(ReportText.of(json)).contains("prod/svc-4, prod/svc-5\n");
    }

    @ParameterizedTest
    @CsvSource({"45, 45 s", "59, 59 s", "60, 1 min", "61, 1 min 1 s", "432, 7 min 12 s", "3599, 59 min 59 s", "3600, 1 h",
            "3659, 1 h", "3660, 1 h 1 min", "7500, 2 h 5 min", "90000, 25 h"})
    void aHealedIncidentSaysHowLongItTookInWordsAPersonReads(long seconds, String took) {
        Map<String, Object> json = TaskSample.REMEDIATED.json();
        Map<String, Object> incident = incident(false, workloads(1));
        incident.put("healedAt", "2026-11-30T12:00:00Z");
        incident.put("recoverySeconds", seconds);
        incident.put("closedBy", "FOLLOW_UP");
        json.put("incident", incident);

        assertThat(ReportText.of(json)).contains("  " + INCIDENT + ": from " + FAILED_AT + ", 3 failed start(s), fix applied at "
                + "2026-11-30T10:00:00Z, healed at 2026-11-30T12:00:00Z (" + took + " after the first failure), closed by the "
                + "follow-up check; prod/svc-1\n");
    }

    @Test
    void aSweepListsWhatItOpenedOrClosedWhatIsStillOpenAndTheMonthInReview() {
        Map<String, Object> json = SweepSample.COMPLIANT.json();
        Map<String, Object> closed = incident(false, workloads(1));
        closed.put("closedBy", "SWEEP");
        json.put("incidents", List.of(closed));
        json.put("openIncidents", List.of(incident(true, List.of("prod/api"))));
        json.put("monthlySummary", summary(List.of("vpc-a (2)", "vpc-b (3)")));

        String text = ReportText.of(json);

        assertThat(text).contains(
                "Incidents opened or closed by this sweep\n----------------------------------------\n  " + INCIDENT
                        + ": from " + FAILED_AT + ", 3 failed start(s), fix applied at 2026-11-30T10:00:00Z, closed by a sweep "
                        + "that found the network serving; prod/svc-1\n",
                "Open incidents\n--------------\n  " + INCIDENT + ": open since " + FAILED_AT + ", 3 failed start(s), fix "
                        + "applied at 2026-11-30T10:00:00Z; prod/api\n",
                "The month in review (2026-10)\n-----------------------------\n"
                        + "  4 incident(s), 3 recovered: median 10 min, worst 30 min to recovery, 1 still open\n"
                        + "  VPCs that broke more than once: vpc-a (2), vpc-b (3)\n"
                        + "  Created: 2 endpoint(s), 3 change(s) in all, adding 21.90 USD a month\n");
    }

    @Test
    void whatTheLedgerCouldNotDoIsSaid() {
        Map<String, Object> json = TaskSample.PLANNED.json();
        json.put("ledger", Map.of("status", "FAILED", "errors", List.of("claim: dynamodb:PutItem still failing"),
                "skipped", List.of(Snapshots.VPC_ID + "#3: format 2, this version reads 1")));

        assertThat(ReportText.of(json)).contains("Ledger\n------\n  Not recorded (told anyway): claim: dynamodb:PutItem still "
                + "failing\n  Skipped, unreadable: " + Snapshots.VPC_ID + "#3: format 2, this version reads 1\n");
    }

    @Test
    void aReportWithoutALedgerHasNoneOfItsSections() {
        String text = ReportText.of(TaskSample.REMEDIATED.json());

        assertThat(text).doesNotContain("Incident", "The month in review", "Ledger\n");
    }

    /** A sweep that found no Fargate service still carries the month, and the month comes before its notice. */
    @Test
    void anEmptyFleetsSweepShowsTheMonthBeforeWhatBecameOfItsNotice() {
        SweepReport nothing = SweepReports.swept(Mode.REMEDIATE, 0, List.of(), List.of(), List.of(), List.of());
        Map<String, Object> json = new LinkedHashMap<>(ReportJson.toMap(nothing));
        json.put("account", ReportSamples.ACCOUNT);
        json.put("region", ReportSamples.REGION);
        json.put("monthlySummary", summary(List.of()));
        json.put("notification", Map.of("status", "SENT", "messageId", "message-1"));

        String text = ReportText.of(json);

        assertThat(text).contains("  No VPC broke more than once\n");
        assertThat(text.indexOf("The month in review")).isPositive().isLessThan(text.indexOf("Follow-up and notification"));
    }

    private static Map<String, Object> incident(boolean open, List<String> workloads) {
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("id", INCIDENT);
        incident.put("status", open ? "UPDATED" : "CLOSED");
        incident.put("open", open);
        incident.put("firstFailureAt", FAILED_AT);
        incident.put("failedStarts", 3);
        incident.put("fixAppliedAt", "2026-11-30T10:00:00Z");
        incident.put("workloads", workloads);
        incident.put("changes", 7);
        return incident;
    }

    private static List<String> workloads(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> "prod/svc-" + n).toList();
    }

    private static Map<String, Object> summary(List<String> brokenMoreThanOnce) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("month", "2026-10");
        summary.put("incidents", 4);
        summary.put("stillOpen", 1L);
        summary.put("recovered", 3);
        summary.put("medianRecoverySeconds", 600L);
        summary.put("worstRecoverySeconds", 1800L);
        summary.put("vpcsBrokenMoreThanOnce", brokenMoreThanOnce);
        summary.put("endpointsCreated", 2);
        summary.put("changesApplied", 3);
        summary.put("monthlyCostAddedUsd", new BigDecimal("21.90"));
        return summary;
    }
}
