package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ecsvpce.app.port.FargateService;
import ecsvpce.core.EndpointService;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.core.plan.ResourceTags;
import ecsvpce.report.ActionReport;
import ecsvpce.report.ErrorSummary;
import ecsvpce.report.Mode;
import ecsvpce.report.ServiceStatus;
import ecsvpce.report.SweepReport;
import ecsvpce.report.SweepReport.ServiceReport;
import ecsvpce.report.SweepReport.VpcReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sweep's two steps over in-memory ports: what is read once, what is reported where, what goes on. */
class FleetSweepTest {
    private static final String CLUSTER_1 = "arn:aws:ecs:ap-northeast-1:123456789012:cluster/one";
    private static final String CLUSTER_2 = "arn:aws:ecs:ap-northeast-1:123456789012:cluster/two";
    private static final String VPC_A = Snapshots.VPC_ID;
    private static final String VPC_B = "vpc-0b0b0b0b0b0b0b0b0";
    private static final String SUBNET_B = "subnet-0b";
    private static final String WORKER_DEFINITION = Tasks.TASK_DEFINITION_ARN.replace(":7", ":8");

    private final InMemoryPorts aws = new InMemoryPorts();

    FleetSweepTest() {
        aws.clusters.addAll(List.of(CLUSTER_1, CLUSTER_2));
        aws.servicesByCluster.put(CLUSTER_1, List.of(service(CLUSTER_1, "web", Tasks.TASK_DEFINITION_ARN,
                        Snapshots.TASK_SUBNET, Snapshots.SUBNET_C),
                service(CLUSTER_1, "api", Tasks.TASK_DEFINITION_ARN, Snapshots.TASK_SUBNET)));
        aws.servicesByCluster.put(CLUSTER_2, List.of(service(CLUSTER_2, "worker", WORKER_DEFINITION, SUBNET_B)));
        aws.definitions.put(Tasks.TASK_DEFINITION_ARN, Tasks.seedDefinition());
        aws.definitions.put(WORKER_DEFINITION, Tasks.seedDefinition());
        aws.vpcOfSubnet.putAll(Map.of(Snapshots.TASK_SUBNET, VPC_A, Snapshots.SUBNET_C, VPC_A, SUBNET_B, VPC_B));
        aws.snapshots(VPC_A, Snapshots.isolatedEmptyVpc().withSubnetC().build());
        aws.snapshots(VPC_B, vpcB());
    }

    @Test
    void eachVpcIsReadOnceAndWhatItsServicesLackIsFixedByOnePlan() {
        SweepReport.Swept report = swept(sweep(Mode.REMEDIATE).sweep(SweepScope.everything(), () -> false));

        assertThat(aws.calls).containsOnlyOnce("snapshot:" + VPC_A, "snapshot:" + VPC_B, "apply",
                "taskDefinition:" + Tasks.TASK_DEFINITION_ARN, "taskDefinition:" + WORKER_DEFINITION);
        assertThat(vpc(report, VPC_A).compliant()).as("as found, before the fix").isFalse();
        assertThat(vpc(report, VPC_B).compliant()).isTrue();
        assertThat(vpc(report, VPC_A).subnets()).hasSize(2);
        assertThat(statuses(report)).containsExactlyInAnyOrder(ServiceStatus.FIXED, ServiceStatus.FIXED,
                ServiceStatus.FIXED, ServiceStatus.COMPLIANT);
        assertThat(report.totals()).isEqualTo(new SweepReport.Totals(2, 2, 3, 2, 2, 0, 0,
                vpc(report, VPC_A).monthlyCostUsd()));
        assertThat(report.summary()).startsWith("checked 3 service(s) in 2 VPC(s): 2 non-compliant, 2 fixed, "
                + "0 not fixable by endpoints, adds ");
    }

    @Test
    void theExecKeysOfEveryClusterWithAnExecServiceAreReadOnceAndTheirEndpointsMade() {
        String key = "arn:aws:kms:ap-northeast-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
        aws.execKmsKeys.put(CLUSTER_1, key);
        aws.servicesByCluster.put(CLUSTER_1, List.of(new FargateService(CLUSTER_1, arn(CLUSTER_1, "web"), "web",
                Tasks.TASK_DEFINITION_ARN, "LATEST", null, List.of(Snapshots.TASK_SUBNET), List.of(Snapshots.TASK_SG),
                true, Map.of())));

        SweepReport.Swept report = swept(sweep(Mode.REMEDIATE).sweep(SweepScope.everything(), () -> false));

        assertThat(aws.calls).containsOnlyOnce("execKmsKeys");
        assertThat(services(report)).filteredOn(s -> s.serviceName().equals("web")).singleElement()
                .satisfies(web -> assertThat(web.needs()).contains(EndpointService.SSMMESSAGES, EndpointService.KMS));
        assertThat(vpc(report, VPC_A).actions()).extracting(ActionReport::description)
                .anySatisfy(d -> assertThat(d).startsWith("create ssmmessages interface endpoint"))
                .anySatisfy(d -> assertThat(d).startsWith("create kms interface endpoint"));
    }

    @Test
    void noExecKeyIsReadWhenNoServiceUsesExec() {
        swept(sweep(Mode.REMEDIATE).sweep(SweepScope.everything(), () -> false));

        assertThat(aws.calls).doesNotContain("execKmsKeys");
    }

    @Test
    void aDryRunAskedForByThePayloadIsAWriterThatWritesNothing() {
        SweepReport.Swept report = swept(sweep(Mode.REMEDIATE).sweep(new SweepScope(List.of(), Set.of(), true),
                () -> false));

        assertThat(report.mode()).isEqualTo(Mode.DRY_RUN);
        assertThat(aws.calls).doesNotContain("apply");
        assertThat(statuses(report)).contains(ServiceStatus.PLANNED).doesNotContain(ServiceStatus.FIXED);
        assertThat(report.summary()).contains("dry run, nothing changed").contains("would add");
    }

    @Test
    void clustersThatStillCannotBeListedAfterTheSdksRetriesAreUnreadable() {
        aws.fail("clusterArns", InMemoryPorts.stillFailing("ecs:ListClusters"));

        SweepReport.Swept report = swept(sweep(Mode.REMEDIATE).sweep(SweepScope.everything(), () -> false));

        assertThat(report.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.resource()).isEqualTo("clusters");
            assertThat(u.reason()).contains("ecs:ListClusters");
        });
        assertThat(report.vpcs()).isEmpty();
        assertThat(report.summary()).contains("1 unreadable");
    }

    @Test
    void clustersAwsRefusesToListEndTheSweepNamingTheAction() {
        aws.fail("clusterArns", InMemoryPorts.refused("ecs:ListClusters"));

        SweepReport report = sweep(Mode.REMEDIATE).sweep(SweepScope.everything(), () -> false);

        assertThat(report).isInstanceOfSatisfying(SweepReport.Failed.class, failed -> {
            assertThat(failed.error().iamAction()).isEqualTo("ecs:ListClusters");
            assertThat(failed.summary()).isEqualTo(failed.error().message());
        });
    }

    @Test
    void subnetsThatStillCannotBeReadAreUnreadableAndNoVpcIsTouched() {
        aws.fail("vpcsOfSubnets", InMemoryPorts.stillFailing("ec2:DescribeSubnets"));

        SweepReport.Swept report = swept(sweep(Mode.REMEDIATE).sweep(SweepScope.everything(), () -> false));

        assertThat(report.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.resource()).isEqualTo("3 subnet(s)");
            assertThat(u.reason()).contains("ec2:DescribeSubnets");
        });
        assertThat(aws.calls).noneMatch(c -> c.startsWith("snapshot:") || c.startsWith("taskDefinition:"));
    }

    @Test
    void aClusterOrTaskDefinitionThatCannotBeReadIsListedAndTheRestIsSwept() {
        aws.fail("fargateServices:" + CLUSTER_2, InMemoryPorts.refused("ecs:DescribeServices"));
        aws.fail("taskDefinition:" + Tasks.TASK_DEFINITION_ARN, InMemoryPorts.stillFailing("ecs:DescribeTaskDefinition"));
        aws.servicesByCluster.put(CLUSTER_1, List.of(
                service(CLUSTER_1, "web", Tasks.TASK_DEFINITION_ARN, Snapshots.TASK_SUBNET),
                service(CLUSTER_1, "api", Tasks.TASK_DEFINITION_ARN, Snapshots.TASK_SUBNET),
                service(CLUSTER_1, "jobs", WORKER_DEFINITION, Snapshots.TASK_SUBNET)));

        SweepReport.Swept report = swept(sweep(Mode.REMEDIATE).sweep(SweepScope.everything(), () -> false));

        assertThat(report.unreadable()).extracting(SweepReport.Unreadable::resource, SweepReport.Unreadable::services)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CLUSTER_2, "every service of the cluster"),
                        org.assertj.core.groups.Tuple.tuple(Tasks.TASK_DEFINITION_ARN, "web, api"));
        assertThat(services(report)).extracting(ServiceReport::serviceName).containsExactly("jobs");
        assertThat(report.totals().unreadable()).isEqualTo(2);
    }

    @Test
    void aSubnetThatNoLongerExistsIsUnreadable() {
        aws.vpcOfSubnet.remove(Snapshots.SUBNET_C);

        SweepReport.Swept report = swept(sweep(Mode.REMEDIATE).sweep(SweepScope.everything(), () -> false));

        assertThat(report.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.resource()).isEqualTo(Snapshots.SUBNET_C);
            assertThat(u.services()).isEqualTo("web");
            assertThat(u.reason()).isEqualTo("subnet no longer exists");
        });
        assertThat(vpc(report, VPC_A).subnets()).extracting(SweepReport.SubnetReport::subnetId)
                .containsExactly(Snapshots.TASK_SUBNET);
    }

    @Test
    void whatTheTeamFencedOffIsListedAsSkippedAndNeitherReadNorChanged() {
        aws.servicesByCluster.put(CLUSTER_1, List.of(service(CLUSTER_1, "web", Tasks.TASK_DEFINITION_ARN,
                Map.of(ResourceTags.SKIP, "true"), Snapshots.TASK_SUBNET)));
        Settings onlyVpcB = new Settings(Mode.REMEDIATE, PlanSettings.defaults(), Set.of(VPC_B));
        aws.servicesByCluster.put(CLUSTER_2, List.of(service(CLUSTER_2, "worker", WORKER_DEFINITION, SUBNET_B),
                service(CLUSTER_2, "outside", WORKER_DEFINITION, Snapshots.SUBNET_C)));

        SweepReport.Swept report = swept(sweep(onlyVpcB).sweep(SweepScope.everything(), () -> false));

        assertThat(report.skipped()).extracting(SweepReport.Skipped::resource)
                .containsExactly(arn(CLUSTER_1, "web"), VPC_A);
        assertThat(report.skipped()).extracting(SweepReport.Skipped::reason).containsExactly(
                "service web is tagged " + ResourceTags.SKIP + ": left alone",
                "VPC " + VPC_A + " is not in ALLOWED_VPC_IDS: left alone");
        assertThat(aws.calls).doesNotContain("snapshot:" + VPC_A);
        assertThat(report.summary()).contains("2 skipped on purpose");
    }

    @Test
    void aVpcWhoseReadsFailIsReportedInItsPlaceAndTheOthersAreSwept() {
        aws.fail("snapshot:" + VPC_A, InMemoryPorts.stillFailing("ec2:DescribeVpcEndpoints"));

        SweepReport.Swept report = swept(sweep(Mode.REMEDIATE).sweep(SweepScope.everything(), () -> false));

        assertThat(vpc(report, VPC_A)).satisfies(failed -> {
            assertThat(failed.compliant()).isFalse();
            assertThat(failed.subnets()).isEmpty();
            assertThat(failed.error().kind()).isEqualTo(ErrorSummary.Kind.TRANSIENT);
            assertThat(failed.error().message()).contains("ec2:DescribeVpcEndpoints");
        });
        assertThat(vpc(report, VPC_B).compliant()).isTrue();
    }

    @Test
    void aChangeAwsRefusesMarksTheVpcsServicesFailed() {
        aws.onApply(InMemoryPorts.applyThenRefuse(0));

        SweepReport.Swept report = swept(sweep(Mode.REMEDIATE).sweep(SweepScope.everything(), () -> false));

        assertThat(vpc(report, VPC_A).error().kind()).isEqualTo(ErrorSummary.Kind.ACCESS_DENIED);
        assertThat(vpc(report, VPC_A).subnets()).flatExtracting(SweepReport.SubnetReport::services)
                .extracting(ServiceReport::status).containsOnly(ServiceStatus.FAILED);
        assertThat(report.totals().fixed()).isZero();
    }

    @Test
    void aVpcWhoseWritesLoseEveryRoundIsReportedAsTransientAndTheOthersAreSwept() {
        for (int round = 0; round < VpcConvergence.MAX_ROUNDS; round++) {
            aws.onApply(InMemoryPorts.applyThenLoseRace(0));
        }

        SweepReport.Swept report = swept(sweep(Mode.REMEDIATE).sweep(SweepScope.everything(), () -> false));

        assertThat(vpc(report, VPC_A).error().kind()).isEqualTo(ErrorSummary.Kind.TRANSIENT);
        assertThat(vpc(report, VPC_A).error().message()).contains("lost a race");
        assertThat(vpc(report, VPC_B).compliant()).isTrue();
    }

    @Test
    void aSubnetTaggedToBeSkippedIsReportedWithItsReasonAndLeftAlone() {
        aws.snapshots(VPC_A, Snapshots.isolatedEmptyVpc().withSubnetC()
                .subnetTags(Snapshots.SUBNET_C, Map.of(ResourceTags.SKIP, "")).build());

        SweepReport.Swept report = swept(sweep(Mode.REMEDIATE).sweep(SweepScope.everything(), () -> false));

        assertThat(vpc(report, VPC_A).notes()).contains("subnet " + Snapshots.SUBNET_C + " is tagged "
                + ResourceTags.SKIP + ": reported, left alone");
        assertThat(vpc(report, VPC_A).subnets()).filteredOn(s -> s.subnetId().equals(Snapshots.SUBNET_C))
                .flatExtracting(SweepReport.SubnetReport::services).extracting(ServiceReport::status)
                .containsOnly(ServiceStatus.SKIPPED);
    }

    @Test
    void aFaultThatIsNoAwsFailureIsNotSwallowed() {
        aws.fail("taskDefinition:" + WORKER_DEFINITION, new IllegalStateException("a bug"));

        assertThatThrownBy(() -> sweep(Mode.REMEDIATE).sweep(SweepScope.everything(), () -> false))
                .isInstanceOf(IllegalStateException.class).hasMessage("a bug");
    }

    @Test
    void aPayloadTheSweepCannotActOnIsRejectedInTheFunctionsMode() {
        SweepReport report = sweep(Mode.DRY_RUN).rejected("unknown key 'x'");

        assertThat(report).isEqualTo(new SweepReport.Rejected(Mode.DRY_RUN, "unknown key 'x'"));
        assertThat(report.summary()).isEqualTo("rejected: unknown key 'x'");
    }

    @Test
    void vpcsNotStartedBeforeTimeRunsShortAreListedAsNotReached() {
        AtomicInteger asked = new AtomicInteger();

        SweepReport.Swept report = swept(sweep(Mode.REMEDIATE).sweep(SweepScope.everything(),
                () -> asked.incrementAndGet() > 1));

        assertThat(report.vpcs()).extracting(VpcReport::vpcId).containsExactly(VPC_A);
        assertThat(report.notReached()).containsExactly(VPC_B);
        assertThat(report.summary()).contains("1 VPC(s) not reached in time");
    }

    @Test
    void aManualScopeCoversOnlyItsClustersAndVpcs() {
        SweepReport.Swept report = swept(sweep(Mode.REMEDIATE).sweep(
                new SweepScope(List.of(CLUSTER_1), Set.of(VPC_A), false), () -> false));

        assertThat(aws.calls).doesNotContain("clusterArns", "fargateServices:" + CLUSTER_2, "snapshot:" + VPC_B);
        assertThat(report.totals().clusters()).isEqualTo(1);
        assertThat(report.vpcs()).extracting(VpcReport::vpcId).containsExactly(VPC_A);
    }

    private FleetSweep sweep(Mode mode) {
        return sweep(new Settings(mode, PlanSettings.defaults()));
    }

    private FleetSweep sweep(Settings settings) {
        return new FleetSweep(aws, aws, aws, aws, settings, Snapshots.REGION,
                Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));
    }

    private static ecsvpce.core.network.NetworkSnapshot vpcB() {
        Snapshots.Builder b = Snapshots.isolatedSeedVpc().vpcId(VPC_B).subnet(SUBNET_B, Snapshots.TASK_AZ,
                Snapshots.TASK_SUBNET_CIDR, Snapshots.ROUTE_TABLE);
        return b.build();
    }

    private static FargateService service(String cluster, String name, String definition, String... subnets) {
        return service(cluster, name, definition, Map.of(), subnets);
    }

    private static FargateService service(String cluster, String name, String definition, Map<String, String> tags,
                                          String... subnets) {
        return new FargateService(cluster, arn(cluster, name), name, definition, "LATEST", null, List.of(subnets),
                List.of(Snapshots.TASK_SG), false, tags);
    }

    private static String arn(String cluster, String name) {
        return cluster.replace(":cluster/", ":service/") + "/" + name;
    }

    private static SweepReport.Swept swept(SweepReport report) {
        assertThat(report).isInstanceOf(SweepReport.Swept.class);
        return (SweepReport.Swept) report;
    }

    private static VpcReport vpc(SweepReport.Swept report, String vpcId) {
        return report.vpcs().stream().filter(v -> v.vpcId().equals(vpcId)).findFirst().orElseThrow();
    }

    private static List<ServiceReport> services(SweepReport.Swept report) {
        return report.vpcs().stream().flatMap(v -> v.subnets().stream()).flatMap(s -> s.services().stream()).toList();
    }

    private static List<ServiceStatus> statuses(SweepReport.Swept report) {
        return services(report).stream().map(ServiceReport::status).toList();
    }
}
