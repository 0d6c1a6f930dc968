package ecsvpce.report;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.ReportSamples;
import ecsvpce.app.ReportSamples.SweepSample;
import ecsvpce.core.fixtures.Snapshots;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * A sweep's readable report: one word for the whole sweep, a section per VPC that needed anything,
 * what was not read or left alone, and what a person does next.
 */
class SweepTextTest {
    private static final String ORIGIN = "Account " + ReportSamples.ACCOUNT + ", Region " + ReportSamples.REGION;
    private static final String WHERE = " (" + ReportSamples.ACCOUNT + " " + ReportSamples.REGION + ")";

    @ParameterizedTest
    @EnumSource(SweepSample.class)
    void everySweepReportOpensWithItsLabelAndSummary(SweepSample sample) {
        Map<String, Object> json = sample.json();

        String text = ReportText.of(json);

        assertThat(text).startsWith("SWEEP ").contains((String) json.get("summary"), ORIGIN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FIXED          | SWEEP NON-COMPLIANT 1 of 1 service(s) non-compliant",
            "PLANNED        | SWEEP PLANNED 1 of 1 service(s) non-compliant",
            "NEEDS_A_PERSON | SWEEP NON-COMPLIANT 1 of 1 service(s) non-compliant",
            "COMPLIANT      | SWEEP COMPLIANT 0 of 1 service(s) non-compliant",
            "VPC_UNREADABLE | SWEEP INCOMPLETE 0 of 0 service(s) non-compliant, 1 VPC(s) failed",
            "FAILED         | SWEEP FAILED ecs:ListClusters was denied: grant it to the function...",
            "REJECTED       | SWEEP REJECTED rejected: unknown key 'cluster': a manual sweep tak..."})
    void theSubjectSaysHowTheSweepEndedAndHowManyServicesNeedAnything(SweepSample sample, String subject) {
        assertThat(Readables.of(sample.json()).subject()).isEqualTo(subject + WHERE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FIXED          | Applied does not mean healed yet: follow-up checks look at the endpoints",
            "PLANNED        | Nothing was changed (DRY_RUN). Make the changes above by hand",
            "NEEDS_A_PERSON | The findings under \"Needs a person\" are not something an endpoint fixes",
            "FAILED         | Grant ecs:ListClusters to the sweep function's role (template.yaml), then deploy again.",
            "VPC_UNREADABLE | Part of the fleet was not looked at"})
    void eachSweepThatAsksSomethingOfAPersonSaysWhat(SweepSample sample, String step) {
        assertThat(Readables.of(sample.json()).nextSteps()).singleElement().asString().startsWith(step);
    }

    @ParameterizedTest
    @EnumSource(value = SweepSample.class, names = {"COMPLIANT", "REJECTED"})
    void aCompliantOrRejectedSweepAsksNothing(SweepSample sample) {
        assertThat(Readables.of(sample.json()).nextSteps()).isEmpty();
    }

    @Test
    void aDryRunThatFoundNothingAsksNothing() {
        Map<String, Object> json = new LinkedHashMap<>(SweepSample.COMPLIANT.json());
        json.put("mode", Mode.DRY_RUN.name());

        assertThat(Readables.of(json).nextSteps()).isEmpty();
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

    @Test
    void aVpcThatCouldNotBeReadSaysWhy() {
        assertThat(ReportText.of(SweepSample.VPC_UNREADABLE.json())).contains("VPC " + Snapshots.VPC_ID + "\n",
                "  Error: ec2:DescribeVpcs was denied");
    }

    @Test
    void aRejectedPayloadIsQuoted() {
        assertThat(ReportText.of(SweepSample.REJECTED.json())).contains("Rejected payload\n----------------\n"
                + "  unknown key 'cluster': a manual sweep takes [clusters, vpcIds, dryRun]\n");
    }

    @Test
    void whatWasNotReadLeftAloneOrReachedAndTheChecksQueuedAreListed() {
        Map<String, Object> json = new LinkedHashMap<>(SweepSample.FIXED.json());
        json.put("unreadable", List.of(Map.of("resource", "arn:aws:ecs:ap-northeast-1:123456789012:cluster/batch",
                "services", "every service of the cluster", "reason", "ecs:ListServices was denied")));
        json.put("skipped", List.of(Map.of("resource", "vpc-0skipped", "reason", "VPC is tagged ecs-vpce-remediator:skip")));
        json.put("notReached", List.of("vpc-0late"));
        json.put("followUps", List.of(Map.of("status", "QUEUED", "vpcId", Snapshots.VPC_ID, "check", 1,
                "checkAt", "2026-11-30T10:05:00Z")));

        String text = ReportText.of(json);

        assertThat(text).contains("Not read\n--------\n  arn:aws:ecs:ap-northeast-1:123456789012:cluster/batch (every service "
                        + "of the cluster): ecs:ListServices was denied\n",
                "Left alone on purpose\n---------------------\n  vpc-0skipped: VPC is tagged ecs-vpce-remediator:skip\n",
                "Not reached in time\n-------------------\n  vpc-0late\n",
                "Follow-up check 1 of " + Snapshots.VPC_ID + " queued for 2026-11-30T10:05:00Z");
    }
}
