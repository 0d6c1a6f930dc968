package ecsvpce.core.diagnosis;

import static ecsvpce.core.EndpointService.ECR_API;
import static ecsvpce.core.EndpointService.ECR_DKR;
import static ecsvpce.core.EndpointService.LOGS;
import static ecsvpce.core.EndpointService.S3;
import static ecsvpce.core.EndpointService.SECRETSMANAGER;
import static ecsvpce.core.EndpointService.SSM;
import static ecsvpce.core.diagnosis.FindingCode.CUSTOM_DNS_SERVERS;
import static ecsvpce.core.diagnosis.FindingCode.ENDPOINT_MISSING;
import static ecsvpce.core.diagnosis.FindingCode.ENDPOINT_NOT_AVAILABLE;
import static ecsvpce.core.diagnosis.FindingCode.ENDPOINT_NOT_IN_TASK_AZ;
import static ecsvpce.core.diagnosis.FindingCode.ENDPOINT_SG_BLOCKS_443;
import static ecsvpce.core.diagnosis.FindingCode.ENDPOINT_WRONG_TYPE;
import static ecsvpce.core.diagnosis.FindingCode.GATEWAY_NOT_ON_ROUTE_TABLE;
import static ecsvpce.core.diagnosis.FindingCode.INTERNET_PATH_PRESENT;
import static ecsvpce.core.diagnosis.FindingCode.NEED_NOT_SERVABLE_BY_ENDPOINT;
import static ecsvpce.core.diagnosis.FindingCode.PRIVATE_DNS_DISABLED;
import static ecsvpce.core.diagnosis.FindingCode.TASK_SECURITY_GROUPS_UNKNOWN;
import static ecsvpce.core.diagnosis.FindingCode.TASK_SG_EGRESS_BLOCKS_443;
import static ecsvpce.core.diagnosis.FindingCode.VPC_DNS_HOSTNAMES_DISABLED;
import static ecsvpce.core.diagnosis.FindingCode.VPC_DNS_SUPPORT_DISABLED;
import static ecsvpce.core.diagnosis.Severity.ADVISORY;
import static ecsvpce.core.diagnosis.Severity.BLOCKING;
import static ecsvpce.core.fixtures.CheckedCore.diagnose;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.CheckedCore.needs;
import static ecsvpce.core.fixtures.Snapshots.AZ_C;
import static ecsvpce.core.fixtures.Snapshots.ENDPOINT_SG;
import static ecsvpce.core.fixtures.Snapshots.MAIN_ROUTE_TABLE;
import static ecsvpce.core.fixtures.Snapshots.ROUTE_TABLE;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_A2;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_C;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_C_CIDR;
import static ecsvpce.core.fixtures.Snapshots.TASK_AZ;
import static ecsvpce.core.fixtures.Snapshots.TASK_SG;
import static ecsvpce.core.fixtures.Snapshots.TASK_SUBNET;
import static ecsvpce.core.fixtures.Snapshots.TASK_SUBNET_CIDR;
import static ecsvpce.core.fixtures.Snapshots.VPC_CIDR;
import static ecsvpce.core.fixtures.Snapshots.VPC_ID;
import static ecsvpce.core.fixtures.Snapshots.endpointId;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static ecsvpce.core.fixtures.Snapshots.taskPlacement;
import static ecsvpce.core.fixtures.Tasks.container;
import static ecsvpce.core.fixtures.Tasks.definition;
import static ecsvpce.core.fixtures.Tasks.launch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ecsvpce.core.EndpointService;
import ecsvpce.core.EndpointType;
import ecsvpce.core.fixtures.Rules;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.needs.TaskNeeds;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.Route;
import ecsvpce.core.network.SecurityGroupRule;
import ecsvpce.core.network.TaskPlacement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/endpoint-pitfalls.md: findings of the seed task's needs against a snapshot. */
class DiagnoserTest {
    private static final List<EndpointService> INTERFACES = List.of(ECR_DKR, ECR_API, LOGS, SSM, SECRETSMANAGER);

    private static List<Tuple> findings(Diagnosis diagnosis) {
        return diagnosis.findings().stream()
                .map(f -> tuple(f.code(), f.service(), f.severity(), f.resourceId())).toList();
    }

    @Test
    void theSeedsHealthyVpcHasNoFindings() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().build());

        assertThat(diagnosis.findings()).isEmpty();
        assertThat(diagnosis.vpcId()).isEqualTo(VPC_ID);
        assertThat(diagnosis.subnetId()).isEqualTo(TASK_SUBNET);
        assertThat(diagnosis.availabilityZone()).isEqualTo(TASK_AZ);
        assertThat(diagnosis.routeTableId()).isEqualTo(ROUTE_TABLE);
        assertThat(diagnosis.internetPath()).isEmpty();
    }

    @Test
    void theSeedsExactFailureSecretsManagerPrivateDnsOffIsOneBlockingFinding() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().privateDnsOff(SECRETSMANAGER).build());

        assertThat(findings(diagnosis)).containsExactly(
                tuple(PRIVATE_DNS_DISABLED, SECRETSMANAGER, BLOCKING, endpointId(SECRETSMANAGER)));
        assertThat(diagnosis.findings().get(0).explanation()).contains("private DNS");
    }

    @ParameterizedTest(name = "{0} endpoint missing")
    @EnumSource(value = EndpointService.class, names = {"SSMMESSAGES", "KMS"}, mode = EnumSource.Mode.EXCLUDE)
    void endpointMissing(EndpointService service) {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().withoutEndpoint(service).build());

        assertThat(findings(diagnosis)).containsExactly(tuple(ENDPOINT_MISSING, service, BLOCKING, null));
        assertThat(diagnosis.findings().get(0).explanation()).contains(service.id());
    }

    @Test
    void everyEndpointMissingInAnEmptyVpc() {
        Diagnosis diagnosis = diagnoseSeedTask(Snapshots.isolatedEmptyVpc().build());

        assertThat(diagnosis.findings()).extracting(Finding::code).containsOnly(ENDPOINT_MISSING);
        assertThat(diagnosis.findings()).extracting(Finding::service)
                .containsExactlyInAnyOrder(ECR_DKR, ECR_API, S3, LOGS, SSM, SECRETSMANAGER);
    }

    @ParameterizedTest(name = "{0} private DNS off")
    @EnumSource(value = EndpointService.class, names = {"ECR_DKR", "ECR_API", "LOGS", "SSM", "SECRETSMANAGER"})
    void privateDnsOff(EndpointService service) {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().privateDnsOff(service).build());

        assertThat(findings(diagnosis)).containsExactly(tuple(PRIVATE_DNS_DISABLED, service, BLOCKING, endpointId(service)));
    }

    @Test
    void theEndpointWithPrivateDnsIsTheOneThatServes() {
        NetworkSnapshot snapshot = isolatedSeedVpc().privateDnsOff(SECRETSMANAGER)
                .endpoint("vpce-zz-secretsmanager-dns", SECRETSMANAGER, EndpointType.INTERFACE, e -> e.privateDns(true))
                .build();

        assertThat(diagnoseSeedTask(snapshot).findings()).isEmpty();
    }

    @Nested
    class VpcDns {
        @Test
        void dnsSupportOff() {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().dnsSupport(false).build());

            assertThat(findings(diagnosis)).containsExactly(tuple(VPC_DNS_SUPPORT_DISABLED, null, BLOCKING, VPC_ID));
        }

        @Test
        void dnsHostnamesOff() {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().dnsHostnames(false).build());

            assertThat(findings(diagnosis)).containsExactly(tuple(VPC_DNS_HOSTNAMES_DISABLED, null, BLOCKING, VPC_ID));
        }

        @Test
        void bothOff() {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().dnsSupport(false).dnsHostnames(false).build());

            assertThat(diagnosis.findings()).extracting(Finding::code)
                    .containsExactly(VPC_DNS_SUPPORT_DISABLED, VPC_DNS_HOSTNAMES_DISABLED);
        }

        @Test
        void aTaskNeedingOnlyTheS3GatewayDoesNotNeedDnsHostnamesButNeedsDnsSupport() {
            TaskNeeds s3Only = needs(definition(container("app").environmentFile("arn:aws:s3:::acme/app.env")),
                    launch("1.4.0"));
            assertThat(s3Only.services()).containsExactly(S3);

            assertThat(diagnose(s3Only, taskPlacement(), isolatedSeedVpc().dnsHostnames(false).build()).findings())
                    .isEmpty();
            assertThat(diagnose(s3Only, taskPlacement(), isolatedSeedVpc().dnsSupport(false).build()).findings())
                    .extracting(Finding::code).containsExactly(VPC_DNS_SUPPORT_DISABLED);
        }

        @Test
        void customDnsServersAreAdvisory() {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().dnsServers("10.0.0.53", "10.0.1.53").build());

            assertThat(findings(diagnosis)).containsExactly(tuple(CUSTOM_DNS_SERVERS, null, ADVISORY, VPC_ID));
            assertThat(diagnosis.findings().get(0).explanation()).contains("10.0.0.53");
        }

        @Test
        void aTaskThatNeedsNothingHasNoFindingsEvenWithDnsOff() {
            TaskNeeds nothing = needs(definition(container("app")), launch("1.4.0"));

            Diagnosis diagnosis = diagnose(nothing, taskPlacement(),
                    isolatedSeedVpc().withoutEndpoints().dnsSupport(false).dnsHostnames(false).build());

            assertThat(diagnosis.findings()).isEmpty();
        }
    }

    @Nested
    class S3Gateway {
        @Test
        void gatewayNotOnTheSubnetsRouteTable() {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpoint(S3, e -> e.routeTables("rtb-0other")).build());

            assertThat(findings(diagnosis)).containsExactly(tuple(GATEWAY_NOT_ON_ROUTE_TABLE, S3, BLOCKING, "vpce-s3"));
            assertThat(diagnosis.routeTableId()).isEqualTo(ROUTE_TABLE);
            assertThat(diagnosis.findings().get(0).explanation()).contains(ROUTE_TABLE).contains("interrupt");
        }

        @Test
        void subnetOnTheMainRouteTableIsServedByAGatewayOnTheMainTable() {
            NetworkSnapshot snapshot = isolatedSeedVpc().onMainRouteTable(TASK_SUBNET)
                    .endpoint(S3, e -> e.routeTables(MAIN_ROUTE_TABLE)).build();

            Diagnosis diagnosis = diagnoseSeedTask(snapshot);

            assertThat(diagnosis.routeTableId()).isEqualTo(MAIN_ROUTE_TABLE);
            assertThat(diagnosis.findings()).isEmpty();
        }

        @Test
        void subnetOnTheMainRouteTableIsNotServedByAGatewayOnAnotherTable() {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().onMainRouteTable(TASK_SUBNET).build());

            assertThat(diagnosis.routeTableId()).isEqualTo(MAIN_ROUTE_TABLE);
            assertThat(findings(diagnosis)).containsExactly(tuple(GATEWAY_NOT_ON_ROUTE_TABLE, S3, BLOCKING, "vpce-s3"));
        }

        @Test
        void anExplicitAssociationWinsOverTheMainTable() {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpoint(S3, e -> e.routeTables(MAIN_ROUTE_TABLE)).build());

            assertThat(diagnosis.routeTableId()).isEqualTo(ROUTE_TABLE);
            assertThat(diagnosis.findings()).extracting(Finding::code).containsExactly(GATEWAY_NOT_ON_ROUTE_TABLE);
        }

        @Test
        void anS3InterfaceEndpointIsTheWrongType() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withoutEndpoint(S3)
                    .endpoint("vpce-s3-interface", S3, EndpointType.INTERFACE, e -> { }).build();

            Diagnosis diagnosis = diagnoseSeedTask(snapshot);

            assertThat(findings(diagnosis)).containsExactly(tuple(ENDPOINT_WRONG_TYPE, S3, BLOCKING, "vpce-s3-interface"));
            assertThat(diagnosis.findings().get(0).explanation()).contains("gateway");
        }

        @Test
        void anS3InterfaceEndpointBesideTheGatewayIsFine() {
            NetworkSnapshot snapshot = isolatedSeedVpc()
                    .endpoint("vpce-s3-interface", S3, EndpointType.INTERFACE, e -> e.privateDns(false)).build();

            assertThat(diagnoseSeedTask(snapshot).findings()).isEmpty();
        }

        @Test
        void aGatewayOnTheTableIsPreferredOverOthers() {
            NetworkSnapshot snapshot = isolatedSeedVpc()
                    .endpoint("vpce-a-s3-elsewhere", S3, EndpointType.GATEWAY, e -> e.routeTables("rtb-0other")).build();

            assertThat(diagnoseSeedTask(snapshot).findings()).isEmpty();
        }
    }

    @Nested
    class State {
        @ParameterizedTest(name = "interface endpoint {0}")
        @ValueSource(strings = {"pendingAcceptance", "failed", "rejected", "expired", "PendingAcceptance", "Failed"})
        void interfaceEndpointNotAvailable(String state) {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpoint(SECRETSMANAGER, e -> e.state(state)).build());

            assertThat(findings(diagnosis)).containsExactly(
                    tuple(ENDPOINT_NOT_AVAILABLE, SECRETSMANAGER, BLOCKING, endpointId(SECRETSMANAGER)));
            assertThat(diagnosis.findings().get(0).explanation()).contains(state);
        }

        @ParameterizedTest(name = "gateway endpoint {0}")
        @ValueSource(strings = {"pendingAcceptance", "failed", "rejected"})
        void gatewayEndpointNotAvailable(String state) {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpoint(S3, e -> e.state(state)).build());

            assertThat(findings(diagnosis)).containsExactly(tuple(ENDPOINT_NOT_AVAILABLE, S3, BLOCKING, "vpce-s3"));
        }

        /**
         * docs/endpoint-pitfalls.md#endpoint-state lists {@code deleting} among the states that are not available. Taking such an
         * endpoint for missing would plan a second endpoint whose private DNS conflicts with the one still
         * being deleted (or a second S3 gateway on the same route table).
         */
        @Test
        void aDeletingEndpointIsNotAvailableRatherThanMissing() {
            Diagnosis iface = diagnoseSeedTask(isolatedSeedVpc().endpoint(SECRETSMANAGER, e -> e.state("deleting")).build());
            Diagnosis gateway = diagnoseSeedTask(isolatedSeedVpc().endpoint(S3, e -> e.state("deleting")).build());

            assertThat(findings(iface)).containsExactly(
                    tuple(ENDPOINT_NOT_AVAILABLE, SECRETSMANAGER, BLOCKING, endpointId(SECRETSMANAGER)));
            assertThat(findings(gateway)).containsExactly(tuple(ENDPOINT_NOT_AVAILABLE, S3, BLOCKING, "vpce-s3"));
        }

        @Test
        void notAvailableWinsOverPrivateDnsOff() {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc()
                    .endpoint(LOGS, e -> e.state("failed").privateDns(false)).build());

            assertThat(diagnosis.findings()).extracting(Finding::code).containsExactly(ENDPOINT_NOT_AVAILABLE);
        }

        /** Just created (by us or a concurrent invocation): it will serve; its configuration still counts. */
        @Test
        void aPendingEndpointIsAdvisoryAndStillChecked() {
            Diagnosis fine = diagnoseSeedTask(isolatedSeedVpc().endpoint(LOGS, e -> e.state("pending")).build());
            Diagnosis dnsOff = diagnoseSeedTask(isolatedSeedVpc()
                    .endpoint(LOGS, e -> e.state("pending").privateDns(false)).build());
            Diagnosis gateway = diagnoseSeedTask(isolatedSeedVpc().endpoint(S3, e -> e.state("pending")).build());

            assertThat(findings(fine)).containsExactly(tuple(FindingCode.ENDPOINT_PENDING, LOGS, ADVISORY, endpointId(LOGS)));
            assertThat(fine.blocking()).isEmpty();
            assertThat(dnsOff.findings()).extracting(Finding::code)
                    .containsExactly(FindingCode.ENDPOINT_PENDING, FindingCode.PRIVATE_DNS_DISABLED);
            assertThat(findings(gateway)).containsExactly(tuple(FindingCode.ENDPOINT_PENDING, S3, ADVISORY, "vpce-s3"));
        }

        @Test
        void aDeletedInterfaceEndpointDoesNotCount() {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpoint(SECRETSMANAGER, e -> e.state("deleted")).build());

            assertThat(findings(diagnosis)).containsExactly(tuple(ENDPOINT_MISSING, SECRETSMANAGER, BLOCKING, null));
        }

        @Test
        void aDeletedGatewayDoesNotCount() {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpoint(S3, e -> e.state("Deleted")).build());

            assertThat(findings(diagnosis)).containsExactly(tuple(ENDPOINT_MISSING, S3, BLOCKING, null));
        }

        @Test
        void aDeletedEndpointWithPrivateDnsDoesNotHideTheLiveOneWithout() {
            NetworkSnapshot snapshot = isolatedSeedVpc().privateDnsOff(SSM)
                    .endpoint("vpce-0-old-ssm", SSM, EndpointType.INTERFACE, e -> e.state("deleted")).build();

            assertThat(findings(diagnoseSeedTask(snapshot)))
                    .containsExactly(tuple(PRIVATE_DNS_DISABLED, SSM, BLOCKING, endpointId(SSM)));
        }
    }

    @Nested
    class EndpointSecurityGroup {
        static Stream<SecurityGroupRule> admitting() {
            return Stream.of(Rules.tcp443FromCidr(TASK_SUBNET_CIDR), Rules.tcp443FromCidr(VPC_CIDR),
                    Rules.tcp443FromCidr("10.0.0.0/8"), Rules.tcp443FromGroup(TASK_SG), Rules.allTraffic(VPC_CIDR),
                    Rules.tcp(0, 65535, VPC_CIDR), Rules.tcp(400, 500, TASK_SUBNET_CIDR), Rules.allTrafficToGroup(TASK_SG),
                    new SecurityGroupRule("6", 443, 443, List.of(TASK_SUBNET_CIDR), List.of(), List.of()));
        }

        static Stream<SecurityGroupRule> notAdmitting() {
            return Stream.of(Rules.tcp443FromCidr(SUBNET_C_CIDR), Rules.tcp443FromCidr("10.0.1.0/25"),
                    Rules.tcp443FromGroup("sg-0someoneelse"), Rules.tcp(80, 80, VPC_CIDR), Rules.tcp(444, 8443, VPC_CIDR),
                    Rules.udp(443, 443, VPC_CIDR), Rules.tcp443ToPrefixList("pl-0corporate"),
                    Rules.tcp443FromCidr("2001:db8::/56"));
        }

        @ParameterizedTest(name = "{0} admits the task")
        @MethodSource("admitting")
        void admitsTcp443FromTheTask(SecurityGroupRule rule) {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpointGroupIngress(rule).build());

            assertThat(diagnosis.findings()).isEmpty();
        }

        @ParameterizedTest(name = "{0} does not admit the task")
        @MethodSource("notAdmitting")
        void doesNotAdmitTcp443FromTheTask(SecurityGroupRule rule) {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpointGroupIngress(rule).build());

            assertThat(diagnosis.findings()).allSatisfy(f -> {
                assertThat(f.code()).isEqualTo(ENDPOINT_SG_BLOCKS_443);
                assertThat(f.severity()).isEqualTo(BLOCKING);
                assertThat(f.resourceId()).isEqualTo(endpointId(f.service()));
            });
            assertThat(diagnosis.findings()).extracting(Finding::service).containsExactlyInAnyOrderElementsOf(INTERFACES);
        }

        @Test
        void noIngressAtAll() {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpointGroupIngress().build());

            assertThat(diagnosis.findings()).extracting(Finding::code).containsOnly(ENDPOINT_SG_BLOCKS_443).hasSize(5);
        }

        @Test
        void oneAdmittingGroupOfSeveralIsEnough() {
            NetworkSnapshot snapshot = isolatedSeedVpc().endpointGroupIngress()
                    .group(Snapshots.group("sg-0extra", "extra", List.of(Rules.tcp443FromGroup(TASK_SG)), Map.of()))
                    .endpoint(LOGS, e -> e.groups(ENDPOINT_SG, "sg-0extra")).build();

            assertThat(diagnoseSeedTask(snapshot).findings()).extracting(Finding::service)
                    .containsExactlyInAnyOrder(ECR_DKR, ECR_API, SSM, SECRETSMANAGER);
        }

        @Test
        void anEndpointWithoutSecurityGroupsBlocks() {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpoint(ECR_API, e -> e.groups()).build());

            assertThat(findings(diagnosis)).containsExactly(tuple(ENDPOINT_SG_BLOCKS_443, ECR_API, BLOCKING, endpointId(ECR_API)));
        }
    }

    @Nested
    class TaskEgress {
        @Test
        void noEgressAtAllBlocksEveryService() {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().taskEgress().build());

            assertThat(diagnosis.findings()).allSatisfy(f -> {
                assertThat(f.code()).isEqualTo(TASK_SG_EGRESS_BLOCKS_443);
                assertThat(f.severity()).isEqualTo(BLOCKING);
                assertThat(f.resourceId()).isEqualTo(TASK_SG);
            });
            assertThat(diagnosis.findings()).extracting(Finding::service)
                    .containsExactlyInAnyOrder(ECR_DKR, ECR_API, S3, LOGS, SSM, SECRETSMANAGER);
        }

        @Test
        void egressToTheVpcOnlyBlocksTheS3Gateway() {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().taskEgress(Rules.tcp443FromCidr(VPC_CIDR)).build());

            assertThat(findings(diagnosis)).containsExactly(tuple(TASK_SG_EGRESS_BLOCKS_443, S3, BLOCKING, TASK_SG));
            assertThat(diagnosis.findings().get(0).explanation()).contains("prefix list");
        }

        @Test
        void egressToTheVpcAndTheS3PrefixListIsEnough() {
            NetworkSnapshot snapshot = isolatedSeedVpc()
                    .taskEgress(Rules.tcp443FromCidr(VPC_CIDR), Rules.tcp443ToPrefixList(Rules.S3_PREFIX_LIST)).build();

            assertThat(diagnoseSeedTask(snapshot).findings()).isEmpty();
        }

        @Test
        void egressToTheEndpointsGroupAndTheS3PrefixListIsEnough() {
            NetworkSnapshot snapshot = isolatedSeedVpc()
                    .taskEgress(Rules.tcp443FromGroup(ENDPOINT_SG), Rules.tcp443ToPrefixList(Rules.S3_PREFIX_LIST)).build();

            assertThat(diagnoseSeedTask(snapshot).findings()).isEmpty();
        }

        @Test
        void egressToAnotherPrefixListDoesNotReachS3() {
            NetworkSnapshot snapshot = isolatedSeedVpc()
                    .taskEgress(Rules.tcp443FromCidr(VPC_CIDR), Rules.tcp443ToPrefixList("pl-0dynamodb")).build();

            assertThat(findings(diagnoseSeedTask(snapshot)))
                    .containsExactly(tuple(TASK_SG_EGRESS_BLOCKS_443, S3, BLOCKING, TASK_SG));
        }

        @Test
        void egressOnAnotherPortBlocks() {
            Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().taskEgress(Rules.tcp(80, 80, "0.0.0.0/0")).build());

            assertThat(diagnosis.findings()).extracting(Finding::code).containsOnly(TASK_SG_EGRESS_BLOCKS_443).hasSize(6);
        }

        @Test
        void egressToAnotherSubnetDoesNotReachTheEndpoints() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withSubnetC()
                    .taskEgress(Rules.tcp443FromCidr(SUBNET_C_CIDR), Rules.tcp443ToPrefixList(Rules.S3_PREFIX_LIST)).build();

            assertThat(diagnoseSeedTask(snapshot).findings()).extracting(Finding::service)
                    .containsExactlyInAnyOrderElementsOf(INTERFACES);
        }

        @Test
        void anyTaskGroupMayAllowTheEgress() {
            NetworkSnapshot snapshot = isolatedSeedVpc().taskEgress()
                    .group(Snapshots.group("sg-0second", "second", List.of(), Map.of())).build();

            Diagnosis diagnosis = diagnose(needs(Tasks.seedDefinition(), launch("1.4.0")),
                    new TaskPlacement(Tasks.ACCOUNT, TASK_SUBNET, List.of(TASK_SG, "sg-0second")), snapshot);

            assertThat(diagnosis.findings()).isEmpty();
        }

        @Test
        void forAMissingEndpointEgressMustReachTheTasksSubnetWhereItWouldBeCreated() {
            NetworkSnapshot fine = isolatedSeedVpc().withoutEndpoint(SECRETSMANAGER)
                    .taskEgress(Rules.tcp443FromCidr(TASK_SUBNET_CIDR), Rules.tcp443ToPrefixList(Rules.S3_PREFIX_LIST)).build();
            NetworkSnapshot blocked = isolatedSeedVpc().withoutEndpoint(SECRETSMANAGER).withSubnetC()
                    .endpoint(ECR_DKR, e -> e.subnets(SUBNET_C)).endpoint(ECR_API, e -> e.subnets(SUBNET_C))
                    .endpoint(LOGS, e -> e.subnets(SUBNET_C)).endpoint(SSM, e -> e.subnets(SUBNET_C))
                    .taskEgress(Rules.tcp443FromCidr(SUBNET_C_CIDR), Rules.tcp443ToPrefixList(Rules.S3_PREFIX_LIST)).build();

            assertThat(findings(diagnoseSeedTask(fine))).containsExactly(tuple(ENDPOINT_MISSING, SECRETSMANAGER, BLOCKING, null));
            assertThat(diagnoseSeedTask(blocked).blocking()).extracting(Finding::code, Finding::service).containsExactly(
                    tuple(ENDPOINT_MISSING, SECRETSMANAGER), tuple(TASK_SG_EGRESS_BLOCKS_443, SECRETSMANAGER));
        }

        @Test
        void unknownTaskGroupsAreAdvisoryAndEgressIsNotChecked() {
            NetworkSnapshot snapshot = isolatedSeedVpc().taskEgress().build();

            Diagnosis diagnosis = diagnose(needs(Tasks.seedDefinition(), launch("1.4.0")),
                    new TaskPlacement(Tasks.ACCOUNT, TASK_SUBNET, List.of()), snapshot);

            assertThat(findings(diagnosis)).containsExactly(tuple(TASK_SECURITY_GROUPS_UNKNOWN, null, ADVISORY, null));
        }
    }

    @Nested
    class AvailabilityZone {
        @Test
        void anInterfaceEndpointWithNoSubnetInTheTasksAzIsAdvisoryOnly() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withSubnetC().endpoint(SECRETSMANAGER, e -> e.subnets(SUBNET_C)).build();

            Diagnosis diagnosis = diagnoseSeedTask(snapshot);

            assertThat(findings(diagnosis)).containsExactly(
                    tuple(ENDPOINT_NOT_IN_TASK_AZ, SECRETSMANAGER, ADVISORY, endpointId(SECRETSMANAGER)));
            assertThat(diagnosis.blocking()).isEmpty();
            assertThat(diagnosis.findings().get(0).explanation()).contains(TASK_AZ);
        }

        @Test
        void anotherSubnetInTheTasksAzIsEnough() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withSubnetA2().endpoint(SECRETSMANAGER, e -> e.subnets(SUBNET_A2)).build();

            assertThat(diagnoseSeedTask(snapshot).findings()).isEmpty();
        }

        @Test
        void oneSubnetPerAzAcrossSeveralAzs() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withSubnetC()
                    .endpoint(SECRETSMANAGER, e -> e.subnets(SUBNET_C, TASK_SUBNET)).build();

            assertThat(diagnoseSeedTask(snapshot).findings()).isEmpty();
            assertThat(snapshot.subnet(SUBNET_C).orElseThrow().availabilityZone()).isEqualTo(AZ_C);
        }
    }

    @Nested
    class UnservableNeeds {
        private final TaskNeeds dockerHub = needs(definition(container("app").image("nginx:1.25")), launch("1.4.0"));

        @Test
        void blockingInAnIsolatedSubnet() {
            Diagnosis diagnosis = diagnose(dockerHub, taskPlacement(), isolatedSeedVpc().build());

            assertThat(findings(diagnosis)).containsExactly(tuple(NEED_NOT_SERVABLE_BY_ENDPOINT, null, BLOCKING, ROUTE_TABLE));
            assertThat(diagnosis.findings().get(0).explanation()).contains("nginx:1.25");
        }

        @ParameterizedTest(name = "advisory with a default route to {0}")
        @ValueSource(strings = {"nat-0123456789abcdef0", "igw-0123456789abcdef0"})
        void advisoryWithAnInternetPath(String target) {
            Diagnosis diagnosis = diagnose(dockerHub, taskPlacement(), isolatedSeedVpc().internetPath(target).build());

            assertThat(findings(diagnosis)).containsExactly(
                    tuple(NEED_NOT_SERVABLE_BY_ENDPOINT, null, ADVISORY, null),
                    tuple(INTERNET_PATH_PRESENT, null, ADVISORY, ROUTE_TABLE));
            assertThat(diagnosis.internetPath()).contains(target);
            assertThat(diagnosis.blocking()).isEmpty();
        }

        @Test
        void aBlackholeNatRouteIsNoInternetPath() {
            NetworkSnapshot snapshot = isolatedSeedVpc()
                    .route(ROUTE_TABLE, new Route("0.0.0.0/0", null, "nat-0123456789abcdef0", false)).build();

            Diagnosis diagnosis = diagnose(dockerHub, taskPlacement(), snapshot);

            assertThat(diagnosis.internetPath()).isEmpty();
            assertThat(findings(diagnosis)).containsExactly(tuple(NEED_NOT_SERVABLE_BY_ENDPOINT, null, BLOCKING, ROUTE_TABLE));
        }

        @Test
        void aNatRouteToAPrivateRangeIsNoInternetPath() {
            NetworkSnapshot snapshot = isolatedSeedVpc()
                    .route(ROUTE_TABLE, new Route("192.168.0.0/16", null, "nat-0123456789abcdef0", true)).build();

            assertThat(diagnose(dockerHub, taskPlacement(), snapshot).internetPath()).isEmpty();
        }

        @Test
        void theMainTablesInternetPathCountsForASubnetWithoutAssociation() {
            NetworkSnapshot snapshot = isolatedSeedVpc().onMainRouteTable(TASK_SUBNET)
                    .route(MAIN_ROUTE_TABLE, new Route("0.0.0.0/0", null, "igw-0abc", true)).build();

            assertThat(diagnose(dockerHub, taskPlacement(), snapshot).internetPath()).contains("igw-0abc");
        }

        @Test
        void anotherRegionsSecretIsUnservableBesideTheEndpointNeeds() {
            TaskNeeds needs = needs(definition(container("app").image(Tasks.ECR_IMAGE)
                    .secret("DB", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf")), launch("1.4.0"));

            Diagnosis diagnosis = diagnose(needs, taskPlacement(), isolatedSeedVpc().build());

            assertThat(findings(diagnosis)).containsExactly(tuple(NEED_NOT_SERVABLE_BY_ENDPOINT, null, BLOCKING, ROUTE_TABLE));
        }
    }

    @Test
    void anInternetPathIsReportedAndEndpointFindingsRemain() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().withoutEndpoint(LOGS).internetPath("nat-0abc").build());

        assertThat(findings(diagnosis)).containsExactly(
                tuple(ENDPOINT_MISSING, LOGS, BLOCKING, null),
                tuple(INTERNET_PATH_PRESENT, null, ADVISORY, ROUTE_TABLE));
    }

    @Test
    void aSubnetOutsideTheSnapshotIsRefused() {
        assertThatThrownBy(() -> diagnose(needs(Tasks.seedDefinition(), launch("1.4.0")),
                new TaskPlacement(Tasks.ACCOUNT, "subnet-0elsewhere", List.of(TASK_SG)), isolatedSeedVpc().build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subnet-0elsewhere");
    }

    @Test
    void findingCodesAreStable() {
        assertThat(FindingCode.values()).extracting(Enum::name).containsExactly(
                "VPC_DNS_SUPPORT_DISABLED", "VPC_DNS_HOSTNAMES_DISABLED", "CUSTOM_DNS_SERVERS", "ENDPOINT_MISSING",
                "ENDPOINT_WRONG_TYPE", "ENDPOINT_NOT_AVAILABLE", "PRIVATE_DNS_DISABLED", "GATEWAY_NOT_ON_ROUTE_TABLE",
                "ENDPOINT_SG_BLOCKS_443", "TASK_SG_EGRESS_BLOCKS_443", "ENDPOINT_NOT_IN_TASK_AZ",
                "NEED_NOT_SERVABLE_BY_ENDPOINT", "INTERNET_PATH_PRESENT", "TASK_SECURITY_GROUPS_UNKNOWN",
                "ENDPOINT_PENDING", "SERVED_BY_CENTRAL_ENDPOINT", "DNS_ZONE_SHADOWS_SERVICE", "DNS_ZONES_UNREADABLE",
                "VPC_OWNED_BY_ANOTHER_ACCOUNT", "NETWORK_ACL_BLOCKS_443", "NETWORK_ACL_BLOCKS_RETURN_TRAFFIC",
                "ENDPOINT_POLICY_DENIES", "ENDPOINT_POLICY_MAY_DENY", "IPV6_ONLY_SUBNET", "ENDPOINT_REACHED_BUT_BLOCKED",
                "FIRELENS_OUTPUT_NEEDS_ENDPOINT");
    }
}
