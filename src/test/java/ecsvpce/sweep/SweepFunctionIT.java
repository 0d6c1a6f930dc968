package ecsvpce.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Lambda;
import ecsvpce.testing.EndpointSpec;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.MotoTest;
import ecsvpce.testing.VpcReadBack;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * SweepFunction end to end against moto: a fleet of clusters, services and VPCs in, every VPC's
 * endpoints fixed (or planned), a report per VPC, subnet and service out.
 */
@MotoTest
class SweepFunctionIT {
    private static final String FIXED = "FIXED";

    private final CallRecorder recorder = new CallRecorder(Sweeps.FUNCTION);
    private final Fleet fleet = new Fleet();

    @AfterEach
    void closeFleet() {
        fleet.close();
    }

    /**
     * Two clusters over two VPCs. VPC a: secretsmanager's endpoint has private DNS off, logs has no
     * endpoint, and the S3 gateway is on private-a's route table only. VPC b: enableDnsHostnames off,
     * no ecr.api endpoint, only platform version 1.3.0 services (which fetch ECR auth through the
     * agent, not the task). Plus an EC2 service, which the sweep leaves out.
     */
    private record Mixed(FargateScenario a, FargateScenario b) {
    }

    private Mixed mixedFleet() {
        FargateScenario a = fleet.vpc("a", FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs")
                .endpoint(EndpointSpec.interfaceEndpoint("secretsmanager").privateDns(false)), "us-east-1b");
        FargateScenario b = fleet.vpc("b", FargateScenario.seedEndpointsAllOn().withoutEndpoint("ecr.api")
                .dnsHostnames(false));
        String orders = fleet.cluster("orders");
        String billing = fleet.cluster("billing");
        String api = fleet.taskDefinition("api", Fleet.Definition.seed());
        String worker = fleet.taskDefinition("worker", Fleet.Definition.seed());
        fleet.service(Fleet.Service.of(orders, "api", api, a).subnets("private-a", "private-b"));
        fleet.service(Fleet.Service.of(orders, "legacy", worker, b).platformVersion("1.3.0"));
        fleet.service(Fleet.Service.of(billing, "invoices", worker, a).platformVersion("LATEST"));
        fleet.service(Fleet.Service.of(billing, "batch", api, b).platformVersion("1.3.0"));
        fleet.service(Fleet.Service.of(billing, "on-ec2", api, a).launch(Fleet.Launch.EC2));
        return new Mixed(a, b);
    }

    private SweepResult sweep(Mode mode, String payload, ExecutionInterceptor... ecs) {
        ExecutionInterceptor[] all = new ExecutionInterceptor[ecs.length + 1];
        all[0] = fleet.motoServiceFields();
        System.arraycopy(ecs, 0, all, 1, ecs.length);
        return Sweeps.run(Sweeps.function(mode, recorder, all), payload);
    }

    private SweepResult scheduledSweep(Mode mode) {
        return sweep(mode, Sweeps.payloadFile("events/scheduled-sweep.json"));
    }

    @Test
    void healsMixedGapsInTwoVpcsOfTwoClustersWithOneMergedPlanEach() {
        Mixed fleet = mixedFleet();
        String secretsManagerBefore = fleet.a().endpointId("secretsmanager");

        SweepResult report = scheduledSweep(Mode.REMEDIATE);

        assertThat(report.vpcIds()).containsExactlyInAnyOrder(fleet.a().vpcId(), fleet.b().vpcId());
        assertThat(report.serviceNames()).containsExactly("api", "batch", "invoices", "legacy");
        assertThat(report.services()).allSatisfy(s -> assertThat(s.status()).as(s.name()).isEqualTo(FIXED));
        assertThat(report.service("api")).extracting(SweepResult.ServiceInSubnet::subnetId)
                .containsExactlyInAnyOrder(fleet.a().subnetId("private-a"), fleet.a().subnetId("private-b"));

        // VPC a: the existing endpoint fixed in place, one logs endpoint for both services, the route table added.
        assertThat(report.actionTypes(fleet.a().vpcId())).containsExactly("ENABLE_PRIVATE_DNS",
                "ADD_ROUTE_TABLE_TO_GATEWAY", "CREATE_ENDPOINT_SECURITY_GROUP", "CREATE_INTERFACE_ENDPOINT");
        VpcReadBack a = fleet.a().readBack();
        assertThat(a.endpoint("secretsmanager").orElseThrow()).satisfies(e -> {
            assertThat(e.id()).isEqualTo(secretsManagerBefore);
            assertThat(e.privateDns()).isTrue();
        });
        assertThat(a.endpoint("logs").orElseThrow().subnetIds())
                .containsExactlyInAnyOrder(fleet.a().subnetId("private-a"), fleet.a().subnetId("private-b"));
        assertThat(a.endpoint("s3").orElseThrow().routeTableIds())
                .containsExactlyInAnyOrder(fleet.a().routeTableId("private-a"), fleet.a().routeTableId("private-b"));

        // VPC b: DNS hostnames turned on, and nothing else: its 1.3.0 services need no ecr.api.
        assertThat(report.actionTypes(fleet.b().vpcId())).containsExactly("ENABLE_VPC_DNS_ATTRIBUTE");
        assertThat(fleet.b().readBack().dnsAttributes().privateDnsUsable()).isTrue();
        assertThat(fleet.b().readBack().endpoints("ecr.api")).isEmpty();
        assertThat(report.service("legacy").get(0).needs()).doesNotContain("ecr.api").contains("ecr.dkr", "s3");
        assertThat(report.service("invoices").get(0).needs()).contains("ecr.api");

        assertThat(recorder.count("ec2:CreateVpcEndpoint")).isEqualTo(1);
        assertThat(report.totals()).containsEntry("clusters", 2).containsEntry("vpcs", 2)
                .containsEntry("servicesChecked", 4).containsEntry("nonCompliant", 4).containsEntry("fixed", 4)
                .containsEntry("notFixableByEndpoints", 0).containsEntry("unreadable", 0);
        // One logs endpoint in two AZs.
        assertThat(new BigDecimal(report.totals().get("monthlyCostAddedUsd").toString())).isEqualByComparingTo("14.60");
        assertThat(report.summary()).contains("4 non-compliant", "4 fixed", "adds 14.60 USD/month");
    }

    @Test
    void dryRunReportsThePlanAndChangesNothing() {
        Mixed fleet = mixedFleet();
        Map<String, Object> before = state(fleet);

        SweepResult report = scheduledSweep(Mode.DRY_RUN);

        assertThat(recorder.calls()).isNotEmpty();
        assertThat(recorder.writes()).isEmpty();
        assertThat(state(fleet)).isEqualTo(before);
        assertThat(report.mode()).isEqualTo("DRY_RUN");
        assertThat(report.services()).allSatisfy(s -> assertThat(s.status()).as(s.name()).isEqualTo("PLANNED"));
        assertThat(report.actionTypes(fleet.a().vpcId())).containsExactly("ENABLE_PRIVATE_DNS",
                "ADD_ROUTE_TABLE_TO_GATEWAY", "CREATE_ENDPOINT_SECURITY_GROUP", "CREATE_INTERFACE_ENDPOINT");
        assertThat(report.actionTypes(fleet.b().vpcId())).containsExactly("ENABLE_VPC_DNS_ATTRIBUTE");
        assertThat(report.vpcs()).flatExtracting(v -> SweepResult.maps(v.get("actions")))
                .allSatisfy(action -> assertThat(action).containsEntry("status", "PLANNED"));
        assertThat(report.totals()).containsEntry("nonCompliant", 4).containsEntry("fixed", 0);
        assertThat(report.summary()).contains("dry run, nothing changed", "would add 14.60 USD/month");
    }

    @Test
    void aSecondSweepRightAfterTheFirstFindsEverythingCompliantAndChangesNothing() {
        Mixed fleet = mixedFleet();
        scheduledSweep(Mode.REMEDIATE);
        Map<String, Object> healed = state(fleet);
        recorder.clear();

        SweepResult second = scheduledSweep(Mode.REMEDIATE);

        assertThat(recorder.writes()).isEmpty();
        assertThat(state(fleet)).isEqualTo(healed);
        assertThat(second.services()).hasSize(5)
                .allSatisfy(s -> assertThat(s.status()).as(s.name()).isEqualTo("COMPLIANT"));
        assertThat(second.vpcs()).allSatisfy(vpc -> {
            assertThat(vpc).containsEntry("compliant", true);
            assertThat(SweepResult.maps(vpc.get("actions"))).isEmpty();
        });
        assertThat(second.totals()).containsEntry("servicesChecked", 4).containsEntry("nonCompliant", 0)
                .containsEntry("fixed", 0);
        assertThat(new BigDecimal(second.totals().get("monthlyCostAddedUsd").toString())).isZero();
    }

    @Test
    void servicesInTwoAzsLackingLogsGetOneLogsEndpointWithOneSubnetPerAzAndEachRouteTableOnce() {
        // private-a and private-c in us-east-1a, private-b in us-east-1b; the S3 gateway on private-a's table only.
        FargateScenario vpc = fleet.vpc("logs", FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs"),
                "us-east-1b", "us-east-1a");
        String web = fleet.cluster("web");
        String jobs = fleet.cluster("jobs");
        String front = fleet.taskDefinition("front", Fleet.Definition.seed());
        String job = fleet.taskDefinition("job", Fleet.Definition.seed().withoutSecrets());
        fleet.service(Fleet.Service.of(web, "front-a", front, vpc).subnets("private-a"));
        fleet.service(Fleet.Service.of(web, "front-b", front, vpc).subnets("private-b"));
        fleet.service(Fleet.Service.of(jobs, "job-b", job, vpc).subnets("private-b"));
        fleet.service(Fleet.Service.of(jobs, "job-c", job, vpc).subnets("private-c"));

        SweepResult report = scheduledSweep(Mode.REMEDIATE);

        VpcReadBack readBack = vpc.readBack();
        assertThat(readBack.endpointCount("logs")).isEqualTo(1);
        List<String> logsSubnets = readBack.endpoint("logs").orElseThrow().subnetIds();
        Map<String, String> azOfSubnet = Map.of(vpc.subnetId("private-a"), "us-east-1a",
                vpc.subnetId("private-b"), "us-east-1b", vpc.subnetId("private-c"), "us-east-1a");
        assertThat(logsSubnets).hasSize(2).contains(vpc.subnetId("private-b"));
        assertThat(logsSubnets.stream().map(azOfSubnet::get).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("us-east-1a", "us-east-1b");
        assertThat(recorder.count("ec2:CreateVpcEndpoint")).isEqualTo(1);

        // front-b and job-b share private-b's route table: it is added once, as is private-c's.
        assertThat(report.actionTypes(vpc.vpcId())).filteredOn("ADD_ROUTE_TABLE_TO_GATEWAY"::equals).hasSize(2);
        assertThat(recorder.count("ec2:ModifyVpcEndpoint")).isEqualTo(2);
        assertThat(readBack.endpoint("s3").orElseThrow().routeTableIds()).containsExactlyInAnyOrder(
                vpc.routeTableId("private-a"), vpc.routeTableId("private-b"), vpc.routeTableId("private-c"));
        assertThat(report.services()).hasSize(4).allSatisfy(s -> assertThat(s.status()).isEqualTo(FIXED));
        assertThat(new BigDecimal(report.totals().get("monthlyCostAddedUsd").toString())).isEqualByComparingTo("14.60");
    }

    @Test
    void clustersWhoseServicesCannotBeReadAndAGoneTaskDefinitionAreReportedAndTheRestIsSwept() {
        FargateScenario vpc = fleet.vpc("u", FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs"));
        String noList = fleet.cluster("no-list");
        String noDescribe = fleet.cluster("no-describe");
        String open = fleet.cluster("open");
        String app = fleet.taskDefinition("app", Fleet.Definition.seed());
        String gone = fleet.taskDefinition("gone", Fleet.Definition.seed());
        fleet.service(Fleet.Service.of(noList, "hidden-1", app, vpc));
        fleet.service(Fleet.Service.of(noDescribe, "hidden-2", app, vpc));
        fleet.service(Fleet.Service.of(open, "ghost", gone, vpc));
        fleet.service(Fleet.Service.of(open, "fine", app, vpc));
        fleet.deleteTaskDefinition(gone);

        SweepResult report = sweep(Mode.REMEDIATE, Sweeps.payloadFile("events/scheduled-sweep.json"),
                FailCall.deniedListServices(noList), FailCall.deniedDescribeServices(noDescribe));

        assertThat(report.unreadable()).hasSize(3);
        assertThat(report.unreadable()).anySatisfy(u -> {
            assertThat(u).containsEntry("resource", noList).containsEntry("services", "every service of the cluster");
            assertThat((String) u.get("reason")).contains("ecs:ListServices was denied", "AccessDeniedException");
        });
        assertThat(report.unreadable()).anySatisfy(u -> {
            assertThat(u).containsEntry("resource", noDescribe).containsEntry("services", "every service of the cluster");
            assertThat((String) u.get("reason")).contains("ecs:DescribeServices was denied");
        });
        assertThat(report.unreadable()).anySatisfy(u -> {
            assertThat(u).containsEntry("resource", gone).containsEntry("services", "ghost");
            assertThat((String) u.get("reason")).contains("ecs:DescribeTaskDefinition", "ClientException");
        });
        assertThat(report.serviceNames()).containsExactly("fine");
        assertThat(report.service("fine").get(0).status()).isEqualTo(FIXED);
        assertThat(vpc.readBack().endpointCount("logs")).isEqualTo(1);
        assertThat(report.totals()).containsEntry("clusters", 3).containsEntry("unreadable", 3)
                .containsEntry("servicesChecked", 1).containsEntry("fixed", 1);
        assertThat(report.summary()).contains("3 unreadable");
    }

    @Test
    void aClusterAndATaskDefinitionStillThrottledAfterTheSdksRetriesAreReportedAndTheRestIsSwept() {
        FargateScenario vpc = fleet.vpc("t", FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs"));
        String busy = fleet.cluster("busy");
        String calm = fleet.cluster("calm");
        String app = fleet.taskDefinition("app", Fleet.Definition.seed());
        String hot = fleet.taskDefinition("hot", Fleet.Definition.seed());
        fleet.service(Fleet.Service.of(busy, "behind-throttling", app, vpc));
        fleet.service(Fleet.Service.of(calm, "hot-definition", hot, vpc));
        fleet.service(Fleet.Service.of(calm, "fine", app, vpc));

        SweepResult report = sweep(Mode.REMEDIATE, Sweeps.payloadFile("events/scheduled-sweep.json"),
                FailCall.throttledListServices(busy), FailCall.throttledTaskDefinition(hot));

        assertThat(report.unreadable()).hasSize(2);
        assertThat(report.unreadable()).anySatisfy(u -> {
            assertThat(u).containsEntry("resource", busy).containsEntry("services", "every service of the cluster");
            assertThat((String) u.get("reason")).contains("ecs:ListServices", "Rate exceeded");
        });
        assertThat(report.unreadable()).anySatisfy(u -> {
            assertThat(u).containsEntry("resource", hot).containsEntry("services", "hot-definition");
            assertThat((String) u.get("reason")).contains("ecs:DescribeTaskDefinition", "Rate exceeded");
        });
        assertThat(report.serviceNames()).containsExactly("fine");
        assertThat(report.service("fine").get(0).status()).isEqualTo(FIXED);
        assertThat(vpc.readBack().endpointCount("logs")).isEqualTo(1);
    }

    @Test
    void aManualPayloadSweepsOnlyItsClustersAndVpcsAndItsDryRunOutranksTheFunctionsMode() {
        FargateScenario one = fleet.vpc("one", FargateScenario.builder());
        FargateScenario two = fleet.vpc("two", FargateScenario.builder());
        String left = fleet.cluster("left");
        String right = fleet.cluster("right");
        String app = fleet.taskDefinition("app", Fleet.Definition.seed());
        fleet.service(Fleet.Service.of(left, "left-1", app, one));
        fleet.service(Fleet.Service.of(left, "left-2", app, two));
        fleet.service(Fleet.Service.of(right, "right-1", app, one));
        fleet.service(Fleet.Service.of(right, "right-2", app, two));
        Map<String, Object> before = Map.of("one", one.readBack().endpoints(), "two", two.readBack().endpoints());

        SweepResult report = sweep(Mode.REMEDIATE,
                "{\"clusters\": [\"right\"], \"vpcIds\": [\"" + two.vpcId() + "\"], \"dryRun\": true}");

        assertThat(report.mode()).isEqualTo("DRY_RUN");
        assertThat(report.vpcIds()).containsExactly(two.vpcId());
        assertThat(report.serviceNames()).containsExactly("right-2");
        assertThat(report.service("right-2").get(0).status()).isEqualTo("PLANNED");
        assertThat(recorder.count("ecs:ListClusters")).isZero();
        assertThat(recorder.count("ecs:ListServices")).isEqualTo(1);
        assertThat(recorder.count("ec2:DescribeVpcEndpoints")).isEqualTo(1);
        assertThat(recorder.writes()).isEmpty();
        assertThat(Map.of("one", one.readBack().endpoints(), "two", two.readBack().endpoints())).isEqualTo(before);
        assertThat(report.totals()).containsEntry("clusters", 1).containsEntry("servicesChecked", 1);

        // A function in DRY_RUN stays in DRY_RUN whatever the payload says.
        recorder.clear();
        SweepResult notRemediated = Sweeps.run(Sweeps.function(Mode.DRY_RUN, recorder, fleet.motoServiceFields()),
                "{\"dryRun\": false}");
        assertThat(notRemediated.mode()).isEqualTo("DRY_RUN");
        assertThat(notRemediated.serviceNames()).containsExactly("left-1", "left-2", "right-1", "right-2");
        assertThat(recorder.writes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"clusters": "orders-prod"}                  | clusters must be a list of non-empty strings
            {"clusters": ["orders-prod", ""]}            | clusters must be a list of non-empty strings
            {"vpcIds": ["vpc-0a1b2c3d4e5f67890", 42]}    | vpcIds must be a list of non-empty strings
            {"dryRun": "yes"}                            | dryRun must be true or false
            {"cluster": ["orders-prod"]}                 | unknown key 'cluster': a manual sweep takes
            ["orders-prod"]                              | the payload is an array, not an object
            true                                         | the payload is a boolean, not an object
            {"clusters": ["orders-prod"]                 | the payload is not valid JSON: Unexpected end-of-input
            """)
    void aMalformedPayloadIsRejectedWithAClearMessageBeforeAnyCall(String payload, String message) {
        SweepResult report = sweep(Mode.REMEDIATE, payload);

        assertThat(report.rejectedInput()).startsWith(message);
        assertThat(report.summary()).isEqualTo("rejected: " + report.rejectedInput());
        assertThat(report.json()).doesNotContainKeys("vpcs", "totals");
        assertThat(recorder.calls()).isEmpty();
    }

    @Test
    void theScheduledEventFileSweepsEverything() {
        Mixed fleet = mixedFleet();

        SweepResult report = scheduledSweep(Mode.DRY_RUN);

        assertThat(report.rejectedInput()).isNull();
        assertThat(recorder.count("ecs:ListClusters")).isEqualTo(1);
        assertThat(report.vpcIds()).containsExactlyInAnyOrder(fleet.a().vpcId(), fleet.b().vpcId());
        assertThat(report.total("clusters")).isEqualTo(2);
    }

    @Test
    void theManualEventFileIsAcceptedAndScopesTheSweepToItsClusterAndVpc() {
        String payload = Sweeps.payloadFile("events/sweep-manual.json");
        assertThat(Lambda.parse(payload.getBytes(StandardCharsets.UTF_8))).containsOnlyKeys("clusters", "vpcIds");
        FargateScenario vpc = fleet.vpc("m", FargateScenario.builder());
        String ordersProd = fleet.cluster("orders-prod");
        String other = fleet.cluster("other");
        String app = fleet.taskDefinition("app", Fleet.Definition.seed());
        fleet.service(Fleet.Service.of(ordersProd, "orders", app, vpc));
        fleet.service(Fleet.Service.of(other, "elsewhere", app, vpc));

        SweepResult report = sweep(Mode.REMEDIATE, payload);

        assertThat(report.rejectedInput()).isNull();
        assertThat(report.total("clusters")).isEqualTo(1);
        assertThat(recorder.count("ecs:ListClusters")).isZero();
        assertThat(recorder.count("ecs:ListServices")).isEqualTo(1);
        // The file's VPC is not this moto's: orders-prod's service lies outside the scope, no VPC is read.
        assertThat(report.vpcIds()).isEmpty();
        assertThat(recorder.count("ec2:DescribeVpcEndpoints")).isZero();
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void whatTheSweepChecksFargateAndSpotServicesTheirPlatformVersionsAndEcsExec() {
        FargateScenario vpc = fleet.vpc("kinds", FargateScenario.seedEndpointsAllOn());
        String cluster = fleet.cluster("kinds");
        String app = fleet.taskDefinition("app", Fleet.Definition.seed());
        fleet.service(Fleet.Service.of(cluster, "v140", app, vpc));
        fleet.service(Fleet.Service.of(cluster, "v130", app, vpc).platformVersion("1.3.0"));
        fleet.service(Fleet.Service.of(cluster, "latest", app, vpc).platformVersion("LATEST"));
        fleet.service(Fleet.Service.of(cluster, "unset", app, vpc).platformVersion(null));
        fleet.service(Fleet.Service.of(cluster, "spot", app, vpc).launch(Fleet.Launch.FARGATE_SPOT));
        fleet.service(Fleet.Service.of(cluster, "exec", app, vpc).ecsExec());
        fleet.service(Fleet.Service.of(cluster, "on-ec2", app, vpc).launch(Fleet.Launch.EC2));

        SweepResult report = scheduledSweep(Mode.DRY_RUN);

        assertThat(report.serviceNames()).containsExactly("exec", "latest", "spot", "unset", "v130", "v140");
        Map<String, List<String>> needs = new HashMap<>();
        report.services().forEach(s -> needs.put(s.name(), s.needs()));
        Set<String> seed = Set.of("ecr.dkr", "ecr.api", "s3", "logs", "ssm", "secretsmanager");
        for (String name : List.of("v140", "latest", "unset", "spot")) {
            assertThat(needs.get(name)).as(name).containsExactlyInAnyOrderElementsOf(seed);
        }
        assertThat(needs.get("v130")).containsExactlyInAnyOrder("ecr.dkr", "s3", "logs", "ssm", "secretsmanager");
        assertThat(needs.get("exec")).contains("ssmmessages");
        assertThat(report.service("exec").get(0).findingCodes()).containsExactly("ENDPOINT_MISSING");
        assertThat(report.actionTypes(vpc.vpcId())).containsExactly("CREATE_ENDPOINT_SECURITY_GROUP",
                "CREATE_INTERFACE_ENDPOINT");
        assertThat((String) report.actions(vpc.vpcId()).get(1).get("description")).contains("ssmmessages");
        assertThat(report.services()).filteredOn(s -> !s.name().equals("exec"))
                .allSatisfy(s -> assertThat(s.status()).as(s.name()).isEqualTo("COMPLIANT"));
    }

    @Test
    void stopsStartingNewVpcsWhenLessThanTwoMinutesRemainAndListsThemAsNotReached() {
        FargateScenario one = fleet.vpc("one", FargateScenario.builder());
        FargateScenario two = fleet.vpc("two", FargateScenario.builder());
        String cluster = fleet.cluster("c");
        String app = fleet.taskDefinition("app", Fleet.Definition.seed());
        fleet.service(Fleet.Service.of(cluster, "s1", app, one));
        fleet.service(Fleet.Service.of(cluster, "s2", app, two));
        Context context = mock(Context.class);
        when(context.getRemainingTimeInMillis()).thenReturn(600_000, 119_000);

        SweepResult report = Sweeps.run(Sweeps.function(Mode.REMEDIATE, recorder, fleet.motoServiceFields()),
                Sweeps.payloadFile("events/scheduled-sweep.json"), context);

        String first = one.vpcId().compareTo(two.vpcId()) < 0 ? one.vpcId() : two.vpcId();
        String second = first.equals(one.vpcId()) ? two.vpcId() : one.vpcId();
        assertThat(report.vpcIds()).containsExactly(first);
        assertThat(report.notReached()).containsExactly(second);
        assertThat(report.summary()).contains("1 VPC(s) not reached in time");
        assertThat(recorder.count("ec2:DescribeVpcEndpoints")).isEqualTo(1);
        assertThat(new VpcReadBack(fleet.ec2(), second).endpoints()).isEmpty();
    }

    /** What a dry run must leave as it found: endpoints, DNS attributes, security groups of both VPCs. */
    private static Map<String, Object> state(Mixed fleet) {
        Map<String, Object> state = new HashMap<>();
        for (FargateScenario vpc : List.of(fleet.a(), fleet.b())) {
            VpcReadBack readBack = vpc.readBack();
            state.put(vpc.vpcId() + " endpoints", readBack.endpoints());
            state.put(vpc.vpcId() + " dns", readBack.dnsAttributes());
            state.put(vpc.vpcId() + " groups", readBack.securityGroups());
        }
        return state;
    }
}
