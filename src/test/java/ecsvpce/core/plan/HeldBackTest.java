package ecsvpce.core.plan;

import static ecsvpce.core.EndpointService.LOGS;
import static ecsvpce.core.EndpointService.SECRETSMANAGER;
import static ecsvpce.core.fixtures.CheckedCore.diagnose;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.CheckedCore.needs;
import static ecsvpce.core.fixtures.CheckedCore.onlyAction;
import static ecsvpce.core.fixtures.CheckedCore.plan;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_C;
import static ecsvpce.core.fixtures.Snapshots.TASK_SUBNET;
import static ecsvpce.core.fixtures.Snapshots.VPC_CIDR;
import static ecsvpce.core.fixtures.Snapshots.isolatedEmptyVpc;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static ecsvpce.core.fixtures.Tasks.container;
import static ecsvpce.core.fixtures.Tasks.definition;
import static ecsvpce.core.fixtures.Tasks.launch;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.fixtures.Rules;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.network.NetworkSnapshot;
import org.junit.jupiter.api.Test;

/** What the planner holds back, and the blocking findings it leaves for a person. */
class HeldBackTest {
    @Test
    void aSubnetWithAnInternetPathIsHeldBack() {
        NetworkSnapshot snapshot = isolatedSeedVpc().withoutEndpoint(LOGS).internetPath("nat-0abc").build();
        Diagnosis diagnosis = diagnoseSeedTask(snapshot);

        Plan plan = plan(snapshot, diagnosis);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.heldBack()).singleElement().asString().contains(TASK_SUBNET).contains("nat-0abc");
        assertThat(plan.unfixed()).as("the path serves what the endpoint would: nothing blocks").isEmpty();
    }

    @Test
    void aSubnetWithAnInternetPathIsRemediatedWhenTheSettingSaysSo() {
        NetworkSnapshot snapshot = isolatedSeedVpc().withoutEndpoint(LOGS).internetPath("igw-0abc").build();

        Plan plan = plan(snapshot, new PlanSettings(true, PlanSettings.US_EAST_1_USD_PER_AZ_HOUR),
                diagnoseSeedTask(snapshot));

        assertThat(onlyAction(plan, CreateInterfaceEndpoint.class).service()).isEqualTo(LOGS);
        assertThat(plan.heldBack()).isEmpty();
    }

    @Test
    void anInternetPathWithNothingBlockingHoldsNothingBack() {
        NetworkSnapshot snapshot = isolatedSeedVpc().internetPath("nat-0abc").build();

        Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.heldBack()).isEmpty();
        assertThat(plan.unfixed()).isEmpty();
    }

    @Test
    void anEndpointNotAvailableIsLeftForAPerson() {
        NetworkSnapshot snapshot = isolatedSeedVpc().endpoint(SECRETSMANAGER, e -> e.state("pendingAcceptance")).build();

        Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.unfixed()).extracting(Finding::code).containsExactly(FindingCode.ENDPOINT_NOT_AVAILABLE);
    }

    @Test
    void anEndpointBeingDeletedIsNotReplacedWhileItHoldsThePrivateDnsName() {
        NetworkSnapshot snapshot = isolatedSeedVpc().endpoint(SECRETSMANAGER, e -> e.state("deleting")).build();

        Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.unfixed()).extracting(Finding::code).containsExactly(FindingCode.ENDPOINT_NOT_AVAILABLE);
    }

    @Test
    void theTasksOwnEgressIsNeverChanged() {
        NetworkSnapshot snapshot = isolatedSeedVpc().taskEgress(Rules.tcp443FromCidr(VPC_CIDR)).build();

        Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.unfixed()).extracting(Finding::code).containsExactly(FindingCode.TASK_SG_EGRESS_BLOCKS_443);
    }

    @Test
    void anUnservableNeedIsLeftForAPerson() {
        NetworkSnapshot snapshot = isolatedSeedVpc().build();
        Diagnosis diagnosis = diagnose(needs(definition(container("app").image("public.ecr.aws/nginx/nginx")),
                launch("1.4.0")), Snapshots.taskPlacement(), snapshot);

        Plan plan = plan(snapshot, diagnosis);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.unfixed()).extracting(Finding::code).containsExactly(FindingCode.NEED_NOT_SERVABLE_BY_ENDPOINT);
    }

    @Test
    void advisoryFindingsPlanNothing() {
        NetworkSnapshot snapshot = isolatedSeedVpc().withSubnetC().dnsServers("10.0.0.2", "192.0.2.53")
                .endpoint(LOGS, e -> e.subnets(SUBNET_C)).build();
        Diagnosis diagnosis = diagnoseSeedTask(snapshot);
        assertThat(diagnosis.findings()).extracting(Finding::code).containsExactlyInAnyOrder(
                FindingCode.CUSTOM_DNS_SERVERS, FindingCode.ENDPOINT_NOT_IN_TASK_AZ);

        Plan plan = plan(snapshot, diagnosis);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.unfixed()).isEmpty();
        assertThat(plan.heldBack()).isEmpty();
    }

    @Test
    void noDiagnosesNoPlan() {
        Plan plan = plan(isolatedEmptyVpc().build());

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.monthlyCostUsd()).isEqualByComparingTo("0");
    }
}
