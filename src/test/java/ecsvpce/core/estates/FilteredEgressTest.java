package ecsvpce.core.estates;

import static ecsvpce.core.fixtures.CheckedCore.decide;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.Snapshots.ROUTE_TABLE;
import static ecsvpce.core.fixtures.Snapshots.isolatedEmptyVpc;
import static ecsvpce.core.fixtures.Tasks.seedFailedTask;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.Decision;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.plan.HeldBack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A default route through a firewall, an appliance or a central egress VPC (docs/real-estates.md):
 * AWS services are reached through it, so its filtering is the likelier cause, and endpoints with
 * private DNS would take the VPC's AWS traffic out of its inspection: none are made.
 */
class FilteredEgressTest {
    private static final String FIREWALL_ENDPOINT = "vpce-0f1re0a11000000001";

    @Test
    void aDefaultRouteToAFirewallEndpointMakesNoEndpointAndNamesWhatItMustLetThrough() {
        Decision decision = decide(seedFailedTask(Tasks.SEED_STOPPED_REASON),
                isolatedEmptyVpc().internetPath(FIREWALL_ENDPOINT).build());

        assertThat(decision.plan().actions()).isEmpty();
        assertThat(decision.plan().heldBack()).singleElement().satisfies(held -> {
            assertThat(held.reason()).isEqualTo(HeldBack.Reason.INTERNET_PATH);
            assertThat(held.explanation()).contains("what " + FIREWALL_ENDPOINT + " filters")
                    .contains("out of " + FIREWALL_ENDPOINT + "'s path");
        });
        assertThat(decision.diagnosis().findings()).filteredOn(f -> f.code() == FindingCode.INTERNET_PATH_PRESENT)
                .singleElement().satisfies(f -> {
                    assertThat(f.resourceId()).isEqualTo(ROUTE_TABLE);
                    assertThat(f.explanation()).contains(FIREWALL_ENDPOINT).contains("a firewall")
                            .contains("api.ecr.ap-northeast-1.amazonaws.com", "*.dkr.ecr.ap-northeast-1.amazonaws.com",
                                    "prod-ap-northeast-1-starport-layer-bucket.s3.ap-northeast-1.amazonaws.com",
                                    "secretsmanager.ap-northeast-1.amazonaws.com")
                            .contains("out of its path");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tgw-0egress", "i-0appliance", "eni-0appliance", FIREWALL_ENDPOINT})
    void whatMayFilterOnTheWayIsNamedAsTheLikelierCause(String target) {
        assertThat(internetPathFinding(target).explanation()).contains(target).contains("what it filters")
                .doesNotContain("reachable without endpoints");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"igw-0public", "nat-0shared"})
    void aGatewayThatForwardsEverythingPointsAtGroupsAclsAndDns(String target) {
        assertThat(internetPathFinding(target).explanation()).contains(target)
                .contains("reachable without endpoints").doesNotContain("filters");
    }

    private static Finding internetPathFinding(String target) {
        return diagnoseSeedTask(isolatedEmptyVpc().internetPath(target).build()).findings().stream()
                .filter(f -> f.code() == FindingCode.INTERNET_PATH_PRESENT).findFirst().orElseThrow();
    }
}
