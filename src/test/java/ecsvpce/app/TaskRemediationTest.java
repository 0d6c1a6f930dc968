package ecsvpce.app;

import static ecsvpce.app.InMemoryPorts.applyThenLoseRace;
import static ecsvpce.app.InMemoryPorts.applyThenRefuse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.ServiceNetwork;
import ecsvpce.app.port.StoppedTask;
import ecsvpce.core.EndpointService;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.EndpointType;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.needs.TaskDefinition;
import ecsvpce.core.network.PublicIp;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.core.plan.ResourceTags;
import ecsvpce.report.ActionReport;
import ecsvpce.report.ActionStatus;
import ecsvpce.report.ErrorSummary;
import ecsvpce.report.Mode;
import ecsvpce.report.Outcome;
import ecsvpce.report.TaskReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The task-stopped use case over in-memory ports: what it reads, writes and reports, and when it stops. */
class TaskRemediationTest {
    private static final String SERVICE = "web";
    private static final String SEED_REASON = Tasks.SEED_STOPPED_REASON;

    private final InMemoryPorts aws = new InMemoryPorts();

    TaskRemediationTest() {
        aws.definitions.put(Tasks.TASK_DEFINITION_ARN, Tasks.seedDefinition());
        aws.vpcOfSubnet.put(Snapshots.TASK_SUBNET, Snapshots.VPC_ID);
        aws.services.put(SERVICE, new ServiceNetwork(List.of(Snapshots.TASK_SG),
                List.of(Snapshots.TASK_SUBNET), PublicIp.UNKNOWN, Map.of()));
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedEmptyVpc().build());
    }

    @Test
    void aTaskThatFailedToStartInAnEmptyVpcGetsEveryMissingEndpointInOneRound() {
        TaskReport.Examined report = examined(remediation(Mode.REMEDIATE).remediate(known(task(SEED_REASON))));

        assertThat(report.outcome()).isEqualTo(Outcome.REMEDIATED);
        assertThat(aws.applied).hasSize(1);
        assertThat(report.actions()).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(ActionStatus.APPLIED);
            assertThat(a.resourceId()).startsWith("res-");
        });
        assertThat(report.actions()).extracting(ActionReport::type).contains("CREATE_ENDPOINT_SECURITY_GROUP",
                "CREATE_INTERFACE_ENDPOINT", "CREATE_GATEWAY_ENDPOINT");
        assertThat(report.summary()).isEqualTo(report.actions().size() + " change(s) applied to " + Snapshots.VPC_ID
                + ", adds 36.50 USD/month");
        assertThat(report.monthlyCostUsd()).isEqualByComparingTo("36.50");
        assertThat(report.task().securityGroups()).containsExactly(Snapshots.TASK_SG);
    }

    @Test
    void aDryRunIsAWriterThatWritesNothing() {
        TaskReport.Examined report = examined(remediation(Mode.DRY_RUN).remediate(known(task(SEED_REASON))));

        assertThat(report.outcome()).isEqualTo(Outcome.PLANNED);
        assertThat(aws.calls).doesNotContain("apply");
        assertThat(report.actions()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(ActionStatus.PLANNED))
                .allSatisfy(a -> assertThat(a.resourceId()).isNull());
        assertThat(report.summary()).startsWith("dry run: " + report.actions().size() + " change(s) would fix ")
                .endsWith(", adds 36.50 USD/month");
    }

    @Test
    void changesAppliedBeforeARacersWorkWasAdoptedStillMakeItRemediated() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedEmptyVpc().build(), Snapshots.isolatedSeedVpc().build());
        aws.onApply(applyThenLoseRace(2));

        TaskReport.Examined report = examined(remediation(Mode.REMEDIATE).remediate(known(task(SEED_REASON))));

        assertThat(report.outcome()).isEqualTo(Outcome.REMEDIATED);
        assertThat(aws.calls).containsSubsequence("snapshot:" + Snapshots.VPC_ID, "apply",
                "snapshot:" + Snapshots.VPC_ID);
        assertThat(report.actions()).hasSize(2).allSatisfy(a -> assertThat(a.status()).isEqualTo(ActionStatus.APPLIED));
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).startsWith("round 1: ").contains("re-read"));
    }

    @Test
    void aRaceLostEveryRoundEscapesSoLambdaRetriesTheInvocation() {
        for (int round = 0; round < VpcConvergence.MAX_ROUNDS; round++) {
            aws.onApply(applyThenLoseRace(0));
        }

        assertThatThrownBy(() -> remediation(Mode.REMEDIATE).remediate(known(task(SEED_REASON))))
                .isInstanceOf(CallFailure.LostRace.class);
        assertThat(aws.calls).filteredOn(c -> c.startsWith("snapshot:")).hasSize(VpcConvergence.MAX_ROUNDS);
    }

    @Test
    void aChangeAwsRefusesEndsTheRunWithWhatWasAndWasNotApplied() {
        aws.onApply(applyThenRefuse(1));

        TaskReport.Examined report = examined(remediation(Mode.REMEDIATE).remediate(known(task(SEED_REASON))));

        assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(report.error().kind()).isEqualTo(ErrorSummary.Kind.ACCESS_DENIED);
        assertThat(report.summary()).isEqualTo(report.error().message()).contains("ec2:CreateVpcEndpoint");
        assertThat(report.actions().get(0).status()).isEqualTo(ActionStatus.APPLIED);
        assertThat(report.actions().subList(1, report.actions().size()))
                .isNotEmpty().allSatisfy(a -> assertThat(a.status()).isEqualTo(ActionStatus.NOT_APPLIED));
        assertThat(report.monthlyCostUsd()).as("only what was created is billed")
                .isEqualByComparingTo(report.actions().get(0).monthlyCostUsd());
    }

    @Test
    void aReadAwsRefusesBeforeTheNetworkIsExaminedIsReportedOnce() {
        aws.fail("describeTask", InMemoryPorts.refused("ecs:DescribeTasks"));

        TaskReport report = remediation(Mode.REMEDIATE).remediate(task(SEED_REASON));

        assertThat(report).isInstanceOfSatisfying(TaskReport.Failed.class, failed -> {
            assertThat(failed.error().iamAction()).isEqualTo("ecs:DescribeTasks");
            assertThat(failed.summary()).isEqualTo(failed.error().message());
            assertThat(failed.subnetId()).isEqualTo(Snapshots.TASK_SUBNET);
        });
        assertThat(aws.calls).containsExactly("describeTask");
    }

    @Test
    void aReadAwsRefusesOnceEcsConfirmedTheTaskIsReportedOnceWithWhatEcsSaid() {
        known(task(SEED_REASON));
        aws.fail("taskDefinition:" + Tasks.TASK_DEFINITION_ARN, InMemoryPorts.refused("ecs:DescribeTaskDefinition"));

        TaskReport report = remediation(Mode.REMEDIATE).remediate(builder(SEED_REASON).subnetId("subnet-elsewhere").build());

        assertThat(report).isInstanceOfSatisfying(TaskReport.Failed.class, failed -> {
            assertThat(failed.error().iamAction()).isEqualTo("ecs:DescribeTaskDefinition");
            assertThat(failed.subnetId()).as("ECS's answer, not the event's").isEqualTo(Snapshots.TASK_SUBNET);
        });
        assertThat(aws.calls).doesNotContain("apply").noneMatch(c -> c.startsWith("snapshot:"));
    }

    @Test
    void aReadStillFailingAfterTheSdksRetriesEscapesSoLambdaRetries() {
        aws.fail("snapshot:" + Snapshots.VPC_ID, InMemoryPorts.stillFailing("ec2:DescribeVpcs"));

        assertThatThrownBy(() -> remediation(Mode.REMEDIATE).remediate(known(task(SEED_REASON))))
                .isInstanceOf(CallFailure.StillFailing.class);
        assertThat(aws.calls).doesNotContain("apply");
    }

    @Test
    void aHealthyVpcLeavesNothingToDo() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().build());

        TaskReport.Examined report = examined(remediation(Mode.REMEDIATE).remediate(known(task(SEED_REASON))));

        assertThat(report.outcome()).isEqualTo(Outcome.NOTHING_TO_DO);
        assertThat(report.summary()).isEqualTo("the network already serves every need of the task; the cause is elsewhere");
        assertThat(aws.calls).doesNotContain("apply");
    }

    @Test
    void anAdvisoryAloneLeavesNothingToDoAndIsNotTakenForAPendingEndpoint() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().dnsServers("10.0.0.2").build());

        TaskReport.Examined report = examined(remediation(Mode.REMEDIATE).remediate(known(task(SEED_REASON))));

        assertThat(report.outcome()).isEqualTo(Outcome.NOTHING_TO_DO);
        assertThat(report.findings()).isNotEmpty();
        assertThat(report.summary()).isEqualTo("the network already serves every need of the task; the cause is elsewhere");
    }

    @Test
    void aSubnetBehindANatGatewayIsLeftAloneAndTheReportSaysThePathServesTheTask() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().internetPath("nat-0abc")
                .withoutEndpoint(EndpointService.LOGS).privateDnsOff(EndpointService.SSM).build());

        TaskReport.Examined report = examined(remediation(Mode.REMEDIATE).remediate(known(task(SEED_REASON))));

        assertThat(report.outcome()).isEqualTo(Outcome.NOTHING_TO_DO);
        assertThat(report.summary()).isEqualTo("the network already serves every need of the task; the cause is elsewhere");
        assertThat(report.findings()).filteredOn(f -> f.code() == FindingCode.ENDPOINT_MISSING
                || f.code() == FindingCode.PRIVATE_DNS_DISABLED).hasSize(2)
                .allSatisfy(f -> assertThat(f.explanation()).endsWith("through nat-0abc"));
        assertThat(report.notes()).singleElement().asString().contains("reaches the internet through nat-0abc");
        assertThat(aws.calls).doesNotContain("apply");
    }

    @Test
    void behindAnInternetGatewayWithoutKnowingThePublicIpTheGapsNeedAPerson() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().internetPath("igw-0abc")
                .withoutEndpoint(EndpointService.LOGS).build());

        TaskReport.Examined report = examined(remediation(Mode.REMEDIATE).remediate(known(task(SEED_REASON))));

        assertThat(report.outcome()).isEqualTo(Outcome.NOT_FIXABLE_BY_ENDPOINTS);
        assertThat(report.summary()).startsWith("nothing the product may change; 1 check(s) need a person: "
                + "ENDPOINT_MISSING (" + Snapshots.VPC_ID + ")");
        assertThat(report.findings()).filteredOn(f -> f.code() == FindingCode.ENDPOINT_MISSING).singleElement()
                .satisfies(f -> assertThat(f.explanation()).endsWith("through igw-0abc, if the task has a public IP"));
        assertThat(aws.calls).doesNotContain("apply");
    }

    @Test
    void anEndpointStillBeingCreatedIsSaidToBePendingNotMissing() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().endpoint(
                Snapshots.endpointId(EndpointService.SSM), EndpointService.SSM, EndpointType.INTERFACE,
                e -> e.state("pending")).build());

        TaskReport.Examined report = examined(remediation(Mode.REMEDIATE).remediate(known(task(SEED_REASON))));

        assertThat(report.outcome()).isEqualTo(Outcome.NOTHING_TO_DO);
        assertThat(report.summary()).isEqualTo("endpoints the task needs are being created (pending); nothing else is missing");
    }

    @Test
    void aVpcTaggedToBeSkippedIsExaminedAndReportedButNotChanged() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedEmptyVpc().vpcTags(Map.of(ResourceTags.SKIP, "")).build());

        TaskReport.Examined report = examined(remediation(Mode.REMEDIATE).remediate(known(task(SEED_REASON))));

        assertThat(report.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(report.summary()).isEqualTo("skipped: VPC " + Snapshots.VPC_ID + " is tagged " + ResourceTags.SKIP
                + ": reported, left alone");
        assertThat(report.notes()).containsExactly("VPC " + Snapshots.VPC_ID + " is tagged " + ResourceTags.SKIP
                + ": reported, left alone");
        assertThat(report.unfixed()).isNotEmpty();
        assertThat(aws.calls).doesNotContain("apply");
    }

    @Test
    void theReportSaysWhatTheTaskNeedsAndWhy() {
        aws.definitions.put(Tasks.TASK_DEFINITION_ARN, new TaskDefinition(Tasks.TASK_DEFINITION_ARN, List.of(
                Tasks.seedDefinition().containers().get(0), Tasks.container("proxy").image("envoyproxy/envoy:v1.29").build()),
                null));

        TaskReport.Examined report = examined(remediation(Mode.DRY_RUN).remediate(known(task(SEED_REASON))));

        assertThat(report.needs()).extracting(TaskReport.NeedSummary::service).containsExactly(EndpointService.ECR_DKR,
                EndpointService.ECR_API, EndpointService.S3, EndpointService.LOGS, EndpointService.SSM,
                EndpointService.SECRETSMANAGER);
        assertThat(report.needs().get(0).reasons()).singleElement().asString()
                .isEqualTo("container 'app' image = " + Tasks.ECR_IMAGE + ": image pulled from private ECR");
        assertThat(report.unservable()).containsExactly("container 'proxy' image = envoyproxy/envoy:v1.29: registry "
                + "docker.io is outside AWS PrivateLink: needs a NAT gateway or a public IP with an internet gateway");
        assertThat(report.failure().failureClass()).isEqualTo("NETWORK");
        assertThat(report.failure().service()).isEqualTo(EndpointService.SECRETSMANAGER);
    }

    @Test
    void aPermissionFailureChangesNothingEvenInAnEmptyVpc() {
        String reason = "ResourceInitializationError: unable to pull secrets or registry auth: AccessDeniedException: "
                + "User is not authorized to perform: secretsmanager:GetSecretValue";

        TaskReport.Examined report = examined(remediation(Mode.REMEDIATE).remediate(known(task(reason))));

        assertThat(report.outcome()).isEqualTo(Outcome.NOT_FIXABLE_BY_ENDPOINTS);
        assertThat(report.summary()).startsWith("PERMISSION: ");
        assertThat(report.failure().missingIamAction()).isEqualTo("secretsmanager:GetSecretValue");
        assertThat(report.notes()).singleElement().asString().startsWith("the stop reason is a PERMISSION failure");
        assertThat(aws.calls).doesNotContain("apply");
    }

    @Test
    void anEventForATaskEcsDoesNotKnowIsSkippedWithoutReadingTheVpc() {
        TaskReport report = remediation(Mode.REMEDIATE).remediate(task(SEED_REASON));

        assertSkipped(report, "ECS does not know task " + Tasks.TASK_ARN);
        assertThat(aws.calls).containsExactly("describeTask");
    }

    @Test
    void whatEcsSaysWinsOverTheEvent() {
        aws.tasks.put(Tasks.TASK_ARN, builder(SEED_REASON).lastStatus("RUNNING").build());

        assertSkipped(remediation(Mode.REMEDIATE).remediate(task(SEED_REASON)), "according to ECS, task is RUNNING");
    }

    @Test
    void theEventFillsOnlyTheAvailabilityZoneEcsLeavesOutAndTheReportSaysSo() {
        aws.tasks.put(Tasks.TASK_ARN, builder(SEED_REASON).availabilityZone(null).build());

        TaskReport.Examined report = examined(remediation(Mode.REMEDIATE).remediate(task(SEED_REASON)));

        assertThat(report.task().availabilityZone()).isEqualTo(Snapshots.TASK_AZ);
        assertThat(report.notes()).contains("the availability zone shown is the event's: ECS gives none");
    }

    @Test
    void execClaimedByTheEventForATaskEcsKnowsWithoutExecNeedsNoSsmMessagesEndpoint() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().build());
        known(task(SEED_REASON));

        TaskReport.Examined report = examined(remediation(Mode.REMEDIATE)
                .remediate(builder(SEED_REASON).executeCommandEnabled(true).build()));

        assertThat(report.outcome()).isEqualTo(Outcome.NOTHING_TO_DO);
        assertThat(report.needs()).noneMatch(need -> need.service() == EndpointService.SSMMESSAGES);
        assertThat(aws.calls).doesNotContain("apply", "execKmsKey");
        assertThat(report.notes()).contains(
                "the event's enableExecuteCommand true is not what ECS says (off): ECS's answer was used");
    }

    @Test
    void aSubnetOnlyTheEventNamesIsNoSubnetAndTheTaskIsSkipped() {
        aws.tasks.put(Tasks.TASK_ARN, builder(SEED_REASON).subnetId(null).build());

        assertSkipped(remediation(Mode.REMEDIATE).remediate(task(SEED_REASON)),
                "according to ECS, the task has no awsvpc network interface with a subnetId");
    }

    @Test
    void theSubnetTaskDefinitionAndGroupEcsGivesAreTheOnesReadNotTheEvents() {
        aws.vpcOfSubnet.put("subnet-elsewhere", "vpc-elsewhere");
        aws.snapshots("vpc-elsewhere", Snapshots.isolatedEmptyVpc().build());
        aws.services.put("other", new ServiceNetwork(List.of("sg-other"),
                List.of(Snapshots.TASK_SUBNET), PublicIp.UNKNOWN, Map.of()));
        known(task(SEED_REASON));

        TaskReport.Examined report = examined(remediation(Mode.REMEDIATE).remediate(builder(SEED_REASON)
                .subnetId("subnet-elsewhere").group("service:other").taskDefinitionArn("arn:aws:ecs:us-east-1:"
                        + "123456789012:task-definition/other:1").build()));

        assertThat(report.subnetId()).isEqualTo(Snapshots.TASK_SUBNET);
        assertThat(report.task().securityGroups()).containsExactly(Snapshots.TASK_SG);
        assertThat(report.task().taskDefinitionArn()).isEqualTo(Tasks.TASK_DEFINITION_ARN);
        assertThat(aws.calls).doesNotContain("snapshot:vpc-elsewhere");
        assertThat(report.notes()).hasSize(3).allMatch(note -> note.endsWith("ECS's answer was used"));
    }

    @Test
    void aTaskTaggedToBeSkippedIsLeftAlone() {
        aws.tasks.put(Tasks.TASK_ARN, builder(SEED_REASON).tags(Map.of(ResourceTags.SKIP, "")).build());

        assertSkipped(remediation(Mode.REMEDIATE).remediate(task(SEED_REASON)),
                "task " + Tasks.TASK_ARN + " is tagged " + ResourceTags.SKIP + ": left alone");
    }

    @Test
    void aServiceTaggedToBeSkippedIsLeftAlone() {
        aws.services.put(SERVICE, new ServiceNetwork(List.of(Snapshots.TASK_SG),
                List.of(Snapshots.TASK_SUBNET), PublicIp.UNKNOWN, Map.of(ResourceTags.SKIP, "yes")));

        assertSkipped(remediation(Mode.REMEDIATE).remediate(known(task(SEED_REASON))),
                "service web is tagged " + ResourceTags.SKIP + ": left alone");
    }

    @Test
    void aVpcOutsideTheAllowListIsNeitherReadNorChanged() {
        Settings allowOther = new Settings(Mode.REMEDIATE, PlanSettings.defaults(), Set.of("vpc-0123456789abcdef0"));

        assertSkipped(remediation(allowOther).remediate(known(task(SEED_REASON))),
                "VPC " + Snapshots.VPC_ID + " is not in ALLOWED_VPC_IDS: left alone");
    }

    @Test
    void aSubnetThatNoLongerExistsIsSkipped() {
        aws.vpcOfSubnet.clear();

        assertSkipped(remediation(Mode.REMEDIATE).remediate(known(task(SEED_REASON))),
                "subnet " + Snapshots.TASK_SUBNET + " no longer exists");
    }

    @Test
    void aTaskThatIsNotOursIsSkippedWithoutAskingAws() {
        TaskReport report = remediation(Mode.REMEDIATE).remediate(builder(SEED_REASON).launchType("EC2").build());

        assertSkipped(report, "not a Fargate task");
        assertThat(aws.calls).isEmpty();
    }

    @Test
    void aStandaloneTaskTakesItsSecurityGroupsFromItsNetworkInterface() {
        aws.interfaceGroups.put("eni-1", List.of("sg-standalone"));
        StoppedTask standalone = builder(SEED_REASON).group("family:app").build();
        aws.tasks.put(Tasks.TASK_ARN, standalone);

        TaskReport.Examined report = examined(remediation(Mode.REMEDIATE).remediate(standalone));

        assertThat(report.task().securityGroups()).containsExactly("sg-standalone");
        assertThat(aws.calls).contains("securityGroupsOfInterface").doesNotContain("service");
    }

    @Test
    void aPayloadThatIsNoStoppedTaskIsSkippedInTheFunctionsMode() {
        TaskReport report = remediation(Mode.DRY_RUN).notOurs("empty event");

        assertThat(report.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(report.mode()).isEqualTo(Mode.DRY_RUN);
        assertThat(report.summary()).isEqualTo("skipped: empty event");
    }

    private void assertSkipped(TaskReport report, String reason) {
        assertThat(report.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(report.summary()).startsWith("skipped: ").contains(reason);
        assertThat(aws.calls).doesNotContain("apply").noneMatch(c -> c.startsWith("snapshot:"));
    }

    private TaskRemediation remediation(Mode mode) {
        return remediation(new Settings(mode, PlanSettings.defaults()));
    }

    private TaskRemediation remediation(Settings settings) {
        return new TaskRemediation(aws, aws, aws, aws, settings, Snapshots.REGION,
                Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));
    }

    /** The task, known to ECS as the event describes it. */
    private StoppedTask known(StoppedTask task) {
        aws.tasks.put(task.taskArn(), task);
        return task;
    }

    private static StoppedTask task(String stoppedReason) {
        return builder(stoppedReason).build();
    }

    private static StoppedTask.Builder builder(String stoppedReason) {
        return StoppedTask.builder().taskArn(Tasks.TASK_ARN).clusterArn(Tasks.CLUSTER_ARN)
                .taskDefinitionArn(Tasks.TASK_DEFINITION_ARN).lastStatus("STOPPED").stopCode("TaskFailedToStart")
                .stoppedReason(stoppedReason).launchType("FARGATE").platformVersion("1.4.0")
                .availabilityZone(Snapshots.TASK_AZ).group("service:" + SERVICE).startedBy("ecs-svc/1")
                .subnetId(Snapshots.TASK_SUBNET).networkInterfaceId("eni-1");
    }

    private static TaskReport.Examined examined(TaskReport report) {
        assertThat(report).isInstanceOf(TaskReport.Examined.class);
        return (TaskReport.Examined) report;
    }
}
