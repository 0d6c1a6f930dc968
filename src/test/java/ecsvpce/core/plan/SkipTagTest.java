package ecsvpce.core.plan;

import static ecsvpce.core.EndpointService.LOGS;
import static ecsvpce.core.fixtures.CheckedCore.diagnose;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.CheckedCore.needs;
import static ecsvpce.core.fixtures.CheckedCore.plan;
import static ecsvpce.core.fixtures.Snapshots.ROUTE_TABLE_C;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_C;
import static ecsvpce.core.fixtures.Snapshots.TASK_SUBNET;
import static ecsvpce.core.fixtures.Snapshots.VPC_ID;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static ecsvpce.core.fixtures.Snapshots.placementIn;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.network.NetworkSnapshot;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A VPC or subnet tagged ecs-vpce-remediator:skip is diagnosed and reported, never changed. */
class SkipTagTest {
    private static final Map<String, String> SKIP = Map.of(ResourceTags.SKIP, "true");

    @Test
    void aVpcTaggedSkipGetsNoActionWhateverItLacks() {
        NetworkSnapshot snapshot = isolatedSeedVpc().withoutEndpoint(LOGS).dnsHostnames(false).vpcTags(SKIP).build();

        Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.unfixed()).isNotEmpty();
        assertThat(plan.optedOut(VPC_ID, TASK_SUBNET)).isTrue();
        assertThat(plan.heldBack()).singleElement().asString().contains(VPC_ID).contains(ResourceTags.SKIP);
    }

    @Test
    void aSubnetTaggedSkipIsLeftAloneWhileItsUntaggedNeighbourIsFixed() {
        NetworkSnapshot snapshot = isolatedSeedVpc().withSubnetC().withoutEndpoint(LOGS)
                .subnetTags(TASK_SUBNET, SKIP).build();
        Diagnosis skipped = diagnoseSeedTask(snapshot);
        Diagnosis neighbour = diagnose(needs(Tasks.seedDefinition(), Tasks.seedLaunch()), placementIn(SUBNET_C), snapshot);

        Plan plan = plan(snapshot, skipped, neighbour);

        assertThat(plan.actions()).filteredOn(CreateInterfaceEndpoint.class::isInstance).singleElement()
                .satisfies(create -> assertThat(((CreateInterfaceEndpoint) create).subnetIds()).containsExactly(SUBNET_C));
        assertThat(plan.actions()).filteredOn(AddRouteTableToGateway.class::isInstance).singleElement()
                .satisfies(add -> assertThat(((AddRouteTableToGateway) add).routeTableId()).isEqualTo(ROUTE_TABLE_C));
        assertThat(plan.optedOut(VPC_ID, TASK_SUBNET)).isTrue();
        assertThat(plan.optedOut(VPC_ID, SUBNET_C)).isFalse();
    }

    @Test
    void withoutTheTagTheSameGapsArePlanned() {
        NetworkSnapshot snapshot = isolatedSeedVpc().withoutEndpoint(LOGS).dnsHostnames(false).build();

        assertThat(plan(snapshot, diagnoseSeedTask(snapshot)).actions()).isNotEmpty();
    }
}
