package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.port.DeploymentState;
import ecsvpce.app.port.ServiceState;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.report.Mode;
import ecsvpce.report.RecoveryStatus;
import ecsvpce.report.VerificationReport.NetworkState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recovery rule, one "never" each: a service is deployed again only when every fact allows it,
 * and every fact that forbids it is enough on its own.
 */
class RecoveryRuleTest {
    private static final Instant APPLIED = ReportSamples.APPLIED_AT;
    private static final String OTHER_DEFINITION = Tasks.TASK_DEFINITION_ARN.replaceFirst(":[0-9]+$", ":41");

    @Test
    void aServiceThatFailedToStartForWhatWasFixedWhoseEndpointsAreLiveIsDeployedOnce() {
        RecoveryRule.Decision decision = RecoveryRule.decide(facts().build());

        assertThat(decision.status()).isEqualTo(RecoveryStatus.DEPLOYED);
        assertThat(decision.explanation()).contains("runs 0 of 2", "one new deployment of the same task definition");
        assertThat(decision.stuck()).isFalse();
    }

    @Test
    void neverAServiceNotSeenFailingToStartForWhatTheFixChanged() {
        assertThat(status(facts().failedToStart(false))).isEqualTo(RecoveryStatus.NOT_FAILING_FOR_THIS_FIX);
    }

    @Test
    void neverAServiceThatIsHealthy() {
        RecoveryRule.Decision healthy = RecoveryRule.decide(facts()
                .state(ServiceFixtures.state(2, 2, ServiceFixtures.primaryBeforeTheFix())).build());
        assertThat(healthy.status()).isEqualTo(RecoveryStatus.RUNNING);
        assertThat(healthy.explanation()).isEqualTo("it runs 2 of 2: nothing to recover");
        assertThat(status(facts().state(ServiceFixtures.state(0, 0, ServiceFixtures.primaryBeforeTheFix()))))
                .as("scaled to zero wants nothing").isEqualTo(RecoveryStatus.RUNNING);
    }

    @Test
    void neverAServiceInAnotherVpc() {
        assertThat(status(facts().inFixedVpc(false))).isEqualTo(RecoveryStatus.OTHER_VPC);
    }

    @Test
    void neverAServiceTaggedToBeSkipped() {
        assertThat(status(facts().optedOut(true))).isEqualTo(RecoveryStatus.SKIP_TAGGED);
    }

    @Test
    void neverAServiceWhoseNetworkTheFixDidNotMakeServe() {
        assertThat(status(facts().network(NetworkState.BROKEN))).isEqualTo(RecoveryStatus.NETWORK_STILL_BROKEN);
        assertThat(status(facts().network(NetworkState.GONE))).isEqualTo(RecoveryStatus.NETWORK_STILL_BROKEN);
    }

    @Test
    void neverBeforeEveryEndpointItNeedsIsAvailable() {
        assertThat(status(facts().network(NetworkState.PENDING))).isEqualTo(RecoveryStatus.WAITING_FOR_ENDPOINTS);
        RecoveryRule.Decision waiting = RecoveryRule.decide(facts().notLive(List.of("vpce-0123456789abcdef0 (pending)")).build());
        assertThat(waiting.status()).isEqualTo(RecoveryStatus.WAITING_FOR_ENDPOINTS);
        assertThat(waiting.explanation()).contains("vpce-0123456789abcdef0 (pending)");
    }

    @Test
    void neverTwicePerFixWhoeverStartedTheDeploymentSinceTheFix() {
        DeploymentState ours = ServiceFixtures.deployment("ecs-svc/2", APPLIED.plusSeconds(90));
        RecoveryRule.Decision replayed = RecoveryRule.decide(facts().ourDeploymentId("ecs-svc/2")
                .state(ServiceFixtures.state(0, 2, ours, ServiceFixtures.primaryBeforeTheFix())).build());
        RecoveryRule.Decision someoneElse = RecoveryRule.decide(facts()
                .state(ServiceFixtures.state(0, 2, ours, ServiceFixtures.primaryBeforeTheFix())).build());

        assertThat(replayed.status()).isEqualTo(RecoveryStatus.ALREADY_REDEPLOYED);
        assertThat(replayed.explanation()).contains("ecs-svc/2", "by this product", "(IN_PROGRESS)",
                "at most one new deployment per fix");
        assertThat(someoneElse.status()).isEqualTo(RecoveryStatus.ALREADY_REDEPLOYED);
        assertThat(someoneElse.explanation()).contains("after the fix");
    }

    @Test
    void aServiceRunningAgainAfterOurDeploymentSaysWhichOne() {
        DeploymentState ours = ServiceFixtures.deployment("ecs-svc/2", APPLIED.plusSeconds(90));

        RecoveryRule.Decision decision = RecoveryRule.decide(facts().ourDeploymentId("ecs-svc/2")
                .state(ServiceFixtures.state(2, 2, ours, ServiceFixtures.primaryBeforeTheFix())).build());

        assertThat(decision.status()).isEqualTo(RecoveryStatus.RUNNING);
        assertThat(decision.explanation()).isEqualTo("it runs 2 of 2 since this product started deployment ecs-svc/2");
    }

    @Test
    void aDeploymentFromBeforeTheFixDoesNotCount() {
        DeploymentState justBefore = ServiceFixtures.deployment("ecs-svc/2", APPLIED.minusSeconds(1));

        assertThat(status(facts().state(ServiceFixtures.state(0, 2, justBefore)))).isEqualTo(RecoveryStatus.DEPLOYED);
    }

    @Test
    void neverTheRevisionTheCircuitBreakerFailedButTheCommandToRollForward() {
        RecoveryRule.Decision failedPrimary = RecoveryRule.decide(facts()
                .state(ServiceFixtures.state(0, 2, ServiceFixtures.failedDeployment())).build());

        assertThat(failedPrimary.status()).isEqualTo(RecoveryStatus.ROLL_FORWARD_BY_HAND);
        assertThat(failedPrimary.explanation()).contains("ecs-svc/1", "launches no task", "tasks failed to start",
                "now that its endpoints work");
        assertThat(failedPrimary.command()).isEqualTo("aws ecs update-service --region ap-northeast-1 --cluster "
                + Tasks.CLUSTER_ARN + " --service web --task-definition " + Tasks.TASK_DEFINITION_ARN + " --force-new-deployment");
        assertThat(failedPrimary.stuck()).as("a failed primary launches nothing: waiting is useless").isTrue();
    }

    @Test
    void aRollbackThatRunsTheOldRevisionStillGetsTheRollForwardCommand() {
        DeploymentState rollback = new DeploymentState("ecs-svc/0", "PRIMARY", OTHER_DEFINITION, "COMPLETED", null, 0, 2,
                APPLIED.plusSeconds(30));
        DeploymentState failed = new DeploymentState("ecs-svc/1", "ACTIVE", Tasks.TASK_DEFINITION_ARN, "FAILED",
                "ECS deployment circuit breaker: tasks failed to start.", 10, 0, ServiceFixtures.LONG_AGO);
        RecoveryRule.Decision decision = RecoveryRule.decide(facts().state(ServiceFixtures.state(2, 2, rollback, failed)).build());

        assertThat(decision.status()).isEqualTo(RecoveryStatus.ROLL_FORWARD_BY_HAND);
        assertThat(decision.explanation()).contains("rolled the service back");
        assertThat(decision.command()).contains("--task-definition " + Tasks.TASK_DEFINITION_ARN);
        assertThat(decision.stuck()).as("it runs, on the old revision").isFalse();
    }

    @Test
    void aFailedRevisionRolledForwardSinceTheFixIsAlreadyRedeployed() {
        DeploymentState forward = ServiceFixtures.deployment("ecs-svc/3", APPLIED.plusSeconds(120));
        DeploymentState failed = new DeploymentState("ecs-svc/1", "ACTIVE", Tasks.TASK_DEFINITION_ARN, "FAILED", null, 10,
                0, ServiceFixtures.LONG_AGO);

        assertThat(status(facts().state(ServiceFixtures.state(0, 2, forward, failed))))
                .isEqualTo(RecoveryStatus.ALREADY_REDEPLOYED);
    }

    @Test
    void neverWhenTheSettingIsOffButTheCommandForAPerson() {
        RecoveryRule.Decision decision = RecoveryRule.decide(facts().recoverServices(false).build());

        assertThat(decision.status()).isEqualTo(RecoveryStatus.TURNED_OFF);
        assertThat(decision.command()).endsWith("--service web --force-new-deployment");
    }

    @Test
    void neverInADryRunWhichSaysWhatItWouldDo() {
        RecoveryRule.Decision decision = RecoveryRule.decide(facts().mode(Mode.DRY_RUN).build());

        assertThat(decision.status()).isEqualTo(RecoveryStatus.WOULD_DEPLOY);
        assertThat(decision.explanation()).contains("dry run");
    }

    @Test
    void neverAServiceThatIsGoneOrDeployedByAnotherController() {
        assertThat(status(facts().state(null))).isEqualTo(RecoveryStatus.GONE);
        assertThat(status(facts().state(ServiceFixtures.state(0, 2)))).isEqualTo(RecoveryStatus.NOT_AN_ECS_DEPLOYMENT);
    }

    private static RecoveryStatus status(FactsBuilder facts) {
        return RecoveryRule.decide(facts.build()).status();
    }

    /** A service that failed to start, in the fixed VPC, its network serving, nothing since the fix: deployable. */
    private static FactsBuilder facts() {
        return new FactsBuilder();
    }

    private static final class FactsBuilder {
        private boolean failedToStart = true;
        private ServiceState state = ServiceFixtures.state(0, 2, ServiceFixtures.primaryBeforeTheFix());
        private boolean optedOut;
        private boolean inFixedVpc = true;
        private NetworkState network = NetworkState.SERVES;
        private List<String> notLive = List.of();
        private String ourDeploymentId;
        private boolean recoverServices = true;
        private Mode mode = Mode.REMEDIATE;

        FactsBuilder failedToStart(boolean value) {
            failedToStart = value;
            return this;
        }

        FactsBuilder state(ServiceState value) {
            state = value;
            return this;
        }

        FactsBuilder optedOut(boolean value) {
            optedOut = value;
            return this;
        }

        FactsBuilder inFixedVpc(boolean value) {
            inFixedVpc = value;
            return this;
        }

        FactsBuilder network(NetworkState value) {
            network = value;
            return this;
        }

        FactsBuilder notLive(List<String> value) {
            notLive = value;
            return this;
        }

        FactsBuilder ourDeploymentId(String value) {
            ourDeploymentId = value;
            return this;
        }

        FactsBuilder recoverServices(boolean value) {
            recoverServices = value;
            return this;
        }

        FactsBuilder mode(Mode value) {
            mode = value;
            return this;
        }

        RecoveryRule.Facts build() {
            return new RecoveryRule.Facts(Tasks.CLUSTER_ARN, ReportSamples.SERVICE, failedToStart, state, optedOut,
                    inFixedVpc, network, notLive, APPLIED, ourDeploymentId, recoverServices, mode);
        }
    }

    @Test
    void deploymentsCreatedTheSameSecondAsTheFixAreNotAfterIt() {
        DeploymentState same = ServiceFixtures.deployment("ecs-svc/2", APPLIED);
        assertThat(status(facts().state(ServiceFixtures.state(0, 2, same)))).isEqualTo(RecoveryStatus.DEPLOYED);
    }
}
