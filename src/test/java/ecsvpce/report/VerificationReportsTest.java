package ecsvpce.report;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.ReportSamples;
import ecsvpce.app.ReportSamples.CheckSample;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The follow-up check's report: its verdict, summary and the exact changes it asks of a person. */
class VerificationReportsTest {

    @Test
    void healedSaysHowLongTheRecoveryTookAtMostAndAsksNothing() {
        VerificationReport report = CheckSample.HEALED.report();

        assertThat(report.verdict()).isEqualTo(Verdict.HEALED);
        assertThat(report.recoverySeconds()).isEqualTo(420);
        assertThat(report.summary()).isEqualTo("healed: vpc-0a1b2c3d4e5f60001 serves every need; web runs 2 of 2, "
                + "7m 00s after the failure at the latest");
        assertThat(report.nextSteps()).isEmpty();
    }

    @Test
    void pendingSaysWhatItWaitsFor() {
        VerificationReport report = CheckSample.PENDING.report();

        assertThat(report.verdict()).isEqualTo(Verdict.PENDING);
        assertThat(report.summary()).isEqualTo("pending: endpoints still being created and services still below "
                + "their desired count; web runs 0 of 2 (check 1; checks end at 2026-11-30T10:30:00Z)");
        assertThat(report.recoverySeconds()).isNull();
    }

    @Test
    void aServiceStillDownAtTheEndOfTheChecksAfterItsNewDeploymentGetsTheCommandToSeeWhyNotAnotherDeployment() {
        VerificationReport report = CheckSample.NOT_RECOVERED.report();

        assertThat(report.verdict()).isEqualTo(Verdict.STILL_BROKEN);
        assertThat(report.remaining()).isEmpty();
        assertThat(report.recoveries()).singleElement().satisfies(r -> assertThat(r.status())
                .isEqualTo(RecoveryStatus.ALREADY_REDEPLOYED));
        assertThat(report.nextSteps()).singleElement().asString()
                .startsWith("Service web still runs 0 of 2 tasks after a new deployment since the fix")
                .contains("aws ecs describe-services --cluster " + Tasks.CLUSTER_ARN + " --services web")
                .doesNotContain("update-service");
    }

    @Test
    void aServiceNotRecoveredWithRecoveryOffGetsTheCommandToDeployAgainAndToSeeWhy() {
        VerificationReport report = VerificationReports.checked(new VerificationReports.Subject(Snapshots.VPC_ID,
                        Tasks.TASK_ARN, ReportSamples.FAILED_AT, 12, 80, ReportSamples.NOW), ReportSamples.NOW,
                CheckSample.NOT_RECOVERED.report().workloads(), List.of(), List.of(),
                new VerificationReports.Recovery(List.of(), null, false));

        assertThat(report.verdict()).isEqualTo(Verdict.STILL_BROKEN);
        assertThat(report.nextSteps()).singleElement().asString()
                .contains("aws ecs update-service --region ap-northeast-1 --cluster " + Tasks.CLUSTER_ARN
                                + " --service web --force-new-deployment",
                        "aws ecs describe-services --cluster " + Tasks.CLUSTER_ARN + " --services web");
    }

    @Test
    void anUndoneEndpointIsStillBrokenAtOnceAndNamesWhatTheProductWouldMakeAgain() {
        VerificationReport report = CheckSample.UNDONE.report();

        assertThat(report.verdict()).isEqualTo(Verdict.STILL_BROKEN);
        assertThat(report.check()).isEqualTo(1);
        assertThat(report.remaining()).extracting(f -> f.code().name()).containsExactly("ENDPOINT_MISSING");
        assertThat(report.nextSteps()).as("the service waits for its network first").singleElement().asString()
                .contains("create secretsmanager interface endpoint");
    }

    @Test
    void aGoneVpcAndARefusedReadAreTheirOwnVerdicts() {
        assertThat(CheckSample.GONE.report().verdict()).isEqualTo(Verdict.GONE);
        assertThat(CheckSample.GONE.report().summary()).isEqualTo("gone: VPC vpc-0a1b2c3d4e5f60001 no longer exists; nothing to check");
        assertThat(CheckSample.FAILED.report().verdict()).isEqualTo(Verdict.FAILED);
        assertThat(CheckSample.FAILED.report().nextSteps()).singleElement().asString().startsWith("Grant ec2:DescribeVpcs");
        assertThat(CheckSample.REJECTED.report().rejectedInput()).startsWith("the message body is not JSON");
    }

    @ParameterizedTest
    @CsvSource({"0, 0s", "59, 59s", "60, 1m 00s", "372, 6m 12s", "3599, 59m 59s", "3600, 1h 00m", "7500, 2h 05m"})
    void durationsReadAsPeopleSayThem(long seconds, String readable) {
        assertThat(VerificationReports.readable(seconds)).isEqualTo(readable);
    }
}
