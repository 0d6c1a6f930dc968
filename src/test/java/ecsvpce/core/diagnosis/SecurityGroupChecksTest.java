package ecsvpce.core.diagnosis;

import static ecsvpce.core.EndpointService.ECR_API;
import static ecsvpce.core.EndpointService.ECR_DKR;
import static ecsvpce.core.EndpointService.LOGS;
import static ecsvpce.core.EndpointService.S3;
import static ecsvpce.core.EndpointService.SECRETSMANAGER;
import static ecsvpce.core.EndpointService.SSM;
import static ecsvpce.core.diagnosis.FindingCode.ENDPOINT_MISSING;
import static ecsvpce.core.diagnosis.FindingCode.ENDPOINT_SG_BLOCKS_443;
import static ecsvpce.core.diagnosis.FindingCode.TASK_SECURITY_GROUPS_UNKNOWN;
import static ecsvpce.core.diagnosis.FindingCode.TASK_SG_EGRESS_BLOCKS_443;
import static ecsvpce.core.diagnosis.Severity.ADVISORY;
import static ecsvpce.core.diagnosis.Severity.BLOCKING;
import static ecsvpce.core.diagnosis.Severity.UNVERIFIED;
import static ecsvpce.core.fixtures.CheckedCore.decide;
import static ecsvpce.core.fixtures.CheckedCore.diagnose;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.CheckedCore.findings;
import static ecsvpce.core.fixtures.CheckedCore.needs;
import static ecsvpce.core.fixtures.Snapshots.ENDPOINT_SG;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_C;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_C_CIDR;
import static ecsvpce.core.fixtures.Snapshots.TASK_SG;
import static ecsvpce.core.fixtures.Snapshots.TASK_SUBNET;
import static ecsvpce.core.fixtures.Snapshots.TASK_SUBNET_CIDR;
import static ecsvpce.core.fixtures.Snapshots.VPC_CIDR;
import static ecsvpce.core.fixtures.Snapshots.endpointId;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static ecsvpce.core.fixtures.Tasks.launch;
import static ecsvpce.core.fixtures.Tasks.seedFailedTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ecsvpce.core.EndpointService;
import ecsvpce.core.fixtures.Rules;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.SecurityGroupRule;
import ecsvpce.core.network.TaskPlacement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/endpoint-pitfalls.md: the endpoint's groups must admit 443 from the task, the task's groups must let it out. */
class SecurityGroupChecksTest {
    private static final List<EndpointService> INTERFACES = List.of(ECR_DKR, ECR_API, LOGS, SSM, SECRETSMANAGER);

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
                    Rules.udp(443, 443, VPC_CIDR), Rules.tcp443FromCidr("2001:db8::/56"));
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
        void aRuleFromAPrefixListMayAdmitTheTaskSoItIsUnverifiedAndNothingIsAttached() {
            NetworkSnapshot snapshot = isolatedSeedVpc().endpointGroupIngress(Rules.tcp443ToPrefixList("pl-0corporate"))
                    .build();

            assertThat(diagnoseSeedTask(snapshot).findings()).hasSize(INTERFACES.size()).allSatisfy(f -> {
                assertThat(f.code()).isEqualTo(ENDPOINT_SG_BLOCKS_443);
                assertThat(f.severity()).isEqualTo(UNVERIFIED);
                assertThat(f.explanation()).contains("unless [pl-0corporate] does");
            });
            assertThat(decide(seedFailedTask(Tasks.SEED_STOPPED_REASON), snapshot).plan().actions()).isEmpty();
        }

        @Test
        void aRuleFromAGroupIsUnverifiedWhileTheTasksGroupsAreUnknown() {
            Diagnosis diagnosis = diagnose(needs(Tasks.seedDefinition(), Tasks.seedLaunch()),
                    new TaskPlacement(null, TASK_SUBNET, List.of()),
                    isolatedSeedVpc().endpointGroupIngress(Rules.tcp443FromGroup("sg-0app")).build());

            assertThat(diagnosis.findings()).filteredOn(f -> f.code() == ENDPOINT_SG_BLOCKS_443)
                    .hasSize(INTERFACES.size())
                    .allSatisfy(f -> assertThat(f.severity()).isEqualTo(UNVERIFIED));
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

            Diagnosis diagnosis = diagnoseSeedTask(snapshot);

            assertThat(diagnosis.findings()).extracting(Finding::service).containsExactlyInAnyOrderElementsOf(INTERFACES);
            assertThat(diagnosis.findings()).extracting(Finding::fix).as("opened towards the endpoints' group")
                    .containsOnly("aws ec2 authorize-security-group-egress --group-id " + TASK_SG + " --ip-permissions "
                            + "'IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=[{GroupId=" + ENDPOINT_SG + "}]'");
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

            assertThat(findings(diagnoseSeedTask(fine))).containsExactly(tuple(ENDPOINT_MISSING, SECRETSMANAGER, BLOCKING, Snapshots.VPC_ID));
            assertThat(diagnoseSeedTask(blocked).blocking()).extracting(Finding::code, Finding::service).containsExactly(
                    tuple(ENDPOINT_MISSING, SECRETSMANAGER), tuple(TASK_SG_EGRESS_BLOCKS_443, SECRETSMANAGER));
        }

        @Test
        void unknownTaskGroupsAreAdvisoryAndEgressIsNotChecked() {
            NetworkSnapshot snapshot = isolatedSeedVpc().taskEgress().build();

            Diagnosis diagnosis = diagnose(needs(Tasks.seedDefinition(), launch("1.4.0")),
                    new TaskPlacement(Tasks.ACCOUNT, TASK_SUBNET, List.of()), snapshot);

            assertThat(findings(diagnosis)).containsExactly(tuple(TASK_SECURITY_GROUPS_UNKNOWN, null, ADVISORY, Snapshots.TASK_SUBNET));
        }
    }
}
