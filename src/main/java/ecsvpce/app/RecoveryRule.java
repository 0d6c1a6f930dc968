package ecsvpce.app;

import ecsvpce.app.port.DeploymentState;
import ecsvpce.app.port.ServiceState;
import ecsvpce.report.Mode;
import ecsvpce.report.RecoveryCommands;
import ecsvpce.report.RecoveryStatus;
import ecsvpce.report.VerificationReport.NetworkState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether the follow-up check starts a new deployment of a service after a fix, and why not when it
 * does not. Pure: the facts in, one decision out; {@code RecoveryRuleTest} holds every "never".
 * Deploy only a service whose own tasks failed to start for what the fix changed, that still exists,
 * is not opted out, runs in the VPC that was fixed, runs fewer tasks than it wants, has had no
 * deployment since the fix, whose every endpoint is live, and whose circuit breaker has not failed a
 * deployment; and only when the setting allows it and the mode is not a dry run.
 */
final class RecoveryRule {
    private RecoveryRule() {
    }

    /**
     * @param failedToStart    the follow-up marks the service as failing to start for what was fixed
     * @param state            as ECS describes it now; null when ECS no longer knows it
     * @param optedOut         the service, or its VPC or subnet, is tagged to be left alone
     * @param inFixedVpc       every subnet the service runs in is in the VPC that was fixed
     * @param network          the worst of the service's subnets: any broken, else any pending, else serves
     * @param endpointsNotLive endpoints the fix made or changed (that this service needs) not yet available
     * @param ourDeploymentId  the deployment an earlier check started, if any
     */
    record Facts(String clusterArn, String serviceName, boolean failedToStart, ServiceState state, boolean optedOut,
                 boolean inFixedVpc, NetworkState network, List<String> endpointsNotLive, Instant appliedAt,
                 String ourDeploymentId, boolean recoverServices, Mode mode) {
        Facts {
            endpointsNotLive = List.copyOf(endpointsNotLive);
        }
    }

    /**
     * @param status  {@link RecoveryStatus#DEPLOYED} means: start one now
     * @param command what a person runs instead, when there is something to run
     * @param stuck   the service will not recover on its own (its primary deployment failed and launches no task)
     */
    record Decision(RecoveryStatus status, String explanation, String command, boolean stuck) {
        Decision(RecoveryStatus status, String explanation, String command) {
            this(status, explanation, command, false);
        }
    }

    static Decision decide(Facts facts) {
        ServiceState state = facts.state();
        String force = RecoveryCommands.forceNewDeployment(facts.clusterArn(), facts.serviceName());
        if (!facts.failedToStart()) {
            return new Decision(RecoveryStatus.NOT_FAILING_FOR_THIS_FIX, "its tasks were not seen failing to start "
                    + "for what this fix changed: left as it is", null);
        }
        if (state == null) {
            return new Decision(RecoveryStatus.GONE, "ECS no longer knows the service or its cluster: nothing to recover",
                    null);
        }
        if (facts.optedOut()) {
            return new Decision(RecoveryStatus.SKIP_TAGGED, "the service, its VPC or its subnet is tagged to be left "
                    + "alone", null);
        }
        if (!facts.inFixedVpc()) {
            return new Decision(RecoveryStatus.OTHER_VPC, "it now runs in subnets " + state.subnetIds()
                    + " outside the VPC that was fixed: left as it is", null);
        }
        Optional<DeploymentState> since = latest(state.deployments().stream().filter(d -> after(d, facts.appliedAt())).toList());
        Optional<DeploymentState> failed = latest(state.deployments().stream()
                .filter(d -> d.rolloutFailed() && !after(d, facts.appliedAt())).toList());
        boolean rolledForward = since.isPresent() && failed.isPresent() && failed.get().taskDefinitionArn() != null
                && failed.get().taskDefinitionArn().equals(since.get().taskDefinitionArn());
        if (failed.isPresent() && !rolledForward) {
            DeploymentState d = failed.get();
            return new Decision(RecoveryStatus.ROLL_FORWARD_BY_HAND, "the deployment circuit breaker stopped deployment "
                    + d.id() + " of " + d.taskDefinitionArn() + (d.isPrimary() ? " (a failed deployment launches no task)"
                    : " and rolled the service back") + (d.rolloutStateReason() == null ? "" : " (" + d.rolloutStateReason() + ")")
                    + "; it is not redeployed on a team's behalf: roll it forward " + (live(facts) ? "now that its "
                    + "endpoints work" : "once its endpoints are available"), RecoveryCommands.rollForward(
                    facts.clusterArn(), facts.serviceName(), d.taskDefinitionArn()), d.isPrimary() && state.belowDesiredCount());
        }
        if (!state.belowDesiredCount()) {
            return new Decision(RecoveryStatus.RUNNING, "it runs " + state.runningCount() + " of " + state.desiredCount()
                    + (facts.ourDeploymentId() == null ? ": nothing to recover"
                    : " since this product started deployment " + facts.ourDeploymentId()), null);
        }
        if (state.deployments().isEmpty()) {
            return new Decision(RecoveryStatus.NOT_AN_ECS_DEPLOYMENT, "ECS lists no deployment of it (CodeDeploy or an "
                    + "external controller deploys it): start one with that tool", null);
        }
        if (since.isPresent()) {
            DeploymentState d = since.get();
            return new Decision(RecoveryStatus.ALREADY_REDEPLOYED, "deployment " + d.id() + " started at " + d.createdAt()
                    + (d.id() != null && d.id().equals(facts.ourDeploymentId()) ? " by this product" : ", after the fix")
                    + (d.rolloutState() == null ? "" : " (" + d.rolloutState() + ")") + ": at most one new deployment "
                    + "per fix", null);
        }
        if (facts.network() == NetworkState.BROKEN || facts.network() == NetworkState.GONE) {
            return new Decision(RecoveryStatus.NETWORK_STILL_BROKEN, "its network still keeps tasks from starting: a new "
                    + "deployment would fail the same way", null);
        }
        if (!live(facts)) {
            return new Decision(RecoveryStatus.WAITING_FOR_ENDPOINTS, "waiting for "
                    + (facts.endpointsNotLive().isEmpty() ? "endpoints it needs" : String.join(", ", facts.endpointsNotLive()))
                    + " to become available before a new deployment", null);
        }
        String below = "it runs " + state.runningCount() + " of " + state.desiredCount() + " and ECS backs off after "
                + "failed starts";
        if (!facts.recoverServices()) {
            return new Decision(RecoveryStatus.TURNED_OFF, below + "; RECOVER_SERVICES is false, so ECS retries on its "
                    + "own, up to 27 minutes apart", force);
        }
        if (facts.mode() == Mode.DRY_RUN) {
            return new Decision(RecoveryStatus.WOULD_DEPLOY, below + ": dry run, one new deployment would be started",
                    force);
        }
        return new Decision(RecoveryStatus.DEPLOYED, below + ": one new deployment of the same task definition", null);
    }

    private static boolean live(Facts facts) {
        return facts.network() == NetworkState.SERVES && facts.endpointsNotLive().isEmpty();
    }

    /** Created after the fix was applied; ECS and the function clocks agree to well under the seconds between them. */
    private static boolean after(DeploymentState deployment, Instant appliedAt) {
        return deployment.createdAt() != null && deployment.createdAt().isAfter(appliedAt);
    }

    private static Optional<DeploymentState> latest(List<DeploymentState> deployments) {
        return deployments.stream().max(Comparator.comparing(DeploymentState::createdAt,
                Comparator.nullsFirst(Comparator.naturalOrder())));
    }
}
