package ecsvpce.core.diagnosis;

import static ecsvpce.core.EndpointService.ECR_API;
import static ecsvpce.core.EndpointService.ECR_DKR;
import static ecsvpce.core.EndpointService.LOGS;
import static ecsvpce.core.EndpointService.S3;
import static ecsvpce.core.EndpointService.SECRETSMANAGER;
import static ecsvpce.core.EndpointService.SSM;
import static ecsvpce.core.diagnosis.FindingCode.DEFAULT_ROUTE_BLACKHOLE;
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
import static ecsvpce.core.diagnosis.Severity.UNVERIFIED;
import static ecsvpce.core.fixtures.CheckedCore.diagnose;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.CheckedCore.findings;
import static ecsvpce.core.fixtures.CheckedCore.needs;
import static ecsvpce.core.fixtures.Snapshots.AZ_C;
import static ecsvpce.core.fixtures.Snapshots.MAIN_ROUTE_TABLE;
import static ecsvpce.core.fixtures.Snapshots.ROUTE_TABLE;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_A2;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_C;
import static ecsvpce.core.fixtures.Snapshots.TASK_AZ;
import static ecsvpce.core.fixtures.Snapshots.TASK_SG;
import static ecsvpce.core.fixtures.Snapshots.TASK_SUBNET;
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
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.needs.TaskNeeds;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.Route;
import ecsvpce.core.network.TaskPlacement;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/endpoint-pitfalls.md: findings of the seed task's needs against a snapshot. */
class DiagnoserTest {
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

        assertThat(findings(diagnosis)).containsExactly(tuple(ENDPOINT_MISSING, service, BLOCKING, Snapshots.VPC_ID));
        assertThat(diagnosis.findings().get(0).explanation()).contains(service.id());
    }

    @Test
    void everyEndpointMissingInAnEmptyVpc() {
        Diagnosis diagnosis = diagnoseSeedTask(Snapshots.isolatedEmptyVpc().build());

        assertThat(diagnosis.findings()).extracting(Finding::code).containsOnly(ENDPOINT_MISSING);
        assertThat(diagnosis.findings()).extracting(Finding::service)
                .containsExactlyInAnyOrder(ECR_DKR, ECR_API, S3, LOGS, SSM, SECRETSMANAGER);
    }

    @Test
    void aMissingInterfaceEndpointsFixMakesItWithAGroupAdmitting443FromTheVpc() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().withoutEndpoint(SSM).build());

        assertThat(diagnosis.findings()).singleElement().extracting(Finding::fix).isEqualTo("G=$(aws ec2 "
                + "create-security-group --vpc-id " + VPC_ID + " --group-name vpce-com.amazonaws.ap-northeast-1.ssm "
                + "--description 'TCP 443 for a VPC endpoint' --query GroupId --output text) && aws ec2 "
                + "authorize-security-group-ingress --group-id $G --protocol tcp --port 443 --cidr " + VPC_CIDR
                + " && aws ec2 create-vpc-endpoint --vpc-id " + VPC_ID + " --vpc-endpoint-type Interface --service-name "
                + "com.amazonaws.ap-northeast-1.ssm --subnet-ids " + TASK_SUBNET + " --security-group-ids $G "
                + "--private-dns-enabled");
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

            assertThat(findings(diagnosis)).containsExactly(tuple(CUSTOM_DNS_SERVERS, null, ADVISORY, Snapshots.DHCP_OPTIONS));
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
            assertThat(diagnosis.findings().get(0).fix()).isEqualTo("aws ec2 create-route --route-table-id " + ROUTE_TABLE
                    + " --destination-cidr-block 0.0.0.0/0 --nat-gateway-id NAT_GATEWAY_ID (or copy the image to private "
                    + "ECR in ap-northeast-1, which an ECR pull-through cache rule does)");
        }

        @ParameterizedTest(name = "advisory with a default route to {0}")
        @ValueSource(strings = {"nat-0123456789abcdef0", "igw-0123456789abcdef0"})
        void advisoryWithAnInternetPath(String target) {
            Diagnosis diagnosis = diagnose(dockerHub, taskPlacement(), isolatedSeedVpc().internetPath(target).build());

            assertThat(findings(diagnosis)).containsExactly(
                    tuple(NEED_NOT_SERVABLE_BY_ENDPOINT, null, ADVISORY, ROUTE_TABLE),
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
            assertThat(findings(diagnosis)).containsExactly(tuple(DEFAULT_ROUTE_BLACKHOLE, null, BLOCKING, ROUTE_TABLE),
                    tuple(NEED_NOT_SERVABLE_BY_ENDPOINT, null, BLOCKING, ROUTE_TABLE));
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
            assertThat(diagnosis.findings().get(0).fix()).as("only an image can be copied").endsWith("NAT_GATEWAY_ID");
        }
    }

    @Test
    void anInternetPathServesWhatAnEndpointWouldSoTheGapIsAdvice() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().withoutEndpoint(LOGS).internetPath("nat-0abc").build());

        assertThat(findings(diagnosis)).containsExactly(
                tuple(ENDPOINT_MISSING, LOGS, ADVISORY, Snapshots.VPC_ID),
                tuple(INTERNET_PATH_PRESENT, null, ADVISORY, ROUTE_TABLE));
        assertThat(diagnosis.findings().get(0).explanation()).endsWith("meanwhile the task reaches logs through nat-0abc");
        assertThat(diagnosis.blocking()).isEmpty();
    }

    @Test
    void throughWhatMayFilterTheGapIsUnverifiedButAnEndpointThatRefusesTheTaskStillBlocks() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().withoutEndpoint(LOGS).privateDnsOff(SSM)
                .endpoint(ECR_API, e -> e.groups()).internetPath("tgw-0egress").build());

        assertThat(diagnosis.findings()).filteredOn(f -> f.code() != INTERNET_PATH_PRESENT)
                .extracting(Finding::code, Finding::severity).containsExactlyInAnyOrder(
                        tuple(ENDPOINT_MISSING, UNVERIFIED), tuple(PRIVATE_DNS_DISABLED, UNVERIFIED),
                        tuple(ENDPOINT_SG_BLOCKS_443, BLOCKING));
        assertThat(diagnosis.unverified()).allSatisfy(f -> assertThat(f.explanation())
                .endsWith("through tgw-0egress, if tgw-0egress lets it through"));
    }

    @Test
    void aSubnetOutsideTheSnapshotIsRefused() {
        assertThatThrownBy(() -> diagnose(needs(Tasks.seedDefinition(), launch("1.4.0")),
                new TaskPlacement(Tasks.ACCOUNT, "subnet-0elsewhere", List.of(TASK_SG)), isolatedSeedVpc().build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subnet-0elsewhere");
    }

    @Test
    void aSnapshotWithoutTheSubnetsRouteTableIsRefused() {
        NetworkSnapshot seed = isolatedSeedVpc().build();
        NetworkSnapshot withoutTables = NetworkSnapshot.of(seed.vpc()).subnets(seed.subnets()).build();

        assertThatThrownBy(() -> diagnoseSeedTask(withoutTables)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no route table for " + TASK_SUBNET);
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
                "FIRELENS_OUTPUT_NEEDS_ENDPOINT", "DEFAULT_ROUTE_BLACKHOLE", "INTERNET_GATEWAY_WITHOUT_PUBLIC_IP");
    }
}
