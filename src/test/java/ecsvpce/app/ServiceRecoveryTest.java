package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.DeploymentState;
import ecsvpce.app.port.FollowUp;
import ecsvpce.app.port.ServiceState;
import ecsvpce.core.EndpointService;
import ecsvpce.core.EndpointType;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.core.plan.ResourceTags;
import ecsvpce.report.Mode;
import ecsvpce.report.RecoveryStatus;
import ecsvpce.report.Verdict;
import ecsvpce.report.VerificationReport;
import ecsvpce.report.VerificationReport.ServiceRecovery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The follow-up check's recovery over in-memory ports: what it deploys, when, and what it says. */
class ServiceRecoveryTest {
    private static final String PENDING_SECRETS = Snapshots.endpointId(EndpointService.SECRETSMANAGER);
    private final InMemoryPorts aws = new InMemoryPorts();
    private Instant now = ReportSamples.NOW;

    @Test
    void onceTheFixIsLiveTheFailingServiceGetsOneNewDeploymentAndTheNextCheckComesSoon() {
        live(0);
        aws.deploymentsCreatedAt = now.plusMillis(1200);

        FollowUpCheck.Checked checked = check(ReportSamples.followUp(1));

        assertThat(aws.calls).containsOnlyOnce("deploy:web");
        assertThat(recovery(checked.report()).status()).isEqualTo(RecoveryStatus.DEPLOYED);
        assertThat(recovery(checked.report()).deploymentId()).startsWith("ecs-svc/");
        assertThat(checked.report().verdict()).isEqualTo(Verdict.PENDING);
        assertThat(checked.report().summary()).endsWith("; started a new deployment of web");
        assertThat(checked.pace()).isEqualTo(FollowUpCheck.Pace.SOON);
        assertThat(checked.again()).hasValueSatisfying(next -> {
            assertThat(next.liveAt()).isEqualTo(now);
            assertThat(next.services()).singleElement().satisfies(times -> {
                assertThat(times.deploymentId()).isEqualTo(recovery(checked.report()).deploymentId());
                assertThat(times.deployedAt()).isEqualTo(aws.deploymentsCreatedAt);
            });
        });
    }

    @Test
    void aReplayedMessageAndTheNextCheckStartNoSecondDeployment() {
        live(0);
        FollowUp message = ReportSamples.followUp(1);
        FollowUp next = check(message).again().orElseThrow();
        aws.calls.clear();

        VerificationReport replayed = check(message).report();
        VerificationReport second = check(next).report();

        assertThat(aws.calls).noneMatch(call -> call.startsWith("deploy:"));
        assertThat(recovery(replayed).status()).isEqualTo(RecoveryStatus.ALREADY_REDEPLOYED);
        assertThat(recovery(second).status()).isEqualTo(RecoveryStatus.ALREADY_REDEPLOYED);
        assertThat(recovery(second).explanation()).contains("by this product");
    }

    @Test
    void whileAnEndpointTheFixMadeIsPendingNothingIsDeployedAndTheCheckComesSoon() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc()
                .endpoint(EndpointService.SECRETSMANAGER, e -> e.state("pending")).build());
        aws.serviceStates.put(ReportSamples.SERVICE_KEY, ServiceFixtures.state(0, 2, ServiceFixtures.primaryBeforeTheFix()));

        FollowUpCheck.Checked checked = check(withEndpoints(ReportSamples.followUp(1), PENDING_SECRETS));

        assertThat(aws.calls).noneMatch(call -> call.startsWith("deploy:"));
        assertThat(recovery(checked.report()).status()).isEqualTo(RecoveryStatus.WAITING_FOR_ENDPOINTS);
        assertThat(recovery(checked.report()).explanation()).startsWith("waiting for " + PENDING_SECRETS + " (pending) to become "
                + "available");
        assertThat(checked.pace()).isEqualTo(FollowUpCheck.Pace.SOON);
        assertThat(checked.again().orElseThrow().liveAt()).isNull();
    }

    @Test
    void anEndpointTheFixChangedThatTheServiceDoesNotNeedDoesNotHoldItBack() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().endpoint(Snapshots.endpointId(EndpointService.SSMMESSAGES),
                EndpointService.SSMMESSAGES, EndpointType.INTERFACE, e -> e.state("pending")).build());
        aws.serviceStates.put(ReportSamples.SERVICE_KEY, ServiceFixtures.state(0, 2, ServiceFixtures.primaryBeforeTheFix()));

        FollowUpCheck.Checked checked = check(withEndpoints(ReportSamples.followUp(1),
                Snapshots.endpointId(EndpointService.SSMMESSAGES)));

        assertThat(recovery(checked.report()).status()).isEqualTo(RecoveryStatus.DEPLOYED);
        assertThat(checked.again().orElseThrow().liveAt()).as("not every endpoint of the fix is live yet").isNull();
    }

    @Test
    void aHealthySiblingInTheSameFollowUpIsNeverDeployed() {
        live(0);
        aws.serviceStates.put(Tasks.CLUSTER_ARN + "/api", ServiceFixtures.state(2, 2, ServiceFixtures.primaryBeforeTheFix()));
        FollowUp followUp = ReportSamples.followUp(1, ReportSamples.followUp(1).workloads().get(0),
                new FollowUp.Workload(Snapshots.TASK_SUBNET, ReportSamples.SEED_NEEDS, List.of(), Tasks.CLUSTER_ARN, "api"));

        VerificationReport report = check(followUp).report();

        assertThat(aws.calls).filteredOn(call -> call.startsWith("deploy:")).containsExactly("deploy:web");
        assertThat(report.recoveries()).extracting(ServiceRecovery::serviceName, ServiceRecovery::status).containsExactly(
                tuple("web", RecoveryStatus.DEPLOYED),
                tuple("api", RecoveryStatus.NOT_FAILING_FOR_THIS_FIX));
    }

    @Test
    void aServiceTaggedToBeSkippedOrMovedToAnotherVpcIsLeftAlone() {
        live(0);
        aws.serviceStates.put(ReportSamples.SERVICE_KEY, ServiceFixtures.state(0, 2, Map.of(ResourceTags.SKIP, ""),
                ServiceFixtures.primaryBeforeTheFix()));
        assertThat(recovery(check(ReportSamples.followUp(1)).report()).status()).isEqualTo(RecoveryStatus.SKIP_TAGGED);

        aws.serviceStates.put(ReportSamples.SERVICE_KEY, new ServiceState(0, 2, List.of(Snapshots.TASK_SG),
                List.of("subnet-0elsewhere0"), Map.of(), List.of(ServiceFixtures.primaryBeforeTheFix())));
        assertThat(recovery(check(ReportSamples.followUp(1)).report()).status()).isEqualTo(RecoveryStatus.OTHER_VPC);
        assertThat(aws.calls).noneMatch(call -> call.startsWith("deploy:"));
    }

    /** Whether or not its network serves (the planner holds back only a tagged subnet with something to fix). */
    @Test
    void aServiceInASubnetOrVpcTaggedToBeSkippedIsLeftAlone() {
        Map<String, String> skip = Map.of(ResourceTags.SKIP, "");
        aws.serviceStates.put(ReportSamples.SERVICE_KEY, ServiceFixtures.state(0, 2, ServiceFixtures.primaryBeforeTheFix()));

        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().subnetTags(Snapshots.TASK_SUBNET, skip).build());
        assertThat(recovery(check(ReportSamples.followUp(1)).report()).status()).isEqualTo(RecoveryStatus.SKIP_TAGGED);
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().vpcTags(skip).build());
        assertThat(recovery(check(ReportSamples.followUp(1)).report()).status()).isEqualTo(RecoveryStatus.SKIP_TAGGED);
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().withoutEndpoint(EndpointService.SECRETSMANAGER)
                .subnetTags(Snapshots.TASK_SUBNET, skip).build());
        assertThat(recovery(check(ReportSamples.followUp(1)).report()).status()).isEqualTo(RecoveryStatus.SKIP_TAGGED);
        assertThat(aws.calls).noneMatch(call -> call.startsWith("deploy:"));
    }

    @Test
    void aDryRunAndRecoveryTurnedOffDeployNothingAndSayWhatAPersonCanRun() {
        live(0);
        VerificationReport dryRun = check(ReportSamples.followUp(1), RecoverySettings.on(), Mode.DRY_RUN).report();
        VerificationReport off = check(ReportSamples.followUp(1), new RecoverySettings(false), Mode.REMEDIATE).report();

        assertThat(aws.calls).noneMatch(call -> call.startsWith("deploy:"));
        assertThat(recovery(dryRun).status()).isEqualTo(RecoveryStatus.WOULD_DEPLOY);
        assertThat(dryRun.summary()).endsWith("would start a new deployment of web (dry run)");
        assertThat(dryRun.nextSteps()).singleElement().asString().contains("--service web --force-new-deployment");
        assertThat(recovery(off).status()).isEqualTo(RecoveryStatus.TURNED_OFF);
    }

    @Test
    void aRefusedDeploymentIsReportedForThatServiceAndNeverTurnsTheCheckIntoAFailure() {
        live(0);
        aws.fail("deploy:web", new CallFailure.Refused(false, "ecs:UpdateService", "ServiceNotActiveException",
                "ecs:UpdateService was rejected: ServiceNotActiveException: Service was not ACTIVE.", null));

        VerificationReport report = check(ReportSamples.followUp(1)).report();

        assertThat(report.verdict()).isEqualTo(Verdict.PENDING);
        assertThat(recovery(report).status()).isEqualTo(RecoveryStatus.REFUSED);
        assertThat(recovery(report).explanation()).contains("ServiceNotActiveException");
        assertThat(report.nextSteps()).singleElement().asString().contains("was refused", "--force-new-deployment");
    }

    @Test
    void aThrottledDeploymentEscapesSoTheQueueDeliversTheCheckAgain() {
        live(0);
        aws.fail("deploy:web", InMemoryPorts.stillFailing("ecs:UpdateService"));

        assertThatThrownBy(() -> check(ReportSamples.followUp(1))).isInstanceOf(CallFailure.StillFailing.class);
    }

    @Test
    void aDeploymentTheCircuitBreakerFailedIsStillBrokenAtOnceWithTheRollForwardCommand() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().build());
        aws.serviceStates.put(ReportSamples.SERVICE_KEY, ServiceFixtures.state(0, 2, ServiceFixtures.failedDeployment()));

        VerificationReport report = check(ReportSamples.followUp(1)).report();

        assertThat(aws.calls).noneMatch(call -> call.startsWith("deploy:"));
        assertThat(report.verdict()).isEqualTo(Verdict.STILL_BROKEN);
        assertThat(report.nextSteps()).singleElement().asString().contains("roll it forward",
                "--task-definition " + Tasks.TASK_DEFINITION_ARN + " --force-new-deployment");
    }

    @Test
    void eachFailingServiceOfAFollowUpKeepsItsOwnDeploymentFromCheckToCheck() {
        live(0);
        aws.serviceStates.put(Tasks.CLUSTER_ARN + "/api", ServiceFixtures.state(0, 2, ServiceFixtures.primaryBeforeTheFix()));
        FollowUp followUp = ReportSamples.followUp(1, ReportSamples.followUp(1).workloads().get(0),
                new FollowUp.Workload(Snapshots.TASK_SUBNET, ReportSamples.SEED_NEEDS, List.of(), Tasks.CLUSTER_ARN, "api", true));
        FollowUpCheck.Checked first = check(followUp);
        aws.calls.clear();

        VerificationReport second = check(first.again().orElseThrow()).report();

        assertThat(aws.calls).noneMatch(call -> call.startsWith("deploy:"));
        assertThat(first.report().recoveries()).extracting(ServiceRecovery::deploymentId).doesNotHaveDuplicates();
        assertThat(second.recoveries()).extracting(ServiceRecovery::serviceName, ServiceRecovery::status).containsExactly(
                tuple("web", RecoveryStatus.ALREADY_REDEPLOYED), tuple("api", RecoveryStatus.ALREADY_REDEPLOYED));
        assertThat(second.recoveries()).allSatisfy(r -> assertThat(r.explanation()).contains("by this product"));
        assertThat(second.timeline().services()).extracting(VerificationReport.ServiceTimeline::deploymentId)
                .containsExactlyElementsOf(first.report().recoveries().stream().map(ServiceRecovery::deploymentId).toList());
    }

    @Test
    void whileOnlyEcsOwnRetriesAreAwaitedTheNextCheckComesLater() {
        live(0);

        FollowUpCheck.Checked off = check(ReportSamples.followUp(1), new RecoverySettings(false), Mode.REMEDIATE);

        assertThat(off.report().verdict()).isEqualTo(Verdict.PENDING);
        assertThat(recovery(off.report()).status()).isEqualTo(RecoveryStatus.TURNED_OFF);
        assertThat(off.pace()).isEqualTo(FollowUpCheck.Pace.LATER);
    }

    @Test
    void aServiceWhoseNetworkIsBrokenAgainIsNotDeployed() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().withoutEndpoint(EndpointService.SECRETSMANAGER).build());
        aws.serviceStates.put(ReportSamples.SERVICE_KEY, ServiceFixtures.state(0, 2, ServiceFixtures.primaryBeforeTheFix()));

        VerificationReport report = check(ReportSamples.followUp(1)).report();

        assertThat(aws.calls).noneMatch(call -> call.startsWith("deploy:"));
        assertThat(recovery(report).status()).isEqualTo(RecoveryStatus.NETWORK_STILL_BROKEN);
        assertThat(report.verdict()).isEqualTo(Verdict.STILL_BROKEN);
    }

    /** A service its team scaled to zero wants nothing: it is not deployed, and no recovery time is claimed for it. */
    @Test
    void aServiceScaledToZeroIsNeverSaidToHaveReachedItsDesiredCount() {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().build());
        aws.serviceStates.put(ReportSamples.SERVICE_KEY, ServiceFixtures.state(0, 0, ServiceFixtures.primaryBeforeTheFix()));

        VerificationReport report = check(ReportSamples.followUp(1)).report();

        assertThat(aws.calls).noneMatch(call -> call.startsWith("deploy:"));
        assertThat(recovery(report).status()).isEqualTo(RecoveryStatus.RUNNING);
        assertThat(report.timeline().services()).singleElement().satisfies(web -> {
            assertThat(web.desiredCountAt()).isNull();
            assertThat(web.recoverySeconds()).isNull();
        });
    }

    @Test
    void theTimelineGoesFromTheFailureToTheServiceAtItsDesiredCount() {
        live(0);
        FollowUp second = check(ReportSamples.followUp(1)).again().orElseThrow();
        live(1);
        now = now.plusSeconds(30);
        FollowUp third = check(second).again().orElseThrow();
        live(2);
        now = now.plusSeconds(30);

        VerificationReport healed = check(third).report();

        assertThat(healed.verdict()).isEqualTo(Verdict.HEALED);
        VerificationReport.Timeline timeline = healed.timeline();
        assertThat(timeline.failedAt()).isEqualTo(ReportSamples.FAILED_AT.toString());
        assertThat(timeline.appliedAt()).isEqualTo(ReportSamples.APPLIED_AT.toString());
        assertThat(timeline.endpointsLiveAt()).isEqualTo(ReportSamples.NOW.toString());
        assertThat(timeline.services()).singleElement().satisfies(web -> {
            assertThat(web.deployedAt()).isEqualTo(aws.deploymentsCreatedAt.toString());
            assertThat(web.firstRunningAt()).isEqualTo(ReportSamples.NOW.plusSeconds(30).toString());
            assertThat(web.desiredCountAt()).isEqualTo(now.toString());
            assertThat(web.recoverySeconds()).isEqualTo(Duration.between(ReportSamples.FAILED_AT, now).toSeconds());
        });
    }

    @Test
    void aDeploymentStartedByTheLastCheckGetsOneMoreCheckToSeeWhatCameOfIt() {
        live(0);
        FollowUp late = new FollowUp(Snapshots.VPC_ID, Tasks.TASK_ARN, now.minus(Duration.ofMinutes(40)),
                now.minus(Duration.ofMinutes(36)), 9, ReportSamples.followUp(1).workloads());

        FollowUpCheck.Checked checked = check(late);

        assertThat(recovery(checked.report()).status()).isEqualTo(RecoveryStatus.DEPLOYED);
        assertThat(checked.report().verdict()).isEqualTo(Verdict.PENDING);
    }

    /** The seed VPC, every endpoint available; web runs {@code running} of 2, its deployment from before the fix. */
    private void live(int running) {
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().build());
        List<DeploymentState> deployments = aws.serviceStates.containsKey(ReportSamples.SERVICE_KEY)
                ? aws.serviceStates.get(ReportSamples.SERVICE_KEY).deployments() : List.of(ServiceFixtures.primaryBeforeTheFix());
        aws.serviceStates.put(ReportSamples.SERVICE_KEY, ServiceFixtures.state(running, 2,
                deployments.toArray(DeploymentState[]::new)));
    }

    private static FollowUp withEndpoints(FollowUp followUp, String... endpointIds) {
        return new FollowUp(followUp.vpcId(), followUp.trigger(), followUp.failedAt(), followUp.appliedAt(), followUp.check(),
                followUp.workloads(), List.of(endpointIds), null, List.of());
    }

    private static ServiceRecovery recovery(VerificationReport report) {
        return report.recoveries().get(0);
    }

    private FollowUpCheck.Checked check(FollowUp followUp) {
        return check(followUp, RecoverySettings.on(), Mode.REMEDIATE);
    }

    private FollowUpCheck.Checked check(FollowUp followUp, RecoverySettings recovery, Mode mode) {
        return new FollowUpCheck(aws, aws, aws, recovery, new Settings(mode, PlanSettings.defaults()),
                Clock.fixed(now, ZoneOffset.UTC)).check(followUp);
    }
}
