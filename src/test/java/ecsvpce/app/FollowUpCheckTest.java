package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ecsvpce.app.ReportSamples.CheckSample;
import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.FollowUp;
import ecsvpce.app.port.ServiceState;
import ecsvpce.core.EndpointService;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.report.Mode;
import ecsvpce.report.Verdict;
import ecsvpce.report.VerificationReport;
import ecsvpce.report.VerificationReport.NetworkState;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The follow-up check over in-memory ports: what it reads, and the verdict it gives. */
class FollowUpCheckTest {
    private final InMemoryPorts aws = new InMemoryPorts();

    @Test
    void aHealedVpcAndServiceEndTheChecks() {
        FollowUpCheck.Checked checked = CheckSample.HEALED.checked();

        assertThat(checked.report().verdict()).isEqualTo(Verdict.HEALED);
        assertThat(checked.again()).isEmpty();
        assertThat(checked.report().workloads()).singleElement().satisfies(w -> {
            assertThat(w.network()).isEqualTo(NetworkState.SERVES);
            assertThat(w.runningCount()).isEqualTo(2);
        });
    }

    @Test
    void aPendingVerdictAsksForTheNextCheckAndTheLastCheckDoesNot() {
        assertThat(CheckSample.PENDING.checked().again()).hasValueSatisfying(next -> {
            assertThat(next.check()).isEqualTo(2);
            assertThat(next.workloads()).isEqualTo(ReportSamples.followUp(1).workloads());
        });
        assertThat(CheckSample.NOT_RECOVERED.checked().again()).isEmpty();
    }

    @Test
    void theServicesOwnGroupsAreUsedWhenTheMessageHasNone() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().taskEgress().build());
        aws.serviceStates.put(Tasks.CLUSTER_ARN + "/web", new ServiceState(0, 1, List.of(Snapshots.TASK_SG)));

        VerificationReport report = check(ReportSamples.followUp(1)).report();

        assertThat(report.verdict()).isEqualTo(Verdict.STILL_BROKEN);
        assertThat(report.remaining()).extracting(f -> f.code().name()).containsOnly("TASK_SG_EGRESS_BLOCKS_443");
        assertThat(report.nextSteps()).isNotEmpty().allSatisfy(step -> assertThat(step)
                .startsWith("TASK_SG_EGRESS_BLOCKS_443 " + Snapshots.TASK_SG + ": the task's security groups"));
        assertThat(aws.calls).containsExactly("snapshot:" + Snapshots.VPC_ID, "states:" + Tasks.CLUSTER_ARN);
    }

    @Test
    void aSubnetThatNoLongerExistsIsGoneAndTheOthersAreStillChecked() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().build());
        aws.serviceStates.put(Tasks.CLUSTER_ARN + "/web", new ServiceState(1, 1, List.of(Snapshots.TASK_SG)));
        FollowUp followUp = new FollowUp(Snapshots.VPC_ID, "scheduled-sweep", ReportSamples.FAILED_AT, ReportSamples.NOW, 1,
                List.of(new FollowUp.Workload("subnet-0deleted000", List.of(EndpointService.LOGS), List.of(), null, null),
                        ReportSamples.followUp(1).workloads().get(0)));

        VerificationReport report = check(followUp).report();

        assertThat(report.workloads()).extracting(VerificationReport.WorkloadCheck::network)
                .containsExactly(NetworkState.GONE, NetworkState.SERVES);
        assertThat(report.verdict()).isEqualTo(Verdict.HEALED);
    }

    @Test
    void aServiceEcsNoLongerKnowsIsNotWaitedFor() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().build());

        VerificationReport report = check(ReportSamples.followUp(1)).report();

        assertThat(report.verdict()).isEqualTo(Verdict.HEALED);
        assertThat(report.workloads().get(0).runningCount()).isNull();
        assertThat(report.summary()).isEqualTo("healed: " + Snapshots.VPC_ID + " serves every need, 7m 00s after the "
                + "failure at the latest");
    }

    @Test
    void aStandaloneTaskIsCheckedByItsNetworkAloneAndNoServiceIsRead() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().build());

        VerificationReport report = check(ReportSamples.followUp(1, workload(Snapshots.TASK_SUBNET, null))).report();

        assertThat(report.verdict()).isEqualTo(Verdict.HEALED);
        assertThat(aws.calls).containsExactly("snapshot:" + Snapshots.VPC_ID);
    }

    @Test
    void eachServiceIsJudgedByItsOwnCountAndOneWhoseSubnetIsGoneIsNotWaitedFor() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().build());
        aws.serviceStates.put(Tasks.CLUSTER_ARN + "/web", new ServiceState(2, 2, List.of(Snapshots.TASK_SG)));
        aws.serviceStates.put(Tasks.CLUSTER_ARN + "/api", new ServiceState(0, 2, List.of(Snapshots.TASK_SG)));

        VerificationReport report = check(ReportSamples.followUp(1, workload(Snapshots.TASK_SUBNET, "web"),
                workload("subnet-0deleted000", "api"))).report();

        assertThat(report.workloads()).extracting(VerificationReport.WorkloadCheck::runningCount).containsExactly(2, null);
        assertThat(report.verdict()).isEqualTo(Verdict.HEALED);
    }

    @Test
    void whenEverySubnetCheckedIsGoneNothingIsLeftToCheck() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().build());

        VerificationReport report = check(ReportSamples.followUp(1, workload("subnet-0deleted000", null))).report();

        assertThat(report.verdict()).isEqualTo(Verdict.GONE);
        assertThat(report.summary()).isEqualTo("gone: the subnets checked in " + Snapshots.VPC_ID + " no longer exist; "
                + "nothing to check");
    }

    @Test
    void aServiceInTwoSubnetsThatDoesNotRecoverIsAskedAboutOnce() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().withSubnetA2().build());
        aws.serviceStates.put(Tasks.CLUSTER_ARN + "/web", new ServiceState(0, 2, List.of(Snapshots.TASK_SG)));

        VerificationReport report = check(ReportSamples.followUp(FollowUpCheck.MAX_CHECKS,
                workload(Snapshots.TASK_SUBNET, "web"), workload(Snapshots.SUBNET_A2, "web"))).report();

        assertThat(report.verdict()).isEqualTo(Verdict.STILL_BROKEN);
        assertThat(report.summary()).endsWith(": services still below their desired count; web runs 0 of 2");
        assertThat(report.nextSteps()).singleElement().asString().startsWith("Service web still runs 0 of 2 tasks");
    }

    @Test
    void aTransientFailureEscapesSoTheQueueDeliversTheCheckAgain() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().build());
        aws.fail("states:" + Tasks.CLUSTER_ARN, InMemoryPorts.stillFailing("ecs:DescribeServices"));

        assertThatThrownBy(() -> check(ReportSamples.followUp(1))).isInstanceOf(CallFailure.StillFailing.class);
    }

    /** A workload of the seed's needs in {@code subnetId}, of service {@code serviceName} or of a standalone task (null). */
    private static FollowUp.Workload workload(String subnetId, String serviceName) {
        return new FollowUp.Workload(subnetId, ReportSamples.SEED_NEEDS, serviceName == null ? List.of(Snapshots.TASK_SG)
                : List.of(), serviceName == null ? null : Tasks.CLUSTER_ARN, serviceName);
    }

    private FollowUpCheck.Checked check(FollowUp followUp) {
        return new FollowUpCheck(aws, aws, aws, RecoverySettings.on(), new Settings(Mode.REMEDIATE, PlanSettings.defaults()),
                Clock.fixed(ReportSamples.NOW, ZoneOffset.UTC)).check(followUp);
    }
}
