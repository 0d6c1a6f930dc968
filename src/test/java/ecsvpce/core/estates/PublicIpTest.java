package ecsvpce.core.estates;

import static ecsvpce.core.fixtures.CheckedCore.decide;
import static ecsvpce.core.fixtures.CheckedCore.diagnose;
import static ecsvpce.core.fixtures.CheckedCore.needs;
import static ecsvpce.core.fixtures.Snapshots.ROUTE_TABLE;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_C;
import static ecsvpce.core.fixtures.Snapshots.TASK_SG;
import static ecsvpce.core.fixtures.Snapshots.TASK_SUBNET;
import static ecsvpce.core.fixtures.Snapshots.isolatedEmptyVpc;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static ecsvpce.core.fixtures.Tasks.container;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.Decision;
import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.diagnosis.Severity;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.OwningService;
import ecsvpce.core.network.PublicIp;
import ecsvpce.core.network.TaskPlacement;
import ecsvpce.core.plan.CreateInterfaceEndpoint;
import ecsvpce.core.plan.HeldBack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A task ECS gives no public IP in a subnet whose default route goes to an internet gateway
 * (docs/real-estates.md#an-internet-gateway-without-a-public-ip): the gateway serves it nothing, so
 * the subnet is as isolated as one without a route, and the change is the public IP, a NAT gateway
 * or the endpoints.
 */
class PublicIpTest {
    private static final String GATEWAY = "igw-0public000000001";
    private static final OwningService WEB = new OwningService(Tasks.CLUSTER_ARN, "web", List.of(TASK_SUBNET, SUBNET_C));
    private static final String ENABLE_PUBLIC_IP = "aws ecs update-service --cluster " + Tasks.CLUSTER_ARN
            + " --service web --network-configuration \"awsvpcConfiguration={subnets=[" + TASK_SUBNET + "," + SUBNET_C
            + "],securityGroups=[" + TASK_SG + "],assignPublicIp=ENABLED}\"";

    @Test
    void anInternetGatewayIsNoPathForATaskWithoutAPublicIpSoTheEndpointsAreMade() {
        Decision decision = decide(Tasks.failedTask(Tasks.SEED_STOPPED_REASON, Tasks.seedDefinition(), Tasks.seedLaunch(),
                placement(PublicIp.NOT_ASSIGNED, WEB)), isolatedEmptyVpc().internetPath(GATEWAY).build());

        assertThat(decision.diagnosis().internetPath()).isEmpty();
        assertThat(decision.plan().heldBack()).isEmpty();
        assertThat(decision.plan().actions()).filteredOn(CreateInterfaceEndpoint.class::isInstance).isNotEmpty();
        assertThat(decision.diagnosis().findings()).extracting(Finding::code)
                .doesNotContain(FindingCode.INTERNET_PATH_PRESENT);
        assertThat(decision.diagnosis().findings())
                .filteredOn(f -> f.code() == FindingCode.INTERNET_GATEWAY_WITHOUT_PUBLIC_IP).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ADVISORY);
                    assertThat(f.resourceId()).isEqualTo(ROUTE_TABLE);
                    assertThat(f.explanation()).contains(GATEWAY).contains("no public IP")
                            .contains("reaches nothing through it").contains("endpoints")
                            .contains("assignPublicIp=ENABLED").contains("NAT gateway");
                    assertThat(f.fix()).startsWith(ENABLE_PUBLIC_IP + " (or ").contains("NAT gateway");
                });
    }

    @Test
    void withoutItsServiceTheChangeIsTheNetworkConfigurationARunTaskOrTemplateTakes() {
        Finding finding = gatewayFinding(diagnoseSeedTask(placement(PublicIp.NOT_ASSIGNED, null)));

        assertThat(finding.fix()).startsWith("--network-configuration \"awsvpcConfiguration={subnets=[" + TASK_SUBNET
                        + "],securityGroups=[" + TASK_SG + "],assignPublicIp=ENABLED}\" on aws ecs run-task")
                .contains("AssignPublicIp: ENABLED").doesNotContain("update-service");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PublicIp.class, names = {"ASSIGNED", "UNKNOWN"})
    void aTaskThatHasOrMayHaveAPublicIpReachesTheInternetThroughTheGateway(PublicIp publicIp) {
        Decision decision = decide(Tasks.failedTask(Tasks.SEED_STOPPED_REASON, Tasks.seedDefinition(), Tasks.seedLaunch(),
                placement(publicIp, WEB)), isolatedEmptyVpc().internetPath(GATEWAY).build());

        assertThat(decision.diagnosis().internetPath()).contains(GATEWAY);
        assertThat(decision.plan().actions()).isEmpty();
        assertThat(decision.plan().heldBack()).extracting(HeldBack::reason).containsExactly(HeldBack.Reason.INTERNET_PATH);
        assertThat(decision.diagnosis().findings()).extracting(Finding::code)
                .contains(FindingCode.INTERNET_PATH_PRESENT).doesNotContain(FindingCode.INTERNET_GATEWAY_WITHOUT_PUBLIC_IP);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nat-0shared", "tgw-0egress", "vpce-0firewall", "i-0appliance", "eni-0appliance"})
    void everyOtherTargetTranslatesOrForwardsForTheTaskWithoutAPublicIp(String target) {
        Diagnosis diagnosis = diagnoseSeedTask(placement(PublicIp.NOT_ASSIGNED, WEB),
                isolatedSeedVpc().internetPath(target).build());

        assertThat(diagnosis.internetPath()).contains(target);
        assertThat(diagnosis.findings()).extracting(Finding::code).contains(FindingCode.INTERNET_PATH_PRESENT)
                .doesNotContain(FindingCode.INTERNET_GATEWAY_WITHOUT_PUBLIC_IP);
    }

    @Test
    void aDockerHubImageBlocksUntilThePublicIpOrANatGatewayIsThere() {
        Diagnosis diagnosis = diagnose(needs(Tasks.definition(container("app").image("nginx:1.27")), Tasks.seedLaunch()),
                placement(PublicIp.NOT_ASSIGNED, WEB), isolatedSeedVpc().internetPath(GATEWAY).build());

        assertThat(diagnosis.blocking()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.NEED_NOT_SERVABLE_BY_ENDPOINT);
            assertThat(f.resourceId()).isEqualTo(ROUTE_TABLE);
            assertThat(f.explanation()).doesNotContain("served through");
            assertThat(f.fix()).startsWith(ENABLE_PUBLIC_IP).contains("NAT gateway").contains("pull-through cache")
                    .doesNotContain("create-route");
        });
    }

    private static TaskPlacement placement(PublicIp publicIp, OwningService service) {
        return new TaskPlacement(Tasks.ACCOUNT, TASK_SUBNET, List.of(TASK_SG), publicIp, service);
    }

    private static Diagnosis diagnoseSeedTask(TaskPlacement placement) {
        return diagnoseSeedTask(placement, isolatedSeedVpc().internetPath(GATEWAY).build());
    }

    private static Diagnosis diagnoseSeedTask(TaskPlacement placement, NetworkSnapshot snapshot) {
        return diagnose(needs(Tasks.seedDefinition(), Tasks.seedLaunch()), placement, snapshot);
    }

    private static Finding gatewayFinding(Diagnosis diagnosis) {
        return diagnosis.findings().stream().filter(f -> f.code() == FindingCode.INTERNET_GATEWAY_WITHOUT_PUBLIC_IP)
                .findFirst().orElseThrow();
    }
}
