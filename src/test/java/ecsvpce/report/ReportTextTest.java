package ecsvpce.report;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.ReportSamples;
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
 * The readable report of a stopped task, each way it can end, made from the report's JSON form as the
 * function returns it: what failed, why, what changed (with ids), what it costs, what needs a person
 * and what to do; and what every readable report shares (subject, long lists, redaction). Sweeps:
 * {@link SweepTextTest}; follow-up checks: {@link VerificationTextTest}.
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
    void aRemediationSaysWhatFailedWhereAndWhatWasFound() {
        String text = ReportText.of(TaskSample.REMEDIATED.json());

        assertThat(text).contains("What failed\n-----------\n  Task: " + Tasks.TASK_ARN + "\n  Service: web in " + Tasks.CLUSTER_ARN
                        + "\n  Task definition: " + Tasks.TASK_DEFINITION_ARN + "\n  Subnet: " + Snapshots.TASK_SUBNET + " in "
                        + Snapshots.VPC_ID + " (" + Snapshots.TASK_AZ + ")\n",
                "  Stop reason: ResourceInitializationError: unable to pull secrets or registry auth",
                // The cause first: the endpoint the stop reason points at.
                "Findings\n--------\n  BLOCKING ENDPOINT_MISSING secretsmanager: no secretsmanager interface endpoint in "
                        + Snapshots.VPC_ID + "\n  BLOCKING ENDPOINT_MISSING ecr.dkr: no ecr.dkr interface endpoint in "
                        + Snapshots.VPC_ID + "\n");
    }

    @Test
    void aChangeShowsItsMonthlyCostOnlyWhenItHasOne() {
        String text = ReportText.of(TaskSample.REMEDIATED.json());

        assertThat(text).contains("[subnet-0private0a] with private DNS and security group ecs-vpce-remediator-endpoints "
                        + "(created by this plan) (7.30 USD a month)\n",
                "APPLIED res-0 create security group ecs-vpce-remediator-endpoints in " + Snapshots.VPC_ID
                        + " admitting TCP 443 from [10.0.0.0/16]\n");
    }

    @Test
    void aStandaloneTaskIsNamedByItsIdAndCluster() {
        Readable readable = Readables.of(TaskSample.STANDALONE.json());

        assertThat(readable.subject()).startsWith("REMEDIATED " + Tasks.TASK_ARN.substring(Tasks.TASK_ARN.lastIndexOf('/') + 1)
                + " in " + Snapshots.VPC_ID + " (");
        assertThat(ReportText.render(readable)).contains("  Cluster: " + Tasks.CLUSTER_ARN + "\n").doesNotContain("Service: ");
    }

    @Test
    void aLongStopReasonIsCutAndWhatNoEndpointServesIsSaid() {
        Map<String, Object> json = new LinkedHashMap<>(TaskSample.REMEDIATED.json());
        Map<String, Object> failure = new LinkedHashMap<>(castMap(json.get("failure")));
        json.put("failure", failure);
        json.put("unservable", List.of("container 'app' reaches sts.amazonaws.com, which no endpoint here serves"));

        failure.put("stoppedReason", "x".repeat(600));
        String whole = ReportText.of(json);
        failure.put("stoppedReason", "x".repeat(601));
        String cut = ReportText.of(json);

        assertThat(whole).contains("  Stop reason: " + "x".repeat(600) + "\n",
                "  No endpoint serves: container 'app' reaches sts.amazonaws.com");
        assertThat(cut).contains("  Stop reason: " + "x".repeat(600) + "...\n");
    }

    @Test
    void nextStepsComeLastUnderTheirHeading() {
        assertThat(ReportText.of(TaskSample.REMEDIATED.json())).contains("\nNext steps\n----------\n  - Applied does not mean "
                + "healed yet");
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

        assertThat(text).contains("Needs a person", "change: grant the function route53:ListHostedZonesByVPC");
        assertThat(text.lines()).as("the finding names its VPC").anySatisfy(line -> assertThat(line)
                .contains("UNVERIFIED DNS_ZONES_UNREADABLE").contains(Snapshots.VPC_ID));
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
    void aSubjectThatJustFitsIsKeptWhole() {
        Map<String, Object> json = new LinkedHashMap<>(TaskSample.REMEDIATED.json());
        Map<String, Object> task = new LinkedHashMap<>(castMap(json.get("task")));
        json.put("task", task);
        String rest = "REMEDIATED  in " + Snapshots.VPC_ID + " (" + ReportSamples.ACCOUNT + " " + ReportSamples.REGION + ")";
        task.put("serviceName", "s".repeat(Readables.SUBJECT_LIMIT - rest.length()));

        assertThat(Readables.of(json).subject()).hasSize(Readables.SUBJECT_LIMIT).doesNotContain("...");
    }

    @Test
    void longListsAreCutWithACount() {
        assertThat(Readables.capped(IntStream.range(0, 25).mapToObj(i -> "line " + i).toList()))
                .hasSize(Readables.LIST_LIMIT + 1).last().asString().startsWith("... and 5 more");
        assertThat(Readables.capped(IntStream.range(0, Readables.LIST_LIMIT).mapToObj(i -> "line " + i).toList()))
                .as("a list that just fits").hasSize(Readables.LIST_LIMIT).last().isEqualTo("line 19");
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
