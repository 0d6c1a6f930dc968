package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ecsvpce.app.port.ActionResult;
import ecsvpce.app.port.FargateService;
import ecsvpce.app.port.FollowUp;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.network.PublicIp;
import ecsvpce.core.plan.ActionType;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.report.Mode;
import ecsvpce.report.SweepReport;
import ecsvpce.report.TaskReport;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a follow-up carries for the recovery: which services failed to start for what was fixed, and
 * which endpoints the fix created or changed; and what a dry run says it would recover.
 */
class FollowUpRequestsTest {
    private final InMemoryPorts aws = new InMemoryPorts();

    @Test
    void aSweepMarksTheServiceItFoundBelowItsDesiredCountAndNotItsHealthySibling() {
        SweepReport report = sweep(Mode.REMEDIATE);

        List<FollowUp> followUps = FollowUpRequests.afterSweep(report, ReportSamples.NOW);

        assertThat(followUps).singleElement().satisfies(followUp -> {
            assertThat(followUp.workloads()).extracting(FollowUp.Workload::serviceName, FollowUp.Workload::failedToStart)
                    .containsExactly(tuple("web", true), tuple("api", false));
            assertThat(followUp.endpointIds()).as("created endpoints, not the group").isNotEmpty()
                    .allSatisfy(id -> assertThat(id).startsWith("vpce-"));
        });
        assertThat(((SweepReport.Swept) report).vpcs().get(0).subnets().get(0).services())
                .extracting(SweepReport.ServiceReport::serviceName, SweepReport.ServiceReport::failingToStart)
                .containsExactlyInAnyOrder(tuple("web", true), tuple("api", false));
    }

    @Test
    void aDryRunSweepQueuesNothingAndWouldRecoverOnlyTheFailingService() {
        SweepReport report = sweep(Mode.DRY_RUN);

        assertThat(FollowUpRequests.afterSweep(report, ReportSamples.NOW)).isEmpty();
        assertThat(FollowUpRequests.wouldRecover(report)).containsExactly(
                new FollowUpRequests.WouldRecover(Snapshots.VPC_ID, Tasks.CLUSTER_ARN, "web"));
    }

    @Test
    void theStoppedTasksServiceIsMarkedAndOnlyEndpointsTheFixAppliedAreNamed() {
        TaskReport remediated = ReportSamples.TaskSample.REMEDIATED.report();

        FollowUp followUp = FollowUpRequests.afterTask(remediated, ReportSamples.FAILED_AT, ReportSamples.NOW).orElseThrow();

        assertThat(followUp.workloads()).singleElement().satisfies(w -> assertThat(w.failedToStart()).isTrue());
        assertThat(FollowUpRequests.afterTask(ReportSamples.TaskSample.STANDALONE.report(), ReportSamples.FAILED_AT,
                ReportSamples.NOW).orElseThrow().workloads()).singleElement()
                .satisfies(w -> assertThat(w.failedToStart()).as("no service to recover").isFalse());
        assertThat(FollowUpRequests.wouldRecover(ReportSamples.TaskSample.PLANNED.report()))
                .extracting(FollowUpRequests.WouldRecover::serviceName).containsExactly("web");
        assertThat(FollowUpRequests.wouldRecover(remediated)).as("not a dry run").isEmpty();
    }

    /** web runs 0 of 2 and api 2 of 2, both in the seed's subnet of an empty VPC; endpoints get ids as EC2 gives them. */
    private SweepReport sweep(Mode mode) {
        aws.clusters.add(Tasks.CLUSTER_ARN);
        aws.servicesByCluster.put(Tasks.CLUSTER_ARN, List.of(service("web", 0), service("api", 2)));
        aws.definitions.put(Tasks.TASK_DEFINITION_ARN, Tasks.seedDefinition());
        aws.vpcOfSubnet.put(Snapshots.TASK_SUBNET, Snapshots.VPC_ID);
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedEmptyVpc().build());
        aws.onApply((actions, done) -> actions.forEach(action -> done.add(ActionResult.applied(action,
                (action.type() == ActionType.CREATE_INTERFACE_ENDPOINT || action.type() == ActionType.CREATE_GATEWAY_ENDPOINT
                        ? "vpce-0a1b2c3d4e5f6000" : "sg-0a1b2c3d4e5f6000") + done.size()))));
        return new FleetSweep(aws, aws, aws, aws, new Settings(mode, PlanSettings.defaults()), ReportSamples.REGION,
                Clock.fixed(ReportSamples.NOW, ZoneOffset.UTC)).sweep(SweepScope.everything(), () -> false);
    }

    private static FargateService service(String name, int running) {
        return new FargateService(Tasks.CLUSTER_ARN, Tasks.CLUSTER_ARN.replace(":cluster/", ":service/") + "/" + name, name,
                Tasks.TASK_DEFINITION_ARN, "1.4.0", null, List.of(Snapshots.TASK_SUBNET), List.of(Snapshots.TASK_SG),
                PublicIp.UNKNOWN, false, Map.of(), running, 2);
    }
}
