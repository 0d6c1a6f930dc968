package ecsvpce.core.estates;

import static ecsvpce.core.EndpointService.S3;
import static ecsvpce.core.EndpointService.SSM;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.CheckedCore.plan;
import static ecsvpce.core.fixtures.Estates.acl;
import static ecsvpce.core.fixtures.Estates.allow;
import static ecsvpce.core.fixtures.Estates.allowAll;
import static ecsvpce.core.fixtures.Estates.deny;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_C;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_C_CIDR;
import static ecsvpce.core.fixtures.Snapshots.TASK_SUBNET;
import static ecsvpce.core.fixtures.Snapshots.TASK_SUBNET_CIDR;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ecsvpce.core.EndpointService;
import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.diagnosis.Severity;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.network.NetworkAcl;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/real-estates.md#network-acls: stateless, first matching rule by number; the request (443) and
 * the answer (ephemeral ports) both ways; named with the ACL and the rule, never changed.
 */
class NetworkAclsTest {

    private static final List<EndpointService> INTERFACES = List.of(EndpointService.ECR_DKR, EndpointService.ECR_API,
            EndpointService.LOGS, SSM, EndpointService.SECRETSMANAGER);

    /** The seed VPC with every interface endpoint in subnet C, so the task's HTTPS crosses two ACLs. */
    private static Snapshots.Builder endpointsInSubnetC() {
        Snapshots.Builder vpc = isolatedSeedVpc().withSubnetC();
        for (EndpointService service : INTERFACES) {
            vpc.endpoint(service, e -> e.subnets(SUBNET_C));
        }
        return vpc;
    }

    @Test
    void anAclThatAllowsEverythingBlocksNothing() {
        Diagnosis diagnosis = diagnoseSeedTask(endpointsInSubnetC()
                .networkAcl(acl("acl-default", List.of(), allowAll(100, true), allowAll(100, false))).build());

        assertThat(diagnosis.findings()).extracting(Finding::code).doesNotContain(FindingCode.NETWORK_ACL_BLOCKS_443,
                FindingCode.NETWORK_ACL_BLOCKS_RETURN_TRAFFIC).isNotEmpty();
    }

    @Test
    void aDenyOn443OutOfTheTaskSubnetIsNamedWithItsRuleAndTheAllowToAdd() {
        NetworkAcl taskAcl = acl("acl-task", List.of(TASK_SUBNET),
                deny(90, true, "6", SUBNET_C_CIDR, 443, 443), allowAll(100, true), allowAll(100, false));

        Diagnosis diagnosis = diagnoseSeedTask(endpointsInSubnetC().networkAcl(taskAcl)
                .networkAcl(acl("acl-default", List.of(), allowAll(100, true), allowAll(100, false))).build());

        assertThat(diagnosis.blocking()).extracting(Finding::code, Finding::resourceId).containsOnly(
                tuple(FindingCode.NETWORK_ACL_BLOCKS_443, "acl-task")).hasSize(5);
        assertThat(diagnosis.blocking().get(0).explanation()).contains("rule 90").contains(TASK_SUBNET)
                .contains("out to " + SUBNET_C_CIDR);
        assertThat(diagnosis.blocking().get(0).fix()).isEqualTo("aws ec2 create-network-acl-entry --network-acl-id "
                + "acl-task --rule-number 89 --egress --protocol tcp --port-range From=443,To=443 --cidr-block "
                + SUBNET_C_CIDR + " --rule-action allow");
        assertThat(plan(endpointsInSubnetC().networkAcl(taskAcl).build(), diagnosis).actions())
                .as("an ACL is never changed").isEmpty();
    }

    @Test
    void theEndpointSubnetsAclMustLetTheAnswersBackOut() {
        NetworkAcl endpointAcl = acl("acl-endpoints", List.of(SUBNET_C),
                allow(100, false, TASK_SUBNET_CIDR, 443, 443), allow(100, true, "0.0.0.0/0", 443, 443));

        Diagnosis diagnosis = diagnoseSeedTask(endpointsInSubnetC().networkAcl(endpointAcl)
                .networkAcl(acl("acl-default", List.of(), allowAll(100, true), allowAll(100, false))).build());

        assertThat(diagnosis.blocking()).extracting(Finding::code, Finding::resourceId)
                .containsOnly(tuple(FindingCode.NETWORK_ACL_BLOCKS_RETURN_TRAFFIC, "acl-endpoints"));
        assertThat(diagnosis.blocking().get(0).explanation()).contains("its last rule (*)")
                .contains("TCP 1024-65535").contains("out to " + TASK_SUBNET_CIDR);
        assertThat(diagnosis.blocking().get(0).fix()).contains("--egress").contains("From=1024,To=65535")
                .contains("--cidr-block " + TASK_SUBNET_CIDR).contains("--rule-number 32766");
    }

    @Test
    void trafficInsideOneSubnetCrossesNoAcl() {
        NetworkAcl onlyS3 = acl("acl-task", List.of(TASK_SUBNET), allowAll(100, true), allowAll(100, false),
                deny(50, true, "-1", "10.0.0.0/16", null, null));

        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().networkAcl(onlyS3).build());

        assertThat(diagnosis.findings()).as("interface endpoints share the task's subnet; S3 is outside 10.0.0.0/16")
                .isEmpty();
    }

    @Test
    void aNewCustomAclDeniesEverythingUntilRulesAreAddedSoS3ThroughTheGatewayIsBlocked() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().networkAcl(acl("acl-new", List.of(TASK_SUBNET)))
                .build());

        assertThat(diagnosis.blocking()).extracting(Finding::code, Finding::service)
                .containsExactly(tuple(FindingCode.NETWORK_ACL_BLOCKS_443, S3));
        assertThat(diagnosis.blocking().get(0).fix()).contains("--cidr-block 0.0.0.0/0").contains("--egress");
    }

    @Test
    void aNarrowerAllowBeforeTheDenyMayLetS3ThroughSoItIsForAPersonToCheck() {
        NetworkAcl narrow = acl("acl-task", List.of(TASK_SUBNET), allow(100, true, "52.216.0.0/15", 443, 443),
                allow(100, false, "0.0.0.0/0", 1024, 65535));

        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().networkAcl(narrow).build());

        assertThat(diagnosis.blocking()).isEmpty();
        assertThat(diagnosis.unverified()).extracting(Finding::code, Finding::severity)
                .containsExactly(tuple(FindingCode.NETWORK_ACL_BLOCKS_443, Severity.UNVERIFIED));
        assertThat(diagnosis.unverified().get(0).explanation()).contains("narrower rules before it may let");
    }

    @Test
    void hundredsOfRulesAreReadInNumberOrder() {
        List<NetworkAcl.Rule> rules = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            rules.add(deny(i, true, "6", "192.168." + (i % 250) + ".0/24", 443, 443));
        }
        rules.add(allowAll(400, true));
        rules.add(allowAll(400, false));

        Diagnosis diagnosis = diagnoseSeedTask(endpointsInSubnetC().networkAcl(
                acl("acl-long", List.of(TASK_SUBNET), rules.toArray(NetworkAcl.Rule[]::new)))
                .networkAcl(acl("acl-default", List.of(), allowAll(100, true), allowAll(100, false))).build());

        assertThat(diagnosis.blocking()).isEmpty();
    }

    @Test
    void anAclSharedByTheEndpointsSubnetsIsNamedOncePerService() {
        Snapshots.Builder vpc = isolatedSeedVpc().withSubnetA2().withSubnetC();
        for (EndpointService service : INTERFACES) {
            vpc.endpoint(service, e -> e.subnets(Snapshots.SUBNET_A2, SUBNET_C));
        }
        NetworkAcl endpointAcl = acl("acl-endpoints", List.of(Snapshots.SUBNET_A2, SUBNET_C),
                deny(90, false, "6", TASK_SUBNET_CIDR, 443, 443), allowAll(100, true), allowAll(100, false));

        Diagnosis diagnosis = diagnoseSeedTask(vpc.networkAcl(endpointAcl).build());

        assertThat(diagnosis.blocking()).extracting(Finding::code, Finding::service).containsExactlyInAnyOrderElementsOf(
                INTERFACES.stream().map(service -> tuple(FindingCode.NETWORK_ACL_BLOCKS_443, service)).toList());
        assertThat(diagnosis.blocking()).allSatisfy(f -> assertThat(f.explanation())
                .contains("acl-endpoints of " + Snapshots.SUBNET_A2 + " denies TCP 443 in from " + TASK_SUBNET_CIDR));
    }

    @Test
    void theWayToAMissingGatewayIsCheckedTooSoTheAclThatWouldBlockS3IsNamed() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().withoutEndpoint(S3)
                .networkAcl(acl("acl-new", List.of(TASK_SUBNET))).build());

        assertThat(diagnosis.blocking()).extracting(Finding::code, Finding::service).containsExactly(
                tuple(FindingCode.ENDPOINT_MISSING, S3), tuple(FindingCode.NETWORK_ACL_BLOCKS_443, S3));
    }

    @Test
    void eachDirectionIsDecidedByItsOwnRules() {
        NetworkAcl taskAcl = acl("acl-task", List.of(TASK_SUBNET), allowAll(50, false),
                deny(100, true, "6", "0.0.0.0/0", 443, 443), allowAll(200, true));

        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().networkAcl(taskAcl).build());

        assertThat(diagnosis.blocking()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.NETWORK_ACL_BLOCKS_443);
            assertThat(f.explanation()).contains("by rule 100");
        });
    }

    @Test
    void aRuleForAnotherProtocolDoesNotDecideHttps() {
        NetworkAcl taskAcl = acl("acl-task", List.of(TASK_SUBNET), deny(50, true, "17", "0.0.0.0/0", 0, 65535),
                allowAll(100, true), allowAll(100, false));

        assertThat(diagnoseSeedTask(isolatedSeedVpc().networkAcl(taskAcl).build()).findings()).isEmpty();
    }

    @Test
    void anAllowForSomeOfTheAnswerPortsOnlyMayLetThemInSoItIsForAPersonToCheck() {
        NetworkAcl taskAcl = acl("acl-task", List.of(TASK_SUBNET), allowAll(100, true),
                allow(100, false, "0.0.0.0/0", 1024, 2048));

        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().networkAcl(taskAcl).build());

        assertThat(diagnosis.blocking()).isEmpty();
        assertThat(diagnosis.unverified()).extracting(Finding::code, Finding::service)
                .containsExactly(tuple(FindingCode.NETWORK_ACL_BLOCKS_RETURN_TRAFFIC, S3));
    }

    @Test
    void anAclReadWithoutItsLastRuleStillDeniesWhatNoRuleAllows() {
        NetworkAcl bare = new NetworkAcl("acl-bare", false, List.of(TASK_SUBNET), List.of());

        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().networkAcl(bare).build());

        assertThat(diagnosis.blocking()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.NETWORK_ACL_BLOCKS_443);
            assertThat(f.explanation()).contains("by its last rule (*)");
            assertThat(f.fix()).contains("--rule-number 32766");
        });
    }

    @Test
    void theVpcsDefaultAclGovernsASubnetWithoutOneOfItsOwn() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().networkAcl(acl("acl-default", List.of())).build());

        assertThat(diagnosis.blocking()).extracting(Finding::code, Finding::resourceId)
                .containsExactly(tuple(FindingCode.NETWORK_ACL_BLOCKS_443, "acl-default"));
    }

    @Test
    void theAllowGoesUnderTheFreeNumberJustBelowTheDenyOrReplacesTheDenyWhenNoneIsFree() {
        NetworkAcl denyAt2 = acl("acl-task", List.of(TASK_SUBNET), deny(2, true, "-1", "0.0.0.0/0", null, null),
                allowAll(100, false));
        NetworkAcl denyAt1 = acl("acl-task", List.of(TASK_SUBNET), deny(1, true, "-1", "0.0.0.0/0", null, null),
                allowAll(100, false));

        assertThat(diagnoseSeedTask(isolatedSeedVpc().networkAcl(denyAt2).build()).blocking().get(0).fix())
                .isEqualTo("aws ec2 create-network-acl-entry --network-acl-id acl-task --rule-number 1 --egress "
                        + "--protocol tcp --port-range From=443,To=443 --cidr-block 0.0.0.0/0 --rule-action allow");
        assertThat(diagnoseSeedTask(isolatedSeedVpc().networkAcl(denyAt1).build()).blocking().get(0).fix())
                .isEqualTo("aws ec2 replace-network-acl-entry --network-acl-id acl-task --rule-number 1 --egress "
                        + "--protocol tcp --port-range From=443,To=443 --cidr-block 0.0.0.0/0 --rule-action allow");
    }
}
