package ecsvpce.report;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.ReportSamples;
import ecsvpce.app.ReportSamples.CheckSample;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** A follow-up check's readable report: the verdict, what was looked at in each subnet, and what remains. */
class VerificationTextTest {
    private static final String ORIGIN = "Account " + ReportSamples.ACCOUNT + ", Region " + ReportSamples.REGION;
    private static final String WHERE = " (" + ReportSamples.ACCOUNT + " " + ReportSamples.REGION + ")";
    private static final String SUBNET = Snapshots.TASK_SUBNET + " (ecr.dkr, ecr.api, s3, logs, ssm, secretsmanager): ";

    @ParameterizedTest
    @EnumSource(CheckSample.class)
    void everyFollowUpCheckOpensWithItsVerdict(CheckSample sample) {
        Map<String, Object> json = sample.json();

        String text = ReportText.of(json);

        assertThat(text).startsWith(json.get("verdict") + ": ").contains(ORIGIN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HEALED   | HEALED vpc-0a1b2c3d4e5f60001 (web)",
            "GONE     | GONE vpc-0a1b2c3d4e5f60001",
            "REJECTED | REJECTED"})
    void theSubjectNamesTheVerdictTheVpcAndItsServices(CheckSample sample, String subject) {
        assertThat(Readables.of(sample.json()).subject()).isEqualTo(subject + WHERE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HEALED        | the network serves every need; web runs 2 of 2",
            "PENDING       | endpoints still being created; web runs 0 of 2",
            "UNDONE        | blocking findings remain; web runs 0 of 2"})
    void eachSubnetCheckedSaysWhatItsNetworkAndServiceAreLike(CheckSample sample, String state) {
        assertThat(ReportText.of(sample.json())).contains("What was checked\n----------------\n  " + SUBNET + state + "\n");
    }

    @Test
    void aSubnetThatIsGoneAndAServiceEcsNoLongerKnowsAreSaidSoAndTheServiceIsNamedOnce() {
        Map<String, Object> json = new LinkedHashMap<>(CheckSample.HEALED.json());
        Map<String, Object> unknown = new LinkedHashMap<>(workload(json));
        unknown.remove("runningCount");
        unknown.remove("desiredCount");
        Map<String, Object> gone = new LinkedHashMap<>(unknown);
        gone.put("subnetId", "subnet-0deleted000");
        gone.put("network", "GONE");
        json.put("workloads", List.of(unknown, gone));

        Readable readable = Readables.of(json);

        assertThat(readable.subject()).startsWith("HEALED " + Snapshots.VPC_ID + " (web)" + WHERE);
        assertThat(ReportText.render(readable)).contains(SUBNET + "the network serves every need; web is no longer known to ECS",
                "subnet-0deleted000 (ecr.dkr, ecr.api, s3, logs, ssm, secretsmanager): the subnet no longer exists; "
                        + "web was not asked about");
    }

    @Test
    void theCheckSaysWhatItFollowsUpAndWhichCheckItIs() {
        assertThat(ReportText.of(CheckSample.PENDING.json())).contains("Follow-up check\n---------------\n  After changes for "
                + Tasks.TASK_ARN + ", failure seen at " + ReportSamples.FAILED_AT + "; checked at " + ReportSamples.NOW
                + " (check 1; checks end at 2026-11-30T10:30:00Z)\n");
    }

    @Test
    void aCheckThatDeployedAServiceSaysSoWithItsTimeline() {
        String text = ReportText.of(CheckSample.REDEPLOYED.json());

        assertThat(text).contains("Services\n--------\n  web: DEPLOYED, it runs 0 of 2 and ECS backs off after failed "
                        + "starts: one new deployment of the same task definition (ecs-svc/",
                "Timeline\n--------\n  2026-11-30T09:53:00Z  first failed start seen\n"
                        + "  2026-11-30T09:55:00Z  fix applied (+2m 00s)\n"
                        + "  2026-11-30T10:00:00Z  endpoints live (by this check) (+7m 00s)\n"
                        + "  2026-11-30T10:00:00Z  web: new deployment ecs-svc/");
    }

    @Test
    void theTimelineListsOnlyWhatHasHappenedSoFar() {
        Readable readable = Readables.of(CheckSample.REDEPLOYED.json());

        assertThat(readable.sections()).filteredOn(section -> section.heading().equals("Timeline")).singleElement()
                .satisfies(timeline -> assertThat(timeline.lines()).hasSize(4).last().asString()
                        .matches("2026-11-30T10:00:00Z  web: new deployment ecs-svc/[0-9]+ started \\(\\+7m 00s\\)"));
    }

    @Test
    void aDeploymentTheCircuitBreakerFailedGivesTheCommandToRollForward() {
        Readable readable = Readables.of(CheckSample.ROLL_FORWARD.json());

        assertThat(readable.headline()).startsWith("STILL_BROKEN: ").endsWith("; web needs rolling forward by hand");
        assertThat(readable.nextSteps()).singleElement().asString().contains("aws ecs update-service --region "
                + ReportSamples.REGION + " --cluster " + Tasks.CLUSTER_ARN + " --service web --task-definition "
                + Tasks.TASK_DEFINITION_ARN + " --force-new-deployment");
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
    void aRejectedMessageIsQuotedAndNothingElseIsClaimed() {
        String text = ReportText.of(CheckSample.REJECTED.json());

        assertThat(text).contains("Rejected message\n----------------\n  the message body is not JSON: Unexpected character ('h')\n")
                .doesNotContain("Follow-up check\n", "What was checked");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workload(Map<String, Object> json) {
        return ((List<Map<String, Object>>) json.get("workloads")).get(0);
    }
}
