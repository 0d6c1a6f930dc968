package ecsvpce.core.estates;

import static ecsvpce.core.fixtures.CheckedCore.decide;
import static ecsvpce.core.fixtures.CheckedCore.diagnose;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.CheckedCore.needs;
import static ecsvpce.core.fixtures.Snapshots.DHCP_OPTIONS;
import static ecsvpce.core.fixtures.Snapshots.ROUTE_TABLE;
import static ecsvpce.core.fixtures.Snapshots.ROUTE_TABLE_C;
import static ecsvpce.core.fixtures.Snapshots.VPC_ID;
import static ecsvpce.core.fixtures.Snapshots.isolatedEmptyVpc;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static ecsvpce.core.fixtures.Snapshots.taskPlacement;
import static ecsvpce.core.fixtures.Tasks.container;
import static ecsvpce.core.fixtures.Tasks.seedFailedTask;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.Decision;
import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.diagnosis.Severity;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.network.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A default route whose NAT gateway is gone (route state blackhole) and DNS servers of the team's own
 * (docs/real-estates.md): each is named by the resource to change, with the change.
 */
class DeadRoutesAndCustomDnsTest {
    private static final String DEAD_NAT = "nat-0deadbeef00000001";
    private static final Route DEAD_DEFAULT = new Route("0.0.0.0/0", null, DEAD_NAT, false);

    @Test
    void aDefaultRouteToAGoneNatGatewayIsNoInternetPathAndIsNamedWithItsRouteTableAndGateway() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().route(ROUTE_TABLE, DEAD_DEFAULT).build());

        assertThat(diagnosis.internetPath()).isEmpty();
        assertThat(diagnosis.findings()).extracting(Finding::code).doesNotContain(FindingCode.INTERNET_PATH_PRESENT);
        assertThat(diagnosis.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.DEFAULT_ROUTE_BLACKHOLE);
            assertThat(f.severity()).as("the endpoints serve every start-up need").isEqualTo(Severity.ADVISORY);
            assertThat(f.resourceId()).isEqualTo(ROUTE_TABLE);
            assertThat(f.explanation()).contains(DEAD_NAT).contains("blackhole")
                    .contains("aws ec2 delete-route --route-table-id " + ROUTE_TABLE + " --destination-cidr-block 0.0.0.0/0");
            assertThat(f.fix()).isEqualTo("aws ec2 replace-route --route-table-id " + ROUTE_TABLE
                    + " --destination-cidr-block 0.0.0.0/0 --nat-gateway-id NAT_GATEWAY_ID");
        });
    }

    @Test
    void theChangePointsAtAWorkingNatGatewayTheVpcAlreadyRoutesTo() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().route(ROUTE_TABLE, DEAD_DEFAULT).withSubnetC()
                .route(ROUTE_TABLE_C, new Route("0.0.0.0/0", null, "nat-0live0000000002", true)).build());

        assertThat(diagnosis.findings()).singleElement().extracting(Finding::fix).isEqualTo("aws ec2 replace-route "
                + "--route-table-id " + ROUTE_TABLE + " --destination-cidr-block 0.0.0.0/0 --nat-gateway-id nat-0live0000000002");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "nat-0gone, nat-0live, --nat-gateway-id NAT_GATEWAY_ID, --nat-gateway-id nat-0live",
            "igw-0gone, igw-0live, --gateway-id INTERNET_GATEWAY_ID, --gateway-id igw-0live",
            "tgw-0gone, tgw-0live, --transit-gateway-id TRANSIT_GATEWAY_ID, --transit-gateway-id tgw-0live",
            "i-0gone, i-0live, --instance-id INSTANCE_ID, --instance-id i-0live",
            "eni-0gone, eni-0live, --network-interface-id NETWORK_INTERFACE_ID, --network-interface-id eni-0live",
            "vpce-0gone, vpce-0live, --vpc-endpoint-id VPC_ENDPOINT_ID, --vpc-endpoint-id vpce-0live",
            // a peering connection is no way to the internet: a NAT gateway is what restores one
            "pcx-0gone, pcx-0live, --nat-gateway-id NAT_GATEWAY_ID, --nat-gateway-id NAT_GATEWAY_ID"})
    void eachKindOfDeadTargetIsRestoredWithItsOwnOptionAndAWorkingOneOfItsKind(String dead, String live,
                                                                            String placeholder, String working) {
        Route deadRoute = new Route("0.0.0.0/0", null, dead, false);
        String alone = diagnoseSeedTask(isolatedSeedVpc().route(ROUTE_TABLE, deadRoute).build()).findings().get(0).fix();
        String beside = diagnoseSeedTask(isolatedSeedVpc().route(ROUTE_TABLE, deadRoute).withSubnetC()
                .route(ROUTE_TABLE_C, new Route("0.0.0.0/0", null, live, true)).build()).findings().get(0).fix();

        assertThat(alone).endsWith("--destination-cidr-block 0.0.0.0/0 " + placeholder);
        assertThat(beside).endsWith("--destination-cidr-block 0.0.0.0/0 " + working);
    }

    @Test
    void aWorkingTargetOfAnotherKindIsNoReplacement() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().route(ROUTE_TABLE, DEAD_DEFAULT).withSubnetC()
                .route(ROUTE_TABLE_C, new Route("0.0.0.0/0", null, "igw-0live", true)).build());

        assertThat(diagnosis.findings()).singleElement().extracting(Finding::fix).asString()
                .endsWith("--nat-gateway-id NAT_GATEWAY_ID");
    }

    @Test
    void whenTheTaskNeedsTheInternetTheDeadRouteBlocksAndCreateRouteIsNotTheFix() {
        Diagnosis diagnosis = diagnose(needs(Tasks.definition(container("app").image("quay.io/team/app:1")),
                Tasks.seedLaunch()), taskPlacement(), isolatedSeedVpc().route(ROUTE_TABLE, DEAD_DEFAULT).build());

        assertThat(diagnosis.blocking()).extracting(Finding::code).containsExactly(FindingCode.DEFAULT_ROUTE_BLACKHOLE,
                FindingCode.NEED_NOT_SERVABLE_BY_ENDPOINT);
        assertThat(diagnosis.blocking()).allSatisfy(f -> assertThat(f.fix()).startsWith("aws ec2 replace-route "
                + "--route-table-id " + ROUTE_TABLE).doesNotContain("create-route"));
    }

    @Test
    void withAWorkingNatGatewayWhatNoEndpointServesIsAdvisoryAndSaysWhatServesIt() {
        Diagnosis diagnosis = diagnose(needs(Tasks.definition(container("app").image("quay.io/team/app:1")),
                Tasks.seedLaunch()), taskPlacement(), isolatedSeedVpc().internetPath("nat-0live").build());

        assertThat(diagnosis.findings()).filteredOn(f -> f.code() == FindingCode.NEED_NOT_SERVABLE_BY_ENDPOINT)
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ADVISORY);
                    assertThat(f.explanation()).endsWith("(served through nat-0live)");
                    assertThat(f.fix()).isNull();
                });
    }

    @Test
    void theEndpointsAreStillMadeBesideTheDeadRoute() {
        Decision decision = decide(seedFailedTask(Tasks.SEED_STOPPED_REASON),
                isolatedEmptyVpc().route(ROUTE_TABLE, DEAD_DEFAULT).build());

        assertThat(decision.plan().heldBack()).isEmpty();
        assertThat(decision.plan().actions()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(decision.diagnosis().findings()).extracting(Finding::code).contains(FindingCode.DEFAULT_ROUTE_BLACKHOLE);
    }

    @Test
    void customDnsServersAreNamedByTheirOptionSetWithTheForwardingThatLetsPrivateDnsWork() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().dhcpOptions("dopt-0corp", "10.20.0.10", "10.20.1.10")
                .build());

        assertThat(diagnosis.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.CUSTOM_DNS_SERVERS);
            assertThat(f.severity()).isEqualTo(Severity.ADVISORY);
            assertThat(f.resourceId()).isEqualTo("dopt-0corp");
            assertThat(f.explanation()).contains("dopt-0corp").contains(VPC_ID).contains("[10.20.0.10, 10.20.1.10]")
                    .contains("VPC resolver 10.0.0.2");
            assertThat(f.fix()).contains("forward ap-northeast-1.amazonaws.com to the VPC resolver 10.0.0.2")
                    .contains("Resolver inbound endpoint").contains("Resolver outbound endpoint")
                    .contains("'Key=domain-name-servers,Values=AmazonProvidedDNS'")
                    .contains("aws ec2 associate-dhcp-options --dhcp-options-id $D --vpc-id " + VPC_ID);
        });
    }

    @Test
    void theVpcResolverIsThePrimaryBlocksBasePlusTwo() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().cidrBlocks("100.64.128.0/17", "10.0.0.0/16")
                .dhcpOptions("dopt-0corp", "10.20.0.10").build());

        assertThat(diagnosis.findings()).singleElement().extracting(Finding::explanation).asString()
                .endsWith("VPC resolver 100.64.128.2");
    }

    @Test
    void amazonsOwnDnsBesideAnotherServerStillCountsAsCustom() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().dhcpOptions(DHCP_OPTIONS, "AmazonProvidedDNS",
                "10.20.0.10").build());

        assertThat(diagnosis.findings()).extracting(Finding::resourceId).containsExactly(DHCP_OPTIONS);
        assertThat(diagnoseSeedTask(isolatedSeedVpc().dhcpOptions(DHCP_OPTIONS, "AmazonProvidedDNS").build())
                .findings()).isEmpty();
    }
}
