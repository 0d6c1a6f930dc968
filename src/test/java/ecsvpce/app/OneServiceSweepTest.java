package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.port.FargateService;
import ecsvpce.app.port.ServiceLookup;
import ecsvpce.core.EndpointService;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.plan.Action;
import ecsvpce.core.plan.CreateInterfaceEndpoint;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.core.plan.ResourceTags;
import ecsvpce.report.Mode;
import ecsvpce.report.ReportJson;
import ecsvpce.report.ReportText;
import ecsvpce.report.ServiceStatus;
import ecsvpce.report.SweepReport;
import ecsvpce.report.SweepReport.ServiceEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sweep scoped to the one service an ECS event is about (created, updated, failing to start):
 * that service is read on its own, checked and fixed or planned like any swept service, and the
 * report names the event; nothing else of the fleet is read.
 */
class OneServiceSweepTest {
    private static final String CLUSTER = Tasks.CLUSTER_ARN;
    private static final String SERVICE_ARN = CLUSTER.replace(":cluster/", ":service/") + "/web";
    private static final ServiceEvent IMPAIRED = new ServiceEvent(ServiceEvent.START_IMPAIRED, CLUSTER, SERVICE_ARN);

    private final InMemoryPorts aws = new InMemoryPorts();

    OneServiceSweepTest() {
        aws.clusters.add(CLUSTER);
        aws.definitions.put(Tasks.TASK_DEFINITION_ARN, Tasks.seedDefinition());
        aws.vpcOfSubnet.put(Snapshots.TASK_SUBNET, Snapshots.VPC_ID);
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().withoutEndpoint(EndpointService.LOGS).build());
        aws.lookups.put(CLUSTER + "/" + SERVICE_ARN, new ServiceLookup.Found(web(Map.of())));
    }

    private static FargateService web(Map<String, String> tags) {
        return new FargateService(CLUSTER, SERVICE_ARN, "web", Tasks.TASK_DEFINITION_ARN, "LATEST", null,
                List.of(Snapshots.TASK_SUBNET), List.of(Snapshots.TASK_SG), false, tags);
    }

    private SweepReport.Swept sweep(Mode mode, ServiceEvent event) {
        SweepReport report = new FleetSweep(aws, aws, aws, aws, new Settings(mode, PlanSettings.defaults()),
                Snapshots.REGION, Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC))
                .sweep(SweepScope.ofService(event), () -> false);
        assertThat(report).isInstanceOf(SweepReport.Swept.class);
        return (SweepReport.Swept) report;
    }

    @Test
    void onlyTheServiceTheEventIsAboutIsReadCheckedAndFixed() {
        SweepReport.Swept report = sweep(Mode.REMEDIATE, IMPAIRED);

        assertThat(aws.calls).contains("service:" + CLUSTER + "/" + SERVICE_ARN)
                .doesNotContain("clusterArns", "fargateServices:" + CLUSTER);
        assertThat(report.vpcs()).singleElement().satisfies(vpc -> {
            assertThat(vpc.subnets()).singleElement().satisfies(subnet -> assertThat(subnet.services())
                    .singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(ServiceStatus.FIXED)));
            assertThat(vpc.actions()).extracting(a -> a.type()).contains("CREATE_INTERFACE_ENDPOINT");
        });
        assertThat(report.serviceEvent()).isEqualTo(IMPAIRED);
        assertThat(report.serviceEvent().startImpaired()).isTrue();
        assertThat(report.summary()).startsWith("on SERVICE_TASK_START_IMPAIRED of web: checked 1 service(s) in 1 VPC(s)");
        assertThat(report.totals().clusters()).isEqualTo(1);
        assertThat(ReportText.of(ReportJson.toMap(report))).contains("Swept because\n-------------\n  "
                + "SERVICE_TASK_START_IMPAIRED of service " + SERVICE_ARN + " in " + CLUSTER + "\n");
    }

    @Test
    void aServiceOfTheDefaultClusterIsSweptThere() {
        aws.lookups.put(null + "/" + SERVICE_ARN, new ServiceLookup.Found(web(Map.of())));

        SweepReport.Swept report = sweep(Mode.DRY_RUN, new ServiceEvent("CreateService", null, SERVICE_ARN));

        assertThat(aws.calls).contains("service:null/" + SERVICE_ARN);
        assertThat(report.totals().clusters()).isEqualTo(1);
        assertThat(report.vpcs()).singleElement().satisfies(vpc -> assertThat(vpc.actions()).extracting(a -> a.type())
                .contains("CREATE_INTERFACE_ENDPOINT"));
    }

    /** ECS's word is the evidence: its follow-up recovers the service, at whatever count it stands. */
    @Test
    void aServiceEcsSaysCannotStartItsTasksIsFailingToStartEvenAtItsDesiredCount() {
        SweepReport.Swept impaired = sweep(Mode.REMEDIATE, IMPAIRED);
        SweepReport.Swept updated = sweep(Mode.REMEDIATE, new ServiceEvent("UpdateService", CLUSTER, SERVICE_ARN));

        assertThat(onlyService(impaired).failingToStart()).isTrue();
        assertThat(onlyService(updated).failingToStart()).as("a changed service is not a failing one").isFalse();
        assertThat(FollowUpRequests.afterSweep(impaired, Instant.parse("2026-12-07T10:00:00Z")))
                .singleElement().satisfies(followUp -> assertThat(followUp.workloads())
                        .singleElement().satisfies(w -> assertThat(w.failedToStart()).isTrue()));
    }

    /** ECS names the service by its ARN; an event written by hand may name it as DescribeServices takes it, by name. */
    @Test
    void ecsWordCountsWhetherTheEventNamesTheServiceByArnOrByName() {
        aws.lookups.put(CLUSTER + "/web", new ServiceLookup.Found(web(Map.of())));

        SweepReport.Swept byName = sweep(Mode.REMEDIATE, new ServiceEvent(ServiceEvent.START_IMPAIRED, CLUSTER, "web"));

        assertThat(onlyService(byName).failingToStart()).isTrue();
    }

    private static SweepReport.ServiceReport onlyService(SweepReport.Swept report) {
        return report.vpcs().get(0).subnets().get(0).services().get(0);
    }

    @Test
    void whatItCreatesNamesTheEventAndTheServiceAsItsTrigger() {
        sweep(Mode.REMEDIATE, new ServiceEvent("CreateService", CLUSTER, SERVICE_ARN));

        Action created = aws.applied.get(0).stream().filter(a -> a instanceof CreateInterfaceEndpoint).findFirst()
                .orElseThrow();
        assertThat(((CreateInterfaceEndpoint) created).tags()).containsEntry(ResourceTags.TRIGGER,
                "CreateService " + SERVICE_ARN);
    }

    @Test
    void inADryRunTheFixIsPlannedAndNothingApplied() {
        SweepReport.Swept report = sweep(Mode.DRY_RUN, IMPAIRED);

        assertThat(aws.applied).isEmpty();
        assertThat(report.vpcs().get(0).subnets().get(0).services().get(0).status()).isEqualTo(ServiceStatus.PLANNED);
    }

    @Test
    void aServiceGoneOrNotOnFargateIsLeftAloneAndTellsNobody() {
        aws.lookups.put(CLUSTER + "/" + SERVICE_ARN, new ServiceLookup.NotCheckable("service web does not run on "
                + "Fargate (launch type EC2)"));

        SweepReport.Swept report = sweep(Mode.REMEDIATE, IMPAIRED);

        assertThat(report.vpcs()).isEmpty();
        assertThat(report.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .isEqualTo("service web does not run on Fargate (launch type EC2): nothing to check"));
        assertThat(NoticePolicy.sweep(report)).as("nobody is told").isEmpty();
    }

    @Test
    void aServiceTaggedToBeSkippedIsLeftAlone() {
        aws.lookups.put(CLUSTER + "/" + SERVICE_ARN, new ServiceLookup.Found(web(Map.of(ResourceTags.SKIP, "yes"))));

        SweepReport.Swept report = sweep(Mode.REMEDIATE, IMPAIRED);

        assertThat(report.vpcs()).isEmpty();
        assertThat(report.skipped()).singleElement().satisfies(s -> assertThat(s.resource()).isEqualTo(SERVICE_ARN));
        assertThat(aws.calls).noneMatch(c -> c.startsWith("snapshot"));
    }

    @Test
    void aServiceThatCannotBeReadIsUnreadableAndTold() {
        aws.fail("service:" + CLUSTER + "/" + SERVICE_ARN, InMemoryPorts.stillFailing("ecs:DescribeServices"));

        SweepReport.Swept report = sweep(Mode.REMEDIATE, IMPAIRED);

        assertThat(report.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.resource()).isEqualTo(SERVICE_ARN);
            assertThat(u.reason()).contains("ecs:DescribeServices");
        });
        assertThat(NoticePolicy.sweep(report)).isPresent();
    }

    @Test
    void theSameStoryOfOneServiceToldTwiceIsOneNotice() {
        SweepReport.Swept first = sweep(Mode.DRY_RUN, IMPAIRED);
        SweepReport.Swept again = sweep(Mode.DRY_RUN, IMPAIRED);

        assertThat(NoticePolicy.sweep(first)).isPresent().isEqualTo(NoticePolicy.sweep(again));
    }
}
