package ecsvpce.report;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.EndpointService;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.diagnosis.Severity;
import ecsvpce.report.TaskReport.TaskSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the JSON a function returns and logs looks like, per kind of report. */
class ReportJsonTest {
    private static final String OWN = "123456789012";
    private static final String OTHER = "210987654321";
    private static final TaskSummary TASK = new TaskSummary("arn:aws:ecs:us-east-1:" + OWN + ":task/c/t",
            "arn:aws:ecs:us-east-1:" + OWN + ":cluster/c", "arn:td", "1.4.0", "us-east-1a", List.of("sg-1"), "orders");

    @Test
    void aSkippedReportSaysOnlyWhatItKnows() {
        Map<String, Object> json = ReportJson.toMap(TaskReport.skipped(Mode.DRY_RUN, "not ours", null), Set.of());

        assertThat(json).containsExactly(Map.entry("outcome", "SKIPPED"), Map.entry("mode", "DRY_RUN"),
                Map.entry("summary", "skipped: not ours"));
    }

    @Test
    void aFailedReportNamesTheActionAndKeepsTheTask() {
        ErrorSummary error = new ErrorSummary(ErrorSummary.Kind.ACCESS_DENIED, "ecs:DescribeTasks", "AccessDenied",
                "ecs:DescribeTasks was denied");
        Map<String, Object> json = ReportJson.toMap(new TaskReport.Failed(Mode.REMEDIATE, TASK, "subnet-1", error),
                Set.of(OWN));

        assertThat(json.keySet()).containsExactly("outcome", "mode", "summary", "task", "subnetId", "error");
        assertThat(json).containsEntry("outcome", "FAILED").containsEntry("summary", "ecs:DescribeTasks was denied");
        assertThat(json.get("error")).isEqualTo(Map.of("kind", "ACCESS_DENIED", "iamAction", "ecs:DescribeTasks",
                "code", "AccessDenied", "message", "ecs:DescribeTasks was denied"));
    }

    @Test
    void anExaminedReportNamesServicesAsAwsDoesAndLeavesDerivedValuesOut() {
        Finding finding = new Finding(FindingCode.ENDPOINT_MISSING, EndpointService.ECR_DKR, Severity.BLOCKING, null,
                "no ecr.dkr interface endpoint", null);
        TaskReport.Examined report = new TaskReport.Examined(Outcome.PLANNED, Mode.DRY_RUN, "dry run", TASK, "vpc-1",
                "subnet-1", new TaskReport.FailureSummary("NETWORK", EndpointService.ECR_DKR, "e", null, "reason"),
                List.of(new TaskReport.NeedSummary(EndpointService.ECR_DKR, List.of("image"))), List.of(),
                List.of(finding), List.of(new ActionReport("CREATE_INTERFACE_ENDPOINT", "create", ActionStatus.PLANNED,
                null, new BigDecimal("7.30"))), List.of(finding), List.of(), new BigDecimal("7.30"), null);

        Map<String, Object> json = ReportJson.toMap(report, Set.of(OWN));

        assertThat(json.keySet()).containsExactly("outcome", "mode", "summary", "task", "vpcId", "subnetId",
                "failure", "needs", "unservable", "findings", "actions", "unfixed", "notes", "monthlyCostUsd");
        assertThat(json.get("failure")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("class", "NETWORK").containsEntry("service", "ecr.dkr").doesNotContainKey("missingIamAction");
        assertThat(json.get("findings")).asList().singleElement().isEqualTo(Map.of("code", "ENDPOINT_MISSING",
                "service", "ecr.dkr", "severity", "BLOCKING", "explanation", "no ecr.dkr interface endpoint"));
        assertThat(json.get("actions")).asList().singleElement().isEqualTo(Map.of("type", "CREATE_INTERFACE_ENDPOINT",
                "description", "create", "status", "PLANNED", "monthlyCostUsd", new BigDecimal("7.30")));
    }

    @Test
    void everyTextIsRedactedOnceWhateverFieldItIsIn() {
        String presigned = "https://bucket.s3.amazonaws.com/layer?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=abc123";
        TaskReport report = TaskReport.skipped(Mode.REMEDIATE, "the task did not fail to start (stop reason: '"
                + presigned + " in arn:aws:ecs:us-east-1:" + OTHER + ":task/x')", new TaskSummary(
                "arn:aws:ecs:us-east-1:" + OTHER + ":task/c/t", null, null, null, null, List.of(), null));

        Map<String, Object> json = ReportJson.toMap(report, Set.of(OWN));

        String text = json.toString();
        assertThat(text).doesNotContain("AKIAEXAMPLE", "abc123", OTHER)
                .contains("X-Amz-Credential=REDACTED", "X-Amz-Signature=REDACTED", "<other-account>");
    }

    @Test
    void aSweepsReportLeavesAccountIdsAsTheyAreButStillRedactsCredentials() {
        SweepReport report = new SweepReport.Rejected(Mode.REMEDIATE,
                "unknown key 'arn:aws:ecs:us-east-1:" + OTHER + ":x?X-Amz-Signature=abc123'");

        Map<String, Object> json = ReportJson.toMap(report);

        assertThat(json.keySet()).containsExactly("mode", "summary", "rejectedInput");
        assertThat(json.toString()).contains(OTHER).doesNotContain("abc123");
    }

    @Test
    void aTextLongerThanTheLimitIsCutSoTheLogLineStaysOneEvent() {
        String huge = "x".repeat(ReportJson.TEXT_LIMIT + 500);

        Map<String, Object> json = ReportJson.toMap(TaskReport.skipped(Mode.REMEDIATE, huge, null), Set.of());

        assertThat((String) json.get("summary")).hasSize(ReportJson.TEXT_LIMIT + "... (509 more characters)".length())
                .endsWith("... (509 more characters)");
    }

    @Test
    void aTextOfExactlyTheLimitIsKeptWhole() {
        String limit = "skipped: " + "y".repeat(ReportJson.TEXT_LIMIT - "skipped: ".length());

        Map<String, Object> json = ReportJson.toMap(TaskReport.skipped(Mode.REMEDIATE,
                limit.substring("skipped: ".length()), null), Set.of());

        assertThat(json.get("summary")).isEqualTo(limit);
    }

    @Test
    void theLogIsOneJsonLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportJson.log(ReportJson.toMap(TaskReport.skipped(Mode.REMEDIATE, "line one\nline two", null), Set.of()),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "{\"outcome\":\"SKIPPED\",\"mode\":\"REMEDIATE\",\"summary\":\"skipped: line one\\nline two\"}"
                        + System.lineSeparator());
    }
}
