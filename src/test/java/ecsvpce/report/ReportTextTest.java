package ecsvpce.report;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.ReportSamples;
import ecsvpce.app.ReportSamples.CheckSample;
import ecsvpce.app.ReportSamples.SweepSample;
import ecsvpce.app.ReportSamples.TaskSample;
import ecsvpce.core.failure.Redaction;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The readable report of every outcome, made from the report's JSON form as the functions return it:
 * what failed, why, what changed (with ids), what it costs, what needs a person and what to do.
 */
class ReportTextTest {
    private static final String ORIGIN = "Account " + ReportSamples.ACCOUNT + ", Region " + ReportSamples.REGION;

    @ParameterizedTest
    @EnumSource(TaskSample.class)
    void everyTaskReportOpensWithItsOutcomeAndWhereItCameFrom(TaskSample sample) {
        Map<String, Object> json = sample.json();
        String outcome = (String) json.get("outcome");

        Readable readable = Readables.of(json);
        String text = ReportText.render(readable);

        assertThat(text).startsWith(outcome + ": ").contains(ORIGIN + ", mode " + json.get("mode"));
        assertThat(readable.subject()).startsWith(outcome).endsWith("(" + ReportSamples.ACCOUNT + " " + ReportSamples.REGION + ")")
                .hasSizeLessThan(100);
        assertThat(readable.labels()).containsExactly(Map.entry("outcome", outcome),
                Map.entry("account", ReportSamples.ACCOUNT), Map.entry("region", ReportSamples.REGION));
        assertThat(readable.keywords()).containsExactly(outcome, ReportSamples.ACCOUNT, ReportSamples.REGION);
    }

    @Test
    void aRemediationSaysWhatChangedWithItsIdsWhatItCostsAndThatHealingIsStillToBeSeen() {
        String text = ReportText.of(TaskSample.REMEDIATED.json());

        assertThat(text).contains("Task: " + Tasks.TASK_ARN, "Service: web in ",
                "Class: NETWORK (secretsmanager)", "Needs at start-up: ecr.dkr, ecr.api, s3, logs, ssm, secretsmanager",
                "What changed", "Adds 36.50 USD a month");
        for (int id = 0; id < 7; id++) {
            assertThat(text).contains("APPLIED res-" + id + " create ");
        }
        assertThat(text).contains("Applied does not mean healed yet", "aws ecs describe-services --cluster "
                + Tasks.CLUSTER_ARN + " --services web");
    }

    @Test
    void aDryRunSaysNothingChangedAndHowToLetItChange() {
        String text = ReportText.of(TaskSample.PLANNED.json());

        assertThat(text).contains("What would change (dry run, nothing was changed)", "PLANNED create secretsmanager",
                "Would add 36.50 USD a month", "RemediationMode=REMEDIATE").doesNotContain("APPLIED");
    }

    @Test
    void whatNeedsAPersonIsListedOnceWithTheChangeToMake() {
        String text = ReportText.of(TaskSample.NEEDS_A_PERSON.json());

        assertThat(text).contains("Needs a person", "TASK_SG_EGRESS_BLOCKS_443 secretsmanager",
                "change the task's own egress rules").doesNotContain("What changed");
        assertThat(text.split("TASK_SG_EGRESS_BLOCKS_443 secretsmanager", -1)).as("each finding once").hasSize(2);
    }

    @Test
    void whatTheProductCouldNotVerifyIsLeftToAPersonWithTheGrantThatLetsItCheck() {
        String text = ReportText.of(TaskSample.UNVERIFIED.json());

        assertThat(text).contains("Needs a person", "UNVERIFIED DNS_ZONES_UNREADABLE (" + Snapshots.VPC_ID + ")",
                "change: grant the function route53:ListHostedZonesByVPC");
        assertThat(text.split("UNVERIFIED DNS_ZONES_UNREADABLE", -1)).as("listed once, not under Findings too").hasSize(2);
    }

    @Test
    void aFailureThatIsNotTheNetworkNamesTheMissingPermission() {
        String text = ReportText.of(TaskSample.NOT_NETWORK.json());

        assertThat(text).contains("Class: PERMISSION", "The task's role lacks secretsmanager:GetSecretValue",
                "The stop reason is not a missing endpoint");
    }

    @Test
    void aRefusedChangeSaysWhatWasAppliedWhatNotAndWhatToGrant() {
        String text = ReportText.of(TaskSample.FAILED_WHILE_APPLYING.json());

        assertThat(text).contains("APPLIED res-0 create security group", "NOT_APPLIED create secretsmanager",
                "Stopped by: ec2:CreateVpcEndpoint was denied", "Grant ec2:CreateVpcEndpoint to the function's role");
    }

    @ParameterizedTest
    @EnumSource(value = TaskSample.class, names = {"NOTHING_TO_DO", "OPTED_OUT", "NOT_OURS"})
    void nothingToDoAndSkipsAskNothingOfAnybody(TaskSample sample) {
        assertThat(Readables.of(sample.json()).nextSteps()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SweepSample.class)
    void everySweepReportOpensWithItsLabelAndSummary(SweepSample sample) {
        Map<String, Object> json = sample.json();

        String text = ReportText.of(json);

        assertThat(text).startsWith("SWEEP ").contains((String) json.get("summary"), ORIGIN);
    }

    @Test
    void aSweepListsTheServicesAndChangesOfEachVpcThatNeededAny() {
        String fixed = ReportText.of(SweepSample.FIXED.json());
        String compliant = ReportText.of(SweepSample.COMPLIANT.json());
        String person = ReportText.of(SweepSample.NEEDS_A_PERSON.json());

        assertThat(fixed).contains("VPC vpc-0a1b2c3d4e5f60001", "FIXED web in subnet-0private0a", "APPLIED res-1 create ",
                "Cost: 36.50 USD a month");
        assertThat(compliant).contains("Compliant", "1 VPC(s): vpc-0a1b2c3d4e5f60001").doesNotContain("VPC vpc-");
        assertThat(person).contains("NOT_FIXABLE_BY_ENDPOINTS web", "Needs a person: BLOCKING TASK_SG_EGRESS_BLOCKS_443");
    }

    @ParameterizedTest
    @EnumSource(CheckSample.class)
    void everyFollowUpCheckOpensWithItsVerdict(CheckSample sample) {
        Map<String, Object> json = sample.json();

        String text = ReportText.of(json);

        assertThat(text).startsWith(json.get("verdict") + ": ").contains(ORIGIN);
    }

    @Test
    void aHealedServiceSaysHowLongRecoveryTookAtMost() {
        String text = ReportText.of(CheckSample.HEALED.json());

        assertThat(text).contains("web runs 2 of 2", "Running again within 7m 00s of the failure");
    }

    @Test
    void somethingUndoneSaysWhatTheProductWouldMakeAgainAndTheCommandToDoItNow() {
        Readable readable = Readables.of(CheckSample.UNDONE.json());

        assertThat(ReportText.render(readable)).contains("BLOCKING ENDPOINT_MISSING secretsmanager");
        assertThat(readable.nextSteps()).singleElement().asString()
                .contains("create secretsmanager interface endpoint", "--payload '{\"vpcIds\":[\"vpc-0a1b2c3d4e5f60001\"]}'");
    }

    @Test
    void aSubjectStaysUnderAHundredPrintableCharactersWhateverTheNames() {
        Map<String, Object> json = new LinkedHashMap<>(TaskSample.REMEDIATED.json());
        Map<String, Object> task = new LinkedHashMap<>(castMap(json.get("task")));
        task.put("serviceName", "a-service-with-a-very-long-name\nand-a-line-break-".repeat(8));
        json.put("task", task);

        String subject = Readables.of(json).subject();

        assertThat(subject).hasSizeLessThan(100).doesNotContain("\n")
                .endsWith("... (" + ReportSamples.ACCOUNT + " " + ReportSamples.REGION + ")");
    }

    @Test
    void longListsAreCutWithACount() {
        assertThat(Readables.capped(IntStream.range(0, 25).mapToObj(i -> "line " + i).toList()))
                .hasSize(Readables.LIST_LIMIT + 1).last().asString().startsWith("... and 5 more");
    }

    @Test
    void theTextShowsWhatTheLogLineShowsRedactedOnce() {
        String other = "444455556666";
        String presigned = "https://layers.s3.amazonaws.com/x?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=0badc0ffee";
        TaskReport report = TaskReport.skipped(Mode.REMEDIATE, "the task did not fail to start (stop reason: '" + presigned
                + " from arn:aws:iam::" + other + ":role/x')", null);
        Map<String, Object> json = ReportJson.toMap(report, Set.of(ReportSamples.ACCOUNT));

        Readable readable = Readables.of(json);

        for (String rendered : List.of(ReportText.render(readable), ChatNotification.json(readable))) {
            assertThat(rendered).doesNotContain("AKIAEXAMPLE", "0badc0ffee", other)
                    .contains("X-Amz-Signature=REDACTED", Redaction.OTHER_ACCOUNT);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
