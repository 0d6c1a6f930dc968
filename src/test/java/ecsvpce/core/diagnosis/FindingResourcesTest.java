package ecsvpce.core.diagnosis;

import static ecsvpce.core.EndpointService.LOGS;
import static ecsvpce.core.EndpointService.S3;
import static ecsvpce.core.EndpointService.SECRETSMANAGER;
import static ecsvpce.core.EndpointService.SSM;
import static ecsvpce.core.fixtures.CheckedCore.decide;
import static ecsvpce.core.fixtures.CheckedCore.diagnose;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.CheckedCore.needs;
import static ecsvpce.core.fixtures.Estates.acl;
import static ecsvpce.core.fixtures.Estates.allowAll;
import static ecsvpce.core.fixtures.Estates.deny;
import static ecsvpce.core.fixtures.Estates.policy;
import static ecsvpce.core.fixtures.Estates.statement;
import static ecsvpce.core.fixtures.Snapshots.ROUTE_TABLE;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_C;
import static ecsvpce.core.fixtures.Snapshots.TASK_SUBNET;
import static ecsvpce.core.fixtures.Snapshots.isolatedEmptyVpc;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static ecsvpce.core.fixtures.Tasks.container;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.EndpointType;
import ecsvpce.core.fixtures.Estates;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.PrivateZones;
import ecsvpce.core.network.PublicIp;
import ecsvpce.core.network.Route;
import ecsvpce.core.network.TaskPlacement;
import ecsvpce.core.policy.EndpointPolicy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every finding names the resource whose change settles it, by its id: the test walks every
 * FindingCode, produces each from a network that has that problem, and fails for a code it has no
 * shape for (a new code must say what it names) or a finding whose id is missing or of another kind.
 * Where a finding carries the exact change, that change acts on the resource named.
 */
class FindingResourcesTest {
    private static final Pattern VPC = Pattern.compile("vpc-[0-9a-z]+");
    private static final Pattern ENDPOINT = Pattern.compile("vpce-[0-9a-z-]+");
    private static final Pattern ROUTE_TABLE_ID = Pattern.compile("rtb-[0-9a-z]+");
    private static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-z]+");
    private static final Pattern ZONE = Pattern.compile("Z[0-9A-Z_]+");
    /** What each code's resource id looks like. */
    private static final Map<FindingCode, Pattern> NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(FindingCode.VPC_DNS_SUPPORT_DISABLED, VPC),
            Map.entry(FindingCode.VPC_DNS_HOSTNAMES_DISABLED, VPC),
            Map.entry(FindingCode.CUSTOM_DNS_SERVERS, Pattern.compile("dopt-[0-9a-z]+")),
            Map.entry(FindingCode.ENDPOINT_MISSING, VPC),
            Map.entry(FindingCode.ENDPOINT_WRONG_TYPE, VPC),
            Map.entry(FindingCode.ENDPOINT_NOT_AVAILABLE, ENDPOINT),
            Map.entry(FindingCode.PRIVATE_DNS_DISABLED, ENDPOINT),
            Map.entry(FindingCode.GATEWAY_NOT_ON_ROUTE_TABLE, ENDPOINT),
            Map.entry(FindingCode.ENDPOINT_SG_BLOCKS_443, ENDPOINT),
            Map.entry(FindingCode.TASK_SG_EGRESS_BLOCKS_443, Pattern.compile("sg-[0-9a-z]+")),
            Map.entry(FindingCode.ENDPOINT_NOT_IN_TASK_AZ, ENDPOINT),
            Map.entry(FindingCode.NEED_NOT_SERVABLE_BY_ENDPOINT, ROUTE_TABLE_ID),
            Map.entry(FindingCode.INTERNET_PATH_PRESENT, ROUTE_TABLE_ID),
            Map.entry(FindingCode.TASK_SECURITY_GROUPS_UNKNOWN, SUBNET),
            Map.entry(FindingCode.ENDPOINT_PENDING, ENDPOINT),
            Map.entry(FindingCode.SERVED_BY_CENTRAL_ENDPOINT, ZONE),
            Map.entry(FindingCode.DNS_ZONE_SHADOWS_SERVICE, ZONE),
            Map.entry(FindingCode.DNS_ZONES_UNREADABLE, VPC),
            Map.entry(FindingCode.VPC_OWNED_BY_ANOTHER_ACCOUNT, VPC),
            Map.entry(FindingCode.NETWORK_ACL_BLOCKS_443, Pattern.compile("acl-[0-9a-z-]+")),
            Map.entry(FindingCode.NETWORK_ACL_BLOCKS_RETURN_TRAFFIC, Pattern.compile("acl-[0-9a-z-]+")),
            Map.entry(FindingCode.ENDPOINT_POLICY_DENIES, ENDPOINT),
            Map.entry(FindingCode.ENDPOINT_POLICY_MAY_DENY, ENDPOINT),
            Map.entry(FindingCode.IPV6_ONLY_SUBNET, SUBNET),
            // The product cannot see what holds a private address in the VPC: the address is what a person looks up.
            Map.entry(FindingCode.ENDPOINT_REACHED_BUT_BLOCKED, Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}")),
            Map.entry(FindingCode.FIRELENS_OUTPUT_NEEDS_ENDPOINT, VPC),
            Map.entry(FindingCode.DEFAULT_ROUTE_BLACKHOLE, ROUTE_TABLE_ID),
            Map.entry(FindingCode.INTERNET_GATEWAY_WITHOUT_PUBLIC_IP, ROUTE_TABLE_ID)));

    @Test
    void everyFindingCodeNamesTheResourceWhoseChangeSettlesIt() {
        List<Finding> found = everyKindOfProblem();

        assertThat(NAMES.keySet()).as("every code says what it names").containsExactlyInAnyOrder(FindingCode.values());
        for (FindingCode code : FindingCode.values()) {
            List<Finding> ofCode = found.stream().filter(f -> f.code() == code).toList();
            assertThat(ofCode).as("a network with the problem behind %s", code).isNotEmpty();
            for (Finding finding : ofCode) {
                assertThat(finding.resourceId()).as("resource of %s", finding).isNotBlank()
                        .matches(NAMES.get(code));
                if (finding.fix() != null && code != FindingCode.ENDPOINT_SG_BLOCKS_443) {
                    assertThat(finding.fix()).as("the change of %s acts on what it names", finding)
                            .contains(finding.resourceId());
                }
            }
        }
    }

    /** One network per problem, each with the seed task (or the task that problem needs). */
    private static List<Finding> everyKindOfProblem() {
        List<Finding> found = new ArrayList<>();
        EndpointPolicy noSecrets = policy(statement("statement 'NoSecrets'", false, List.of("secretsmanager:*"),
                List.of("*")), Estates.allowEverything("statement 'All'"));
        EndpointPolicy orgOnly = policy(new EndpointPolicy.Statement("statement 'OrgOnly'", true, true, List.of("*"),
                List.of(), List.of("*"), List.of(), true));
        for (NetworkSnapshot vpc : List.of(
                isolatedSeedVpc().dnsSupport(false).dnsHostnames(false).build(),
                isolatedSeedVpc().dnsServers("10.0.0.53").build(),
                isolatedEmptyVpc().build(),
                isolatedSeedVpc().withoutEndpoint(S3).endpoint("vpce-s3-iface", S3, EndpointType.INTERFACE, e -> { })
                        .build(),
                isolatedSeedVpc().endpoint(SSM, e -> e.state("failed")).endpoint(LOGS, e -> e.state("pending"))
                        .privateDnsOff(SECRETSMANAGER).build(),
                isolatedSeedVpc().withoutEndpoint(S3).endpoint("vpce-s3", S3, EndpointType.GATEWAY, e -> { }).build(),
                isolatedSeedVpc().endpointGroupIngress().taskEgress().build(),
                isolatedSeedVpc().withSubnetC().endpoint(SSM, e -> e.subnets(SUBNET_C)).build(),
                isolatedSeedVpc().internetPath("nat-0live").privateZones(Estates.centralZone(SSM)).build(),
                isolatedSeedVpc().privateZones(Estates.regionalZoneWithoutRecords()).build(),
                isolatedSeedVpc().privateZones(PrivateZones.unreadable("denied")).ownerId(Estates.HUB_ACCOUNT).build(),
                isolatedSeedVpc().networkAcl(acl("acl-deny", List.of(TASK_SUBNET), deny(90, true, "6", "0.0.0.0/0",
                        443, 443), allowAll(100, true), deny(90, false, "6", "0.0.0.0/0", 1024, 65535),
                        allowAll(100, false))).build(),
                isolatedSeedVpc().networkAcl(acl("acl-answers", List.of(TASK_SUBNET), allowAll(100, true),
                        deny(90, false, "6", "0.0.0.0/0", 1024, 65535), allowAll(100, false))).build(),
                isolatedSeedVpc().endpoint(SECRETSMANAGER, e -> e.policy(noSecrets)).endpoint(SSM, e -> e.policy(orgOnly))
                        .build(),
                isolatedEmptyVpc().ipv6Native(TASK_SUBNET).build(),
                isolatedSeedVpc().route(ROUTE_TABLE, new Route("0.0.0.0/0", null, "nat-0gone", false)).build(),
                isolatedSeedVpc().internetPath("igw-0public").build())) {
            found.addAll(diagnoseSeedTask(vpc).findings());
            found.addAll(diagnose(needs(Tasks.definition(container("app").image("quay.io/team/app:1")
                    .logDriver("awsfirelens").logOption("Name", "kinesis_firehose"), container("router")
                    .image(Tasks.ECR_IMAGE)), Tasks.seedLaunch()),
                    new TaskPlacement(Tasks.ACCOUNT, TASK_SUBNET, List.of(), PublicIp.NOT_ASSIGNED, null), vpc).findings());
        }
        found.addAll(decide(Tasks.seedFailedTask("ResourceInitializationError: unable to pull secrets or registry auth: "
                + "execution resource retrieval failed: unable to retrieve secrets from ssm: RequestError: send request "
                + "failed caused by: Post \"https://ssm.ap-northeast-1.amazonaws.com/\": dial tcp 10.0.1.50:443: "
                + "i/o timeout"), isolatedSeedVpc().withoutEndpoint(SSM).build()).diagnosis().findings());
        return found;
    }
}
