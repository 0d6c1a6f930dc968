package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.CheckRequest.Document;
import ecsvpce.app.CheckRequest.Launch;
import ecsvpce.app.CheckRequest.Named;
import ecsvpce.app.port.FargateService;
import ecsvpce.app.port.ServiceLookup;
import ecsvpce.core.EndpointService;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.fixtures.Estates;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.needs.TaskDefinition;
import ecsvpce.core.network.PrivateZones;
import ecsvpce.core.network.PublicIp;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.core.plan.ResourceTags;
import ecsvpce.report.CheckReport;
import ecsvpce.report.CheckReports;
import ecsvpce.report.CheckVerdict;
import ecsvpce.report.Mode;
import ecsvpce.report.TaskReport.NeedSummary;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The check before a deploy over in-memory ports: READY, each kind of WILL_FAIL, CANNOT_TELL, never a write. */
class DeployCheckTest {
    private static final String DEFINITION = Tasks.TASK_DEFINITION_ARN;
    private static final String OTHER_VPC = "vpc-0b0b0b0b0b0b0b0b0";
    private static final String OTHER_SUBNET = "subnet-0b";
    private static final String DEFAULT_SG = "sg-0default";

    private final InMemoryPorts aws = new InMemoryPorts();

    DeployCheckTest() {
        aws.definitions.put(DEFINITION, Tasks.seedDefinition());
        aws.vpcOfSubnet.putAll(Map.of(Snapshots.TASK_SUBNET, Snapshots.VPC_ID, Snapshots.SUBNET_C, Snapshots.VPC_ID,
                OTHER_SUBNET, OTHER_VPC));
        aws.snapshots(Snapshots.VPC_ID, healthyTwoSubnetVpc().build());
    }

    /** The seed VPC with a second subnet whose route table has the S3 gateway too. */
    private static Snapshots.Builder healthyTwoSubnetVpc() {
        return Snapshots.isolatedSeedVpc().withSubnetC()
                .endpoint(EndpointService.S3, e -> e.routeTables(Snapshots.ROUTE_TABLE, Snapshots.ROUTE_TABLE_C));
    }

    private CheckReport check(CheckRequest request) {
        return check(request, new Settings(Mode.REMEDIATE, PlanSettings.defaults()));
    }

    private CheckReport check(CheckRequest request, Settings settings) {
        CheckReport report = new DeployCheck(aws, aws, aws, settings, Snapshots.REGION,
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC)).check(request);
        assertThat(aws.calls).as("a check only reads").doesNotContain("apply").noneMatch(c -> c.startsWith("publish"));
        return report;
    }

    private static Launch launch(String... subnets) {
        return new Launch(new Named(DEFINITION), List.of(subnets), List.of(Snapshots.TASK_SG), "1.4.0", null, false,
                PublicIp.UNKNOWN);
    }

    @Test
    void aUseCaseWithoutAWriterCanWriteNothing() {
        for (Constructor<?> constructor : DeployCheck.class.getConstructors()) {
            assertThat(Arrays.stream(constructor.getParameterTypes()).map(Class::getSimpleName))
                    .doesNotContain("VpcChanges", "Notifier", "FollowUpQueue");
        }
    }

    @Test
    void readyWhenEveryNeedIsServedInEverySubnet() {
        CheckReport report = check(launch(Snapshots.TASK_SUBNET, Snapshots.SUBNET_C));

        assertThat(report.verdict()).isEqualTo(CheckVerdict.READY);
        assertThat(report.summary()).isEqualTo("READY: task definition app:7 finds every start-up need served in "
                + Snapshots.VPC_ID + ": ecr.dkr, ecr.api, s3, logs, ssm, secretsmanager");
        assertThat(report.subnets()).extracting(CheckReport.SubnetCheck::subnetId)
                .containsExactly(Snapshots.TASK_SUBNET, Snapshots.SUBNET_C);
        assertThat(report.subnets()).allSatisfy(s -> assertThat(s.findings()).noneMatch(f -> f.isBlocking()));
        assertThat(report.remediation()).isEmpty();
        assertThat(report.account()).as("from the task definition's ARN").isEqualTo(Tasks.ACCOUNT);
        assertThat(report.checked().taskDefinition()).isEqualTo(DEFINITION);
        assertThat(aws.calls).containsExactly("taskDefinition:" + DEFINITION, "vpcsOfSubnets", "snapshot:" + Snapshots.VPC_ID);
    }

    static Stream<Arguments> gaps() {
        return Stream.of(
                gap("no logs endpoint", b -> b.withoutEndpoint(EndpointService.LOGS), FindingCode.ENDPOINT_MISSING,
                        EndpointService.LOGS, "aws ec2 create-vpc-endpoint"),
                gap("private DNS off", b -> b.privateDnsOff(EndpointService.SECRETSMANAGER),
                        FindingCode.PRIVATE_DNS_DISABLED, EndpointService.SECRETSMANAGER, "--private-dns-enabled"),
                gap("DNS hostnames off", b -> b.dnsHostnames(false), FindingCode.VPC_DNS_HOSTNAMES_DISABLED, null,
                        "--enable-dns-hostnames"),
                gap("S3 gateway not on the route table", b -> b.endpoint(EndpointService.S3, e -> e.routeTables()),
                        FindingCode.GATEWAY_NOT_ON_ROUTE_TABLE, EndpointService.S3, "--add-route-table-ids"),
                gap("endpoint group admits nothing", b -> b.endpointGroupIngress(), FindingCode.ENDPOINT_SG_BLOCKS_443,
                        EndpointService.ECR_API, null),
                gap("task group lets nothing out", b -> b.taskEgress(), FindingCode.TASK_SG_EGRESS_BLOCKS_443,
                        EndpointService.ECR_API, null),
                gap("endpoint not available", b -> b.endpoint(EndpointService.SSM, e -> e.state("rejected")),
                        FindingCode.ENDPOINT_NOT_AVAILABLE, EndpointService.SSM, null),
                gap("a zone shadows the region's names", b -> b.privateZones(Estates.regionalZoneWithoutRecords()),
                        FindingCode.DNS_ZONE_SHADOWS_SERVICE, EndpointService.ECR_API, null));
    }

    private static Arguments gap(String name, UnaryOperator<Snapshots.Builder> tweak, FindingCode code,
                                 EndpointService service, String fixContains) {
        return Arguments.of(name, tweak, code, service, fixContains);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gaps")
    void willFailNamesTheServiceTheResourceAndTheChange(String name, UnaryOperator<Snapshots.Builder> tweak,
                                                        FindingCode code, EndpointService service, String fixContains) {
        aws.snapshots(Snapshots.VPC_ID, tweak.apply(healthyTwoSubnetVpc()).build());

        CheckReport report = check(launch(Snapshots.TASK_SUBNET));

        assertThat(report.verdict()).isEqualTo(CheckVerdict.WILL_FAIL);
        var finding = report.subnets().get(0).findings().stream().filter(f -> f.code() == code && f.isBlocking())
                .filter(f -> service == null || f.service() == service).findFirst().orElseThrow();
        String resource = finding.resourceId() == null ? Snapshots.VPC_ID : finding.resourceId();
        assertThat(finding.fix()).as("the exact change").isNotBlank();
        if (fixContains != null) {
            assertThat(finding.fix()).contains(fixContains);
        }
        String named = code + (service == null ? "" : " " + service.id()) + " (" + resource + ")";
        assertThat(report.summary()).startsWith("WILL_FAIL: task definition app:7 will fail to start in "
                + Snapshots.VPC_ID + ": ").contains(named);
        assertThat(CheckReports.changes(report)).contains(named + ": " + finding.fix());
    }

    @Test
    void eachSubnetIsJudgedOnItsOwn() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().withSubnetC().build());

        CheckReport report = check(launch(Snapshots.TASK_SUBNET, Snapshots.SUBNET_C));

        assertThat(report.verdict()).isEqualTo(CheckVerdict.WILL_FAIL);
        assertThat(report.subnets().get(0).findings()).noneMatch(f -> f.isBlocking());
        assertThat(report.subnets().get(1).findings()).filteredOn(f -> f.isBlocking()).singleElement()
                .satisfies(f -> assertThat(f.code()).isEqualTo(FindingCode.GATEWAY_NOT_ON_ROUTE_TABLE));
        assertThat(report.summary()).endsWith("1 blocking finding(s): GATEWAY_NOT_ON_ROUTE_TABLE s3 (vpce-s3)");
        assertThat(CheckReports.changes(report)).singleElement().asString()
                .startsWith("GATEWAY_NOT_ON_ROUTE_TABLE s3 (vpce-s3): aws ec2 modify-vpc-endpoint");
    }

    @Test
    void whatTheRemediatorWouldChangeIsReportedAndNothingIsApplied() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().withoutEndpoint(EndpointService.LOGS).build());

        CheckReport report = check(launch(Snapshots.TASK_SUBNET));

        assertThat(report.remediation()).extracting(r -> r.type()).contains("CREATE_INTERFACE_ENDPOINT");
        assertThat(report.remediation()).allSatisfy(r -> assertThat(r.status().name()).isEqualTo("PLANNED"));
        assertThat(report.monthlyCostUsd()).isPositive();
        assertThat(aws.applied).isEmpty();
    }

    @Test
    void aSubnetBehindANatGatewayWithoutEndpointsIsReadyAndBehindAFirewallCannotBeTold() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedEmptyVpc().internetPath("nat-0shared").build());
        CheckReport behindNat = check(launch(Snapshots.TASK_SUBNET));
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedEmptyVpc().internetPath("vpce-0firewall").build());
        CheckReport behindFirewall = check(launch(Snapshots.TASK_SUBNET));

        assertThat(behindNat.verdict()).isEqualTo(CheckVerdict.READY);
        assertThat(behindFirewall.verdict()).isEqualTo(CheckVerdict.CANNOT_TELL);
        assertThat(behindFirewall.summary()).contains("ENDPOINT_MISSING");
    }

    @Test
    void anImageNoEndpointCanServeWillFailInAnIsolatedSubnet() {
        aws.definitions.put(DEFINITION, Tasks.definition(Tasks.container("web").image("docker.io/library/nginx:1.27")));

        CheckReport report = check(launch(Snapshots.TASK_SUBNET));

        assertThat(report.verdict()).isEqualTo(CheckVerdict.WILL_FAIL);
        assertThat(report.unservable()).singleElement().asString().contains("docker.io");
        assertThat(report.summary()).contains("NEED_NOT_SERVABLE_BY_ENDPOINT (" + Snapshots.ROUTE_TABLE + ")");
        assertThat(CheckReports.changes(report)).anySatisfy(change -> assertThat(change)
                .startsWith("NEED_NOT_SERVABLE_BY_ENDPOINT (" + Snapshots.ROUTE_TABLE + "): aws ec2 create-route"));
    }

    @Test
    void platformVersion130NeedsNoEcrApiAndAMissingOneDoesNotBlockIt() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().withoutEndpoint(EndpointService.ECR_API).build());

        CheckReport old = check(new Launch(new Named(DEFINITION), List.of(Snapshots.TASK_SUBNET),
                List.of(Snapshots.TASK_SG), "1.3.0", null, false, PublicIp.UNKNOWN));
        CheckReport latest = check(new Launch(new Named(DEFINITION), List.of(Snapshots.TASK_SUBNET),
                List.of(Snapshots.TASK_SG), null, null, false, PublicIp.UNKNOWN));

        assertThat(old.verdict()).isEqualTo(CheckVerdict.READY);
        assertThat(old.needs()).extracting(NeedSummary::service).doesNotContain(EndpointService.ECR_API);
        assertThat(latest.verdict()).as("unset is LATEST").isEqualTo(CheckVerdict.WILL_FAIL);
    }

    @Test
    void aGivenDocumentIsCheckedWithoutReadingEcs() {
        TaskDefinition document = new TaskDefinition("app", Tasks.seedDefinition().containers(), null, List.of("FARGATE"));

        CheckReport report = check(new Launch(new Document(document), List.of(Snapshots.TASK_SUBNET),
                List.of(Snapshots.TASK_SG), "1.4.0", null, false, PublicIp.UNKNOWN));

        assertThat(report.verdict()).isEqualTo(CheckVerdict.READY);
        assertThat(aws.calls).noneMatch(c -> c.startsWith("taskDefinition"));
        assertThat(report.summary()).startsWith("READY: task definition app finds");
    }

    @Test
    void aDocumentWithoutAnArnIsNamedAsTheDocumentGiven() {
        TaskDefinition document = new TaskDefinition(null, Tasks.seedDefinition().containers(), null, List.of("FARGATE"));

        CheckReport report = check(new Launch(new Document(document), List.of(Snapshots.TASK_SUBNET),
                List.of(Snapshots.TASK_SG), "1.4.0", null, false, PublicIp.UNKNOWN));

        assertThat(report.verdict()).isEqualTo(CheckVerdict.READY);
        assertThat(report.checked().taskDefinition()).isEqualTo("(the document given)");
        assertThat(report.summary()).startsWith("READY: task definition (the document given) finds");
    }

    @Test
    void aFamilyNameIsReportedAsTheRevisionEcsResolvedItTo() {
        aws.definitions.put("app", Tasks.seedDefinition());

        CheckReport report = check(new Launch(new Named("app"), List.of(Snapshots.TASK_SUBNET),
                List.of(Snapshots.TASK_SG), "1.4.0", null, false, PublicIp.UNKNOWN));

        assertThat(report.checked().taskDefinition()).isEqualTo(DEFINITION);
        assertThat(report.summary()).startsWith("READY: task definition app:7 finds");
    }

    @Test
    void aServiceIsCheckedWithItsOwnTaskDefinitionSubnetsGroupsAndPlatformVersion() {
        String cluster = Tasks.CLUSTER_ARN;
        aws.lookups.put(cluster + "/web", new ServiceLookup.Found(new FargateService(cluster,
                cluster.replace(":cluster/", ":service/") + "/web", "web", DEFINITION, "1.3.0", null,
                List.of(Snapshots.SUBNET_C), List.of(Snapshots.TASK_SG), false, Map.of())));
        aws.snapshots(Snapshots.VPC_ID, healthyTwoSubnetVpc().withoutEndpoint(EndpointService.ECR_API).build());

        CheckReport report = check(new CheckRequest.OfService(cluster, "web"));

        assertThat(report.verdict()).as("1.3.0 fetches registry auth through the agent").isEqualTo(CheckVerdict.READY);
        assertThat(report.checked()).satisfies(c -> {
            assertThat(c.service()).isEqualTo("web");
            assertThat(c.subnets()).containsExactly(Snapshots.SUBNET_C);
            assertThat(c.platformVersion()).isEqualTo("1.3.0");
        });
        assertThat(report.summary()).startsWith("READY: service web (task definition app:7) finds");
    }

    @Test
    void ecsExecWithTheClustersCustomerKeyNeedsKms() {
        aws.execKmsKeys.put(Tasks.CLUSTER_ARN, "arn:aws:kms:ap-northeast-1:123456789012:key/0a1b");

        CheckReport report = check(new Launch(new Named(DEFINITION), List.of(Snapshots.TASK_SUBNET),
                List.of(Snapshots.TASK_SG), "1.4.0", Tasks.CLUSTER_ARN, true, PublicIp.UNKNOWN));

        assertThat(report.needs()).extracting(NeedSummary::service)
                .contains(EndpointService.SSMMESSAGES, EndpointService.KMS);
        assertThat(report.verdict()).isEqualTo(CheckVerdict.WILL_FAIL);
        assertThat(aws.calls).containsOnlyOnce("execKmsKeys");
    }

    @Test
    void aVpcItsTeamOptedOutIsJudgedAndTheReportSaysTheRemediatorLeavesItAlone() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().withoutEndpoint(EndpointService.LOGS)
                .vpcTags(Map.of(ResourceTags.SKIP, "true")).build());

        CheckReport report = check(launch(Snapshots.TASK_SUBNET));

        assertThat(report.verdict()).isEqualTo(CheckVerdict.WILL_FAIL);
        assertThat(report.remediation()).isEmpty();
        assertThat(report.notes()).containsExactly("VPC " + Snapshots.VPC_ID + " is tagged " + ResourceTags.SKIP
                + ": reported, left alone");
    }

    @Test
    void withoutSecurityGroupsTheVpcsDefaultGroupIsChecked() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().group(Snapshots.group(DEFAULT_SG, "default",
                List.of(), Map.of())).build());

        CheckReport report = check(new Launch(new Named(DEFINITION), List.of(Snapshots.TASK_SUBNET), List.of(),
                "1.4.0", null, false, PublicIp.UNKNOWN));

        assertThat(report.verdict()).isEqualTo(CheckVerdict.READY);
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).contains("default group [" + DEFAULT_SG + "]"));
    }

    static Stream<Arguments> cannotTell() {
        Launch seed = launch(Snapshots.TASK_SUBNET);
        return Stream.of(
                Arguments.of("unknown task definition", new Launch(new Named("app:99"), seed.subnetIds(),
                        seed.securityGroupIds(), null, null, false, PublicIp.UNKNOWN), "task definition app:99 does not exist"),
                Arguments.of("unknown subnet", launch("subnet-0nosuchthing"),
                        "subnet(s) subnet-0nosuchthing do not exist in this account and Region"),
                Arguments.of("subnets of two VPCs", launch(Snapshots.TASK_SUBNET, OTHER_SUBNET),
                        "the subnets are in 2 VPCs (" + Snapshots.TASK_SUBNET + " in " + Snapshots.VPC_ID + ", "
                                + OTHER_SUBNET + " in " + OTHER_VPC + ")"),
                Arguments.of("unknown security group", new Launch(new Named(DEFINITION), seed.subnetIds(),
                        List.of("sg-0nosuchthing"), null, null, false, PublicIp.UNKNOWN),
                        "security group(s) sg-0nosuchthing do not exist in " + Snapshots.VPC_ID),
                Arguments.of("no subnet", launch(), "no subnet given"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cannotTell")
    void badInputCannotTellAndSaysWhy(String name, Launch request, String reason) {
        CheckReport report = check(request);

        assertThat(report.verdict()).isEqualTo(CheckVerdict.CANNOT_TELL);
        assertThat(report.cannotTell()).singleElement().asString().contains(reason);
        assertThat(report.summary()).isEqualTo("CANNOT_TELL: " + report.cannotTell().get(0));
        assertThat(report.retryable()).isNull();
    }

    @Test
    void aTaskDefinitionForEc2OnlyCannotTell() {
        aws.definitions.put(DEFINITION, new TaskDefinition(DEFINITION, Tasks.seedDefinition().containers(), null,
                List.of("EC2")));

        CheckReport report = check(launch(Snapshots.TASK_SUBNET));

        assertThat(report.verdict()).isEqualTo(CheckVerdict.CANNOT_TELL);
        assertThat(report.summary()).contains("is for [EC2] only: the check is for tasks on Fargate");
        assertThat(aws.calls).doesNotContain("vpcsOfSubnets");
    }

    @Test
    void aVpcOutsideTheAllowListIsNotRead() {
        CheckReport report = check(launch(Snapshots.TASK_SUBNET),
                new Settings(Mode.REMEDIATE, PlanSettings.defaults(), Set.of(OTHER_VPC)));

        assertThat(report.verdict()).isEqualTo(CheckVerdict.CANNOT_TELL);
        assertThat(report.summary()).contains("is not in ALLOWED_VPC_IDS");
        assertThat(aws.calls).noneMatch(c -> c.startsWith("snapshot"));
    }

    @Test
    void aServiceThatIsNotFargateCannotTell() {
        aws.lookups.put("prod/batch", new ServiceLookup.NotCheckable("service batch does not run on Fargate (launch type EC2)"));

        CheckReport report = check(new CheckRequest.OfService("prod", "batch"));

        assertThat(report.verdict()).isEqualTo(CheckVerdict.CANNOT_TELL);
        assertThat(report.summary()).isEqualTo("CANNOT_TELL: service batch does not run on Fargate (launch type EC2)");
        assertThat(aws.calls).containsExactly("service:prod/batch");
    }

    @Test
    void aServiceThatCannotBeReadCannotTellAndNamesTheAction() {
        aws.fail("service:prod/web", InMemoryPorts.refused("ecs:DescribeServices"));

        CheckReport report = check(new CheckRequest.OfService("prod", "web"));

        assertThat(report.verdict()).isEqualTo(CheckVerdict.CANNOT_TELL);
        assertThat(report.summary()).isEqualTo("CANNOT_TELL: could not read service web: ecs:DescribeServices was denied: "
                + "grant it to the function's role (UnauthorizedOperation)");
        assertThat(report.checked().service()).isEqualTo("web");
        assertThat(aws.calls).containsExactly("service:prod/web");
    }

    @Test
    void aTransientFailureCannotTellAndMayBeAskedAgain() {
        aws.fail("snapshot:" + Snapshots.VPC_ID, InMemoryPorts.stillFailing("ec2:DescribeVpcs"));

        CheckReport report = check(launch(Snapshots.TASK_SUBNET));

        assertThat(report.verdict()).isEqualTo(CheckVerdict.CANNOT_TELL);
        assertThat(report.retryable()).isTrue();
        assertThat(report.summary()).contains("ec2:DescribeVpcs still failing after the SDK's retries");
    }

    @Test
    void aRefusedReadCannotTellAndNamesTheAction() {
        aws.fail("taskDefinition:" + DEFINITION, InMemoryPorts.refused("ecs:DescribeTaskDefinition"));

        CheckReport report = check(launch(Snapshots.TASK_SUBNET));

        assertThat(report.verdict()).isEqualTo(CheckVerdict.CANNOT_TELL);
        assertThat(report.retryable()).isNull();
        assertThat(report.summary()).contains("could not read task definition " + DEFINITION,
                "ecs:DescribeTaskDefinition was denied");
    }

    @Test
    void aCheckThatCouldNotBeDecidedCannotTellRatherThanReady() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc()
                .privateZones(new PrivateZones(List.of(), Optional.of("route53:ListHostedZonesByVPC was denied"))).build());

        CheckReport report = check(launch(Snapshots.TASK_SUBNET));

        assertThat(report.verdict()).isEqualTo(CheckVerdict.CANNOT_TELL);
        assertThat(report.cannotTell()).singleElement().asString().contains("could not be read");
        assertThat(report.summary()).contains("DNS_ZONES_UNREADABLE (" + Snapshots.VPC_ID + ")");
    }

    @Test
    void aRequestThatIsNoRequestIsRejectedWithoutReading() {
        CheckReport report = new DeployCheck(aws, aws, aws, new Settings(Mode.REMEDIATE, PlanSettings.defaults()),
                Snapshots.REGION, Clock.systemUTC()).rejected("subnets must be a list of subnet ids");

        assertThat(report.verdict()).isEqualTo(CheckVerdict.CANNOT_TELL);
        assertThat(aws.calls).isEmpty();
        assertThat(report.summary()).isEqualTo("CANNOT_TELL: subnets must be a list of subnet ids");
    }
}
