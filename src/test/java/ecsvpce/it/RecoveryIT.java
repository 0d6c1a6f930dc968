package ecsvpce.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.amazonaws.services.lambda.runtime.Context;
import ecsvpce.app.DispatchSettings;
import ecsvpce.app.RecoverySettings;
import ecsvpce.app.port.FollowUp;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.support.Lambda;
import ecsvpce.support.LambdaContexts;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.FollowUpQueueFixture;
import ecsvpce.testing.Inbox;
import ecsvpce.testing.MotoServer;
import ecsvpce.testing.MotoTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.LaunchType;

/**
 * The recovery on moto: a service whose tasks fail to start (web, 0 of 1) and its healthy sibling
 * (api, 1 of 1) in one isolated subnet. After the fix, the follow-up check starts exactly one new
 * deployment of web, none of api, none in a dry run, none with RECOVER_SERVICES off, none when the
 * message is delivered again. moto's UpdateService with forceNewDeployment gives the primary
 * deployment a new id (and creation time), so each deployment shows as a changed id.
 */
@MotoTest
class RecoveryIT {
    private static final String WEB = "web";
    private static final String API = "api";
    private final CallRecorder verifyCalls = new CallRecorder("VerifyFunction");
    private Inbox inbox;
    private FollowUpQueueFixture followUps;
    private DispatchSettings dispatch;

    @BeforeEach
    void channels() {
        inbox = Inbox.create("recovery-reports");
        followUps = FollowUpQueueFixture.create("recovery-follow-ups");
        dispatch = new DispatchSettings(Optional.of(inbox.topicArn()), Optional.of(followUps.url()), Duration.ZERO);
    }

    @Test
    void theStoppedTasksServiceGetsExactlyOneNewDeploymentAndADeliveryAgainGetsNone() {
        try (FargateScenario scenario = failingServiceAndHealthySibling()) {
            String webBefore = primaryDeployment(scenario, WEB);
            String apiBefore = primaryDeployment(scenario, API);
            Map<String, Object> message = remediate(scenario);

            Map<String, Object> first = verify(Mode.REMEDIATE, RecoverySettings.on(), message);

            assertThat(recovery(first, WEB)).containsEntry("status", "DEPLOYED");
            assertThat(verifyCalls.count("ecs:UpdateService")).isEqualTo(1);
            String webAfter = primaryDeployment(scenario, WEB);
            assertThat(webAfter).isNotEqualTo(webBefore).isEqualTo(recovery(first, WEB).get("deploymentId"));
            assertThat(primaryDeployment(scenario, API)).isEqualTo(apiBefore);
            assertThat(first.get("verdict")).isEqualTo("PENDING");

            Map<String, Object> again = verify(Mode.REMEDIATE, RecoverySettings.on(), message);

            assertThat(recovery(again, WEB)).containsEntry("status", "ALREADY_REDEPLOYED");
            assertThat(verifyCalls.count("ecs:UpdateService")).as("SQS delivered the same check twice").isEqualTo(1);
            assertThat(primaryDeployment(scenario, WEB)).isEqualTo(webAfter);
        }
    }

    @Test
    void aSweepRecoversTheServiceItFoundFailingAndNeverItsHealthySibling() {
        try (FargateScenario scenario = failingServiceAndHealthySibling()) {
            String apiBefore = primaryDeployment(scenario, API);
            String webBefore = primaryDeployment(scenario, WEB);
            Map<String, Object> sweep = Lambda.invoke(Functions.sweep(Mode.REMEDIATE, new CallRecorder("SweepFunction"),
                    dispatch), read("events/scheduled-sweep.json"), LambdaContexts.of("SweepFunction", MotoServer.ACCOUNT_ID));
            assertThat(String.valueOf(sweep.get("summary"))).contains("2 fixed");
            List<Map<String, Object>> queued = followUps.takeEvents();
            assertThat(queued).hasSize(1);
            FollowUp followUp = FollowUp.parse(FollowUpQueueFixture.body(queued.get(0)));
            assertThat(followUp.workloads()).extracting(FollowUp.Workload::serviceName, FollowUp.Workload::failedToStart)
                    .containsExactlyInAnyOrder(tuple(WEB, true),
                            tuple(API, false));
            assertThat(followUp.endpointIds()).as("what the sweep created").isNotEmpty();

            Map<String, Object> checked = verify(Mode.REMEDIATE, RecoverySettings.on(), queued.get(0));

            assertThat(recovery(checked, WEB)).containsEntry("status", "DEPLOYED");
            assertThat(recovery(checked, API)).containsEntry("status", "NOT_FAILING_FOR_THIS_FIX");
            assertThat(verifyCalls.count("ecs:UpdateService")).isEqualTo(1);
            assertThat(primaryDeployment(scenario, WEB)).isNotEqualTo(webBefore);
            assertThat(primaryDeployment(scenario, API)).isEqualTo(apiBefore);
        }
    }

    @Test
    void aDryRunDeploysNothingAndSaysWhichServiceItWould() {
        try (FargateScenario scenario = failingServiceAndHealthySibling()) {
            String webBefore = primaryDeployment(scenario, WEB);
            Map<String, Object> planned = Lambda.invoke(Functions.remediate(Mode.DRY_RUN, new CallRecorder("RemediateFunction"),
                    dispatch), scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON).json(), context("RemediateFunction"));
            assertThat(planned.get("outcome")).isEqualTo("PLANNED");
            assertThat(map(planned.get("followUp"))).containsEntry("status", "DRY_RUN");
            assertThat(String.valueOf(map(planned.get("followUp")).get("wouldRecover"))).contains("serviceName=web",
                    "aws ecs update-service --region us-east-1 --cluster " + scenario.clusterArn()
                            + " --service web --force-new-deployment");
            assertThat(followUps.takeEvents()).as("a dry run queues no check").isEmpty();
            assertThat(inbox.take()).singleElement().satisfies(told -> assertThat(told.path("Message").asText())
                    .contains("the check would start one new deployment of web"));

            Map<String, Object> message = remediate(scenario);
            Map<String, Object> checked = verify(Mode.DRY_RUN, RecoverySettings.on(), message);

            assertThat(recovery(checked, WEB)).containsEntry("status", "WOULD_DEPLOY");
            assertThat(verifyCalls.count("ecs:UpdateService")).isZero();
            assertThat(primaryDeployment(scenario, WEB)).isEqualTo(webBefore);
        }
    }

    @Test
    void withRecoverServicesOffNothingIsDeployedAndTheReportSaysSo() {
        try (FargateScenario scenario = failingServiceAndHealthySibling()) {
            String webBefore = primaryDeployment(scenario, WEB);
            Map<String, Object> message = remediate(scenario);

            Map<String, Object> checked = verify(Mode.REMEDIATE, new RecoverySettings(false), message);

            assertThat(recovery(checked, WEB)).containsEntry("status", "TURNED_OFF");
            assertThat(verifyCalls.count("ecs:UpdateService")).isZero();
            assertThat(primaryDeployment(scenario, WEB)).isEqualTo(webBefore);
        }
    }

    @Test
    void aServiceDeletedBeforeItsCheckIsReportedGoneAndTheFixIsNoFailure() {
        try (FargateScenario scenario = failingServiceAndHealthySibling()) {
            Map<String, Object> message = remediate(scenario);
            scenario.ecs().deleteService(r -> r.cluster(scenario.clusterArn()).service(WEB).force(true));

            Map<String, Object> checked = verify(Mode.REMEDIATE, RecoverySettings.on(), message);

            assertThat(recovery(checked, WEB)).containsEntry("status", "GONE");
            assertThat(checked.get("verdict")).isEqualTo("HEALED");
            assertThat(verifyCalls.count("ecs:UpdateService")).isZero();
        }
    }

    @Test
    void theHealedReportGivesTheTimelineFromTheFailureToTheServiceAtItsDesiredCount() {
        try (FargateScenario scenario = failingServiceAndHealthySibling()) {
            Map<String, Object> message = remediate(scenario);
            verify(Mode.REMEDIATE, RecoverySettings.on(), message);
            Map<String, Object> second = followUps.takeEvents().get(0);
            // moto starts no task; once told its desired count, the service runs it (as the new deployment would).
            scenario.ecs().updateService(r -> r.cluster(scenario.clusterArn()).service(WEB).desiredCount(1));

            Map<String, Object> healed = verify(Mode.REMEDIATE, RecoverySettings.on(), second);

            assertThat(healed.get("verdict")).isEqualTo("HEALED");
            Map<String, Object> timeline = map(healed.get("timeline"));
            assertThat(timeline).containsKeys("failedAt", "appliedAt", "endpointsLiveAt");
            assertThat(map(((List<?>) timeline.get("services")).get(0))).containsKeys("deploymentId", "deployedAt",
                    "firstRunningAt", "desiredCountAt", "recoverySeconds");
            assertThat(inbox.take()).last().satisfies(told -> assertThat(Inbox.chat(told).path("content")
                    .path("description").asText()).contains("*Timeline*", "fix applied", "endpoints live",
                    "web: new deployment " + map(((List<?>) timeline.get("services")).get(0)).get("deploymentId")));
        }
    }

    /** web (the scenario's service) fails to start: 0 of 1. api, in the same subnet, runs 1 of 1. */
    private static FargateScenario failingServiceAndHealthySibling() {
        FargateScenario scenario = FargateScenario.builder().service(WEB).create();
        scenario.ecs().createService(r -> r.cluster(scenario.clusterArn()).serviceName(API)
                .taskDefinition(scenario.taskDefinitionArn()).desiredCount(1).launchType(LaunchType.FARGATE)
                .platformVersion(scenario.platformVersion())
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(scenario.subnetId())
                        .securityGroups(scenario.taskSecurityGroupId()))));
        // moto: a new service runs nothing; told its desired count, it runs it.
        scenario.ecs().updateService(r -> r.cluster(scenario.clusterArn()).service(API).desiredCount(1));
        return scenario;
    }

    /** The remediation of web's failed start, and the follow-up it queued (as the SQS event VerifyFunction gets). */
    private Map<String, Object> remediate(FargateScenario scenario) {
        Map<String, Object> report = Lambda.invoke(Functions.remediate(Mode.REMEDIATE, new CallRecorder("RemediateFunction"),
                dispatch), scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON).json(),
                context("RemediateFunction"));
        assertThat(report.get("outcome")).isEqualTo("REMEDIATED");
        inbox.take();
        List<Map<String, Object>> queued = followUps.takeEvents();
        assertThat(queued).hasSize(1);
        return queued.get(0);
    }

    private Map<String, Object> verify(Mode mode, RecoverySettings recovery, Map<String, Object> event) {
        return Lambda.invoke(Functions.verify(mode, recovery, verifyCalls, dispatch), Lambda.json(event),
                context("VerifyFunction"));
    }

    private static String primaryDeployment(FargateScenario scenario, String service) {
        return scenario.ecs().describeServices(r -> r.cluster(scenario.clusterArn()).services(service)).services().get(0)
                .deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst().orElseThrow().id();
    }

    private static Map<String, Object> recovery(Map<String, Object> report, String service) {
        return ((List<?>) report.get("recoveries")).stream().map(RecoveryIT::map)
                .filter(r -> service.equals(r.get("serviceName"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }


    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Context context(String function) {
        return LambdaContexts.of(function, MotoServer.ACCOUNT_ID);
    }
}
