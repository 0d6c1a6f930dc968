package ecsvpce.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.app.ReportSamples;
import ecsvpce.app.ReportSamples.CheckSample;
import ecsvpce.app.ReportSamples.SweepSample;
import ecsvpce.app.ReportSamples.TaskSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Embedded metric format lines, parsed back as CloudWatch Logs reads them: each declares its
 * namespace, dimensions and metrics, and carries every value it declares.
 */
class MetricLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(TaskSample.class)
    void everyLineIsValidEmbeddedMetricFormat(TaskSample sample) throws Exception {
        for (String text : MetricLines.of(sample.json(), "RemediateFunction", ReportSamples.NOW)) {
            JsonNode line = JSON.readTree(text);
            JsonNode aws = line.path("_aws");
            assertThat(aws.path("Timestamp").asLong()).isEqualTo(ReportSamples.NOW.toEpochMilli());
            assertThat(aws.path("CloudWatchMetrics")).hasSize(1);
            JsonNode directive = aws.path("CloudWatchMetrics").path(0);
            assertThat(directive.path("Namespace").asText()).isEqualTo(MetricLines.NAMESPACE);
            assertThat(directive.path("Dimensions")).hasSize(1);
            directive.path("Dimensions").path(0).forEach(key -> assertThat(line.path(key.asText()).isTextual())
                    .as("dimension %s in %s", key, text).isTrue());
            assertThat(directive.path("Metrics")).isNotEmpty().allSatisfy(metric -> {
                assertThat(line.path(metric.path("Name").asText()).isNumber()).as("%s in %s", metric, text).isTrue();
                assertThat(metric.path("Unit").asText()).isEqualTo(metric.path("Name").asText().equals("MonthlyCostAddedUsd")
                        ? "None" : "Count");
            });
        }
    }

    @Test
    void aRemediationCountsItsOutcomeClassFindingsChangesEndpointsAndCost() throws Exception {
        Map<String, JsonNode> lines = byDimensions(MetricLines.of(TaskSample.REMEDIATED.json(), "RemediateFunction",
                ReportSamples.NOW));

        JsonNode totals = lines.get("Function=RemediateFunction");
        assertThat(totals.path("ActionsApplied").asInt()).isEqualTo(7);
        assertThat(totals.path("EndpointsCreated").asInt()).isEqualTo(6);
        assertThat(totals.path("ActionsFailed").asInt()).isZero();
        assertThat(totals.path("MonthlyCostAddedUsd").decimalValue()).isEqualByComparingTo("36.50");
        assertThat(lines.get("Function=RemediateFunction,Outcome=REMEDIATED").path("Reports").asInt()).isEqualTo(1);
        assertThat(lines.get("FailureClass=NETWORK").path("StartFailures").asInt()).isEqualTo(1);
        assertThat(lines.get("FindingCode=ENDPOINT_MISSING").path("Findings").asInt()).isEqualTo(6);
        assertThat(lines).hasSize(4);
    }

    @Test
    void aDryRunAddsNoCostAndARefusedChangeCountsWhatWasNotApplied() throws Exception {
        JsonNode planned = byDimensions(MetricLines.of(TaskSample.PLANNED.json(), "RemediateFunction", ReportSamples.NOW))
                .get("Function=RemediateFunction");
        JsonNode failed = byDimensions(MetricLines.of(TaskSample.FAILED_WHILE_APPLYING.json(), "RemediateFunction",
                ReportSamples.NOW)).get("Function=RemediateFunction");

        assertThat(planned.path("ActionsApplied").asInt()).isZero();
        assertThat(planned.path("MonthlyCostAddedUsd").decimalValue()).isEqualByComparingTo("0");
        assertThat(failed.path("ActionsApplied").asInt()).isEqualTo(1);
        assertThat(failed.path("ActionsFailed").asInt()).isEqualTo(6);
    }

    @Test
    void aSweepCountsItsServicesByStatus() throws Exception {
        JsonNode totals = byDimensions(MetricLines.of(SweepSample.NEEDS_A_PERSON.json(), "SweepFunction", ReportSamples.NOW))
                .get("Function=SweepFunction");

        assertThat(totals.path("ServicesChecked").asInt()).isEqualTo(1);
        assertThat(totals.path("NonCompliantServices").asInt()).isEqualTo(1);
        assertThat(totals.path("NotFixableServices").asInt()).isEqualTo(1);
        assertThat(totals.path("FixedServices").asInt()).isZero();
    }

    @Test
    void aCheckCountsTheServicesItDeployedAgain() throws Exception {
        JsonNode redeployed = byDimensions(MetricLines.of(CheckSample.REDEPLOYED.json(), "VerifyFunction", ReportSamples.NOW))
                .get("Function=VerifyFunction");
        JsonNode waiting = byDimensions(MetricLines.of(CheckSample.PENDING.json(), "VerifyFunction", ReportSamples.NOW))
                .get("Function=VerifyFunction");

        assertThat(redeployed.path("ServicesRedeployed").asInt()).isEqualTo(1);
        assertThat(waiting.path("ServicesRedeployed").asInt()).isZero();
    }

    @Test
    void aVerdictCountsAndTimesTheRecovery() throws Exception {
        JsonNode verdict = byDimensions(MetricLines.of(CheckSample.HEALED.json(), "VerifyFunction", ReportSamples.NOW))
                .get("Function=VerifyFunction,Verdict=HEALED");

        assertThat(verdict.path("Verifications").asInt()).isEqualTo(1);
        assertThat(verdict.path("RecoverySeconds").asLong()).isEqualTo(420);
        assertThat(verdict.path("_aws").path("CloudWatchMetrics").path(0).path("Metrics"))
                .extracting(metric -> metric.path("Name").asText() + " " + metric.path("Unit").asText())
                .containsExactly("Verifications Count", "RecoverySeconds Seconds");
    }

    @Test
    void aSweepCountsTheChangesOfEveryVpcAndTheFindingsOfEveryService() throws Exception {
        Map<String, JsonNode> lines = byDimensions(MetricLines.of(SweepSample.FIXED.json(), "SweepFunction", ReportSamples.NOW));

        JsonNode totals = lines.get("Function=SweepFunction");
        assertThat(totals.path("ActionsApplied").asInt()).isEqualTo(7);
        assertThat(totals.path("EndpointsCreated").asInt()).isEqualTo(6);
        assertThat(totals.path("MonthlyCostAddedUsd").decimalValue()).isEqualByComparingTo("36.50");
        assertThat(lines.get("FindingCode=ENDPOINT_MISSING").path("Findings").asInt()).isEqualTo(6);
    }

    @Test
    void aNotificationNotSentAgainIsCountedAsSuppressedAndEachFollowUpByWhatBecameOfIt() throws Exception {
        Map<String, Object> json = new LinkedHashMap<>(SweepSample.FIXED.json());
        json.put("notification", Map.of("status", "ALREADY_SENT", "sentAt", "2026-11-30T09:30:00Z"));
        json.put("followUps", List.of(Map.of("status", "QUEUED"), Map.of("status", "FAILED"), Map.of("status", "QUEUED")));

        JsonNode totals = byDimensions(MetricLines.of(json, "SweepFunction", ReportSamples.NOW)).get("Function=SweepFunction");

        assertThat(totals.path("NotificationsSuppressed").asInt()).isEqualTo(1);
        assertThat(totals.path("NotificationsSent").asInt()).isZero();
        assertThat(totals.path("NotificationsFailed").asInt()).isZero();
        assertThat(totals.path("FollowUpsQueued").asInt()).isEqualTo(2);
        assertThat(totals.path("FollowUpsFailed").asInt()).isEqualTo(1);
    }

    @Test
    void whatBecameOfTheNotificationAndTheFollowUpIsCounted() throws Exception {
        Map<String, Object> json = new LinkedHashMap<>(TaskSample.REMEDIATED.json());
        json.put("notification", Map.of("status", "FAILED", "error", "sns:Publish was denied"));
        json.put("followUp", Map.of("status", "QUEUED"));

        JsonNode totals = byDimensions(MetricLines.of(json, "RemediateFunction", ReportSamples.NOW))
                .get("Function=RemediateFunction");

        assertThat(totals.path("NotificationsFailed").asInt()).isEqualTo(1);
        assertThat(totals.path("NotificationsSent").asInt()).isZero();
        assertThat(totals.path("FollowUpsQueued").asInt()).isEqualTo(1);
    }

    @Test
    void theLedgersIncidentsAreCountedByWhatBecameOfThemAndEachClosedOneIsTimed() throws Exception {
        Map<String, Object> json = new LinkedHashMap<>(SweepSample.PLANNED.json());
        json.put("incidents", List.of(Map.of("id", "vpc-1#1", "status", "OPENED"),
                Map.of("id", "vpc-2#3", "status", "CLOSED", "recoverySeconds", 540, "closedBy", "SWEEP"),
                Map.of("id", "vpc-3#1", "status", "CLOSED", "closedBy", "GONE")));
        json.put("openIncidents", List.of(Map.of("id", "vpc-1#1", "status", "OPEN")));
        json.put("ledger", Map.of("status", "FAILED", "errors", List.of("dynamodb:Query was throttled")));

        List<String> lines = MetricLines.of(json, "SweepFunction", ReportSamples.NOW);
        JsonNode totals = JSON.readTree(lines.get(0));

        assertThat(totals.path("IncidentsOpened").asInt()).isEqualTo(1);
        assertThat(totals.path("IncidentsClosed").asInt()).isEqualTo(2);
        assertThat(totals.path("OpenIncidents").asInt()).isEqualTo(1);
        assertThat(totals.path("LedgerFailures").asInt()).isEqualTo(1);
        assertThat(lines).filteredOn(line -> line.contains("IncidentRecoverySeconds")).as("one line per timed closed incident")
                .singleElement().satisfies(line -> assertThat(JSON.readTree(line).path("IncidentRecoverySeconds").asLong())
                        .isEqualTo(540));
    }

    /** Each line by its dimensions, {@code Key=value,...}. */
    private static Map<String, JsonNode> byDimensions(List<String> lines) throws Exception {
        Map<String, JsonNode> byDimensions = new LinkedHashMap<>();
        for (String text : lines) {
            JsonNode line = JSON.readTree(text);
            List<String> dimensions = new ArrayList<>();
            line.path("_aws").path("CloudWatchMetrics").path(0).path("Dimensions").path(0)
                    .forEach(key -> dimensions.add(key.asText() + "=" + line.path(key.asText()).asText()));
            byDimensions.put(String.join(",", dimensions), line);
        }
        return byDimensions;
    }
}
