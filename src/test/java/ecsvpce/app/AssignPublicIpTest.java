package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.CheckRequest.Launch;
import ecsvpce.app.CheckRequest.Named;
import ecsvpce.app.port.FargateService;
import ecsvpce.app.port.ServiceLookup;
import ecsvpce.app.port.ServiceNetwork;
import ecsvpce.app.port.StoppedTask;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.network.PublicIp;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.report.ActionReport;
import ecsvpce.report.CheckReport;
import ecsvpce.report.Mode;
import ecsvpce.report.Outcome;
import ecsvpce.report.SweepReport;
import ecsvpce.report.TaskReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each use case learns whether the tasks get a public IP from ECS's answer about their service (or
 * from the check's request), so that a public subnet whose tasks get none has its endpoints made
 * (docs/real-estates.md#an-internet-gateway-without-a-public-ip).
 */
class AssignPublicIpTest {
    private static final String GATEWAY = "igw-0public";
    private static final String SERVICE_ARN = Tasks.CLUSTER_ARN.replace(":cluster/", ":service/") + "/web";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private static final Settings SETTINGS = new Settings(Mode.REMEDIATE, PlanSettings.defaults());

    private final InMemoryPorts aws = new InMemoryPorts();

    AssignPublicIpTest() {
        aws.clusters.add(Tasks.CLUSTER_ARN);
        aws.definitions.put(Tasks.TASK_DEFINITION_ARN, Tasks.seedDefinition());
        aws.vpcOfSubnet.put(Snapshots.TASK_SUBNET, Snapshots.VPC_ID);
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedEmptyVpc().internetPath(GATEWAY).build());
    }

    @Test
    void aStoppedTaskOfAServiceWithoutAPublicIpGetsItsEndpointsAndTheServicesChange() {
        aws.services.put("web", new ServiceNetwork(List.of(Snapshots.TASK_SG), List.of(Snapshots.TASK_SUBNET),
                PublicIp.NOT_ASSIGNED, Map.of()));
        StoppedTask task = stoppedTask("service:web");
        aws.tasks.put(task.taskArn(), task);

        TaskReport.Examined report = (TaskReport.Examined) new TaskRemediation(aws, aws, aws, aws, SETTINGS,
                Snapshots.REGION, CLOCK).remediate(task);

        assertThat(report.outcome()).isEqualTo(Outcome.REMEDIATED);
        assertThat(report.actions()).extracting(ActionReport::type).contains("CREATE_INTERFACE_ENDPOINT");
        assertThat(gatewayFinding(report.findings()).fix()).isEqualTo("aws ecs update-service "
                + "--cluster " + Tasks.CLUSTER_ARN + " --service web --network-configuration \"awsvpcConfiguration="
                + "{subnets=[" + Snapshots.TASK_SUBNET + "],securityGroups=[" + Snapshots.TASK_SG
                + "],assignPublicIp=ENABLED}\" (or keep the tasks without a public IP in subnets whose route table "
                + "sends 0.0.0.0/0 to a NAT gateway: " + Snapshots.ROUTE_TABLE + " sends it to " + GATEWAY + ")");
    }

    @Test
    void aStandaloneTaskIsNotKnownToLackOneSoTheGatewayStillCounts() {
        StoppedTask task = stoppedTask("family:app");
        aws.tasks.put(task.taskArn(), task);

        TaskReport.Examined report = (TaskReport.Examined) new TaskRemediation(aws, aws, aws, aws, SETTINGS,
                Snapshots.REGION, CLOCK).remediate(task);

        assertThat(report.actions()).isEmpty();
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).contains("reaches the internet through " + GATEWAY));
    }

    @Test
    void theSweepTakesEachServicesOwnAnswer() {
        aws.servicesByCluster.put(Tasks.CLUSTER_ARN, List.of(web(PublicIp.NOT_ASSIGNED)));

        SweepReport.Swept report = (SweepReport.Swept) new FleetSweep(aws, aws, aws, aws, SETTINGS, Snapshots.REGION,
                CLOCK).sweep(SweepScope.everything(), () -> false);

        assertThat(report.vpcs()).singleElement().satisfies(vpc -> {
            assertThat(vpc.actions()).extracting(ActionReport::type).contains("CREATE_INTERFACE_ENDPOINT");
            assertThat(vpc.subnets()).singleElement().satisfies(subnet -> assertThat(subnet.services()).singleElement()
                    .satisfies(service -> assertThat(gatewayFinding(service.findings()).fix())
                            .contains("--service web ")));
        });
    }

    @Test
    void theCheckOfAServiceTakesItsAnswerAndALaunchWhatTheRequestSays() {
        aws.lookups.put(Tasks.CLUSTER_ARN + "/web", new ServiceLookup.Found(web(PublicIp.NOT_ASSIGNED)));

        CheckReport ofService = check(new CheckRequest.OfService(Tasks.CLUSTER_ARN, "web"));
        CheckReport disabled = check(launch(PublicIp.NOT_ASSIGNED));
        CheckReport unsaid = check(launch(PublicIp.UNKNOWN));

        assertThat(gatewayFinding(ofService.subnets().get(0).findings()).fix()).startsWith("aws ecs update-service");
        assertThat(ofService.remediation()).extracting(ActionReport::type).contains("CREATE_INTERFACE_ENDPOINT");
        assertThat(gatewayFinding(disabled.subnets().get(0).findings()).fix()).contains("on aws ecs run-task");
        assertThat(disabled.remediation()).isNotEmpty();
        assertThat(unsaid.subnets().get(0).findings()).extracting(Finding::code)
                .contains(FindingCode.INTERNET_PATH_PRESENT).doesNotContain(FindingCode.INTERNET_GATEWAY_WITHOUT_PUBLIC_IP);
        assertThat(unsaid.remediation()).isEmpty();
    }

    private CheckReport check(CheckRequest request) {
        return new DeployCheck(aws, aws, aws, SETTINGS, Snapshots.REGION, CLOCK).check(request);
    }

    private static Launch launch(PublicIp publicIp) {
        return new Launch(new Named(Tasks.TASK_DEFINITION_ARN), List.of(Snapshots.TASK_SUBNET),
                List.of(Snapshots.TASK_SG), "1.4.0", null, false, publicIp);
    }

    private static FargateService web(PublicIp publicIp) {
        return new FargateService(Tasks.CLUSTER_ARN, SERVICE_ARN, "web", Tasks.TASK_DEFINITION_ARN, "LATEST", null,
                List.of(Snapshots.TASK_SUBNET), List.of(Snapshots.TASK_SG), publicIp, false, Map.of(), 0, 1);
    }

    /** @param group {@code service:NAME}, or {@code family:NAME} for a standalone task */
    private static StoppedTask stoppedTask(String group) {
        return StoppedTask.builder().taskArn(Tasks.TASK_ARN).clusterArn(Tasks.CLUSTER_ARN)
                .taskDefinitionArn(Tasks.TASK_DEFINITION_ARN).lastStatus("STOPPED").stopCode("TaskFailedToStart")
                .stoppedReason(Tasks.SEED_STOPPED_REASON).launchType("FARGATE").platformVersion("1.4.0")
                .group(group).subnetId(Snapshots.TASK_SUBNET).build();
    }

    private static Finding gatewayFinding(List<Finding> findings) {
        return findings.stream().filter(f -> f.code() == FindingCode.INTERNET_GATEWAY_WITHOUT_PUBLIC_IP).findFirst()
                .orElseThrow();
    }
}
