package ecsvpce.core.estates;

import static ecsvpce.core.fixtures.CheckedCore.diagnose;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.CheckedCore.needs;
import static ecsvpce.core.fixtures.CheckedCore.plan;
import static ecsvpce.core.fixtures.Snapshots.TASK_SUBNET;
import static ecsvpce.core.fixtures.Snapshots.VPC_ID;
import static ecsvpce.core.fixtures.Snapshots.isolatedEmptyVpc;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static ecsvpce.core.fixtures.Tasks.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ecsvpce.core.EndpointService;
import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.fixtures.Estates;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.needs.TaskLaunch;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.plan.HeldBack;
import ecsvpce.core.plan.Plan;
import org.junit.jupiter.api.Test;

/** Who owns the VPC, how the subnet is addressed, and what the launch adds: Exec's key, FireLens. */
class OwnershipAndLaunchTest {

    @Test
    void aVpcSharedByAnotherAccountGetsNoChangeButTheOwnersChangesAreWrittenDown() {
        NetworkSnapshot shared = isolatedEmptyVpc().ownerId(Estates.HUB_ACCOUNT).build();

        Diagnosis diagnosis = diagnoseSeedTask(shared);
        Plan plan = plan(shared, diagnosis);

        assertThat(diagnosis.findings()).filteredOn(f -> f.code() == FindingCode.VPC_OWNED_BY_ANOTHER_ACCOUNT)
                .singleElement().satisfies(f -> assertThat(f.explanation()).contains("owned by account "
                        + Estates.HUB_ACCOUNT).contains("shared with " + Tasks.ACCOUNT));
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.heldBack()).extracting(HeldBack::reason).containsExactly(HeldBack.Reason.SHARED_VPC);
        assertThat(plan.unfixed()).hasSize(6)
                .allSatisfy(f -> assertThat(f.fix()).contains("aws ec2 create-vpc-endpoint --vpc-id " + VPC_ID));
    }

    @Test
    void aVpcOfTheTasksOwnAccountIsNotShared() {
        assertThat(diagnoseSeedTask(isolatedSeedVpc().build()).findings()).isEmpty();
    }

    @Test
    void anIpv6OnlySubnetIsReportedAndNoIpv4EndpointIsMadeThere() {
        NetworkSnapshot vpc = isolatedEmptyVpc().ipv6Native(TASK_SUBNET).build();

        Diagnosis diagnosis = diagnoseSeedTask(vpc);
        Plan plan = plan(vpc, diagnosis);

        assertThat(diagnosis.findings()).extracting(Finding::code).contains(FindingCode.IPV6_ONLY_SUBNET);
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.heldBack()).extracting(HeldBack::reason).containsExactly(HeldBack.Reason.IPV6_ONLY);
    }

    @Test
    void ecsExecWithACustomerKeyNeedsKmsBesideSsmMessages() {
        TaskLaunch exec = new TaskLaunch(Snapshots.REGION, "1.4.0", "Linux", true,
                "arn:aws:kms:ap-northeast-1:123456789012:key/0a1b");

        Diagnosis diagnosis = diagnose(needs(Tasks.seedDefinition(), exec), Snapshots.taskPlacement(),
                isolatedSeedVpc().build());

        assertThat(diagnosis.blocking()).extracting(Finding::code, Finding::service).containsExactlyInAnyOrder(
                tuple(FindingCode.ENDPOINT_MISSING, EndpointService.SSMMESSAGES),
                tuple(FindingCode.ENDPOINT_MISSING, EndpointService.KMS));
        assertThat(needs(Tasks.seedDefinition(), new TaskLaunch(Snapshots.REGION, "1.4.0", "Linux", false,
                "arn:aws:kms:ap-northeast-1:123456789012:key/0a1b")).services())
                .as("a key without Exec asks nothing").doesNotContain(EndpointService.KMS);
    }

    @Test
    void fireLensOutputsAreNamedButNotStartUpNeeds() {
        Diagnosis diagnosis = diagnose(needs(Tasks.definition(container("app").image(Tasks.ECR_IMAGE)
                        .logDriver("awsfirelens").logOption("Name", "kinesis_firehose")), Tasks.seedLaunch()),
                Snapshots.taskPlacement(), isolatedSeedVpc().build());

        assertThat(diagnosis.findings()).extracting(Finding::code).containsExactly(
                FindingCode.FIRELENS_OUTPUT_NEEDS_ENDPOINT);
        assertThat(diagnosis.findings().get(0).explanation()).contains("firehose").contains("not created");
    }
}
