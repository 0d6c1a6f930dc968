package ecsvpce.app;

import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.DeploymentState;
import ecsvpce.app.port.FollowUp;
import ecsvpce.app.port.ServiceDeployer;
import ecsvpce.app.port.ServiceState;
import ecsvpce.core.EndpointService;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.VpcEndpoint;
import ecsvpce.core.plan.ResourceTags;
import ecsvpce.report.Mode;
import ecsvpce.report.RecoveryCommands;
import ecsvpce.report.RecoveryStatus;
import ecsvpce.report.VerificationReport.NetworkState;
import ecsvpce.report.VerificationReport.ServiceRecovery;
import ecsvpce.report.VerificationReport.ServiceTimeline;
import ecsvpce.report.VerificationReport.Timeline;
import ecsvpce.report.VerificationReport.WorkloadCheck;
import ecsvpce.report.VerificationReports.Recovery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recovery step of a follow-up check: for each service of the follow-up, the {@link RecoveryRule}'s
 * decision and, where it says so, the one new deployment; and the timeline the checks carry forward.
 * A refusal is reported for that service; a transient failure escapes, so the queue delivers the check
 * again (which then finds the deployment, if it was made, and makes none).
 */
final class ServiceRecoveries {
    private final ServiceDeployer deployer;
    private final RecoverySettings settings;
    private final Mode mode;
    private final GuardRails guardRails;

    ServiceRecoveries(ServiceDeployer deployer, RecoverySettings settings, Settings functionSettings) {
        this.deployer = deployer;
        this.settings = settings;
        this.mode = functionSettings.mode();
        this.guardRails = new GuardRails(functionSettings);
    }

    /**
     * @param recovery what the report says
     * @param next     the message's state for the next check: when the endpoints were first live, and each service's times
     * @param soon     something moves within a minute: endpoints becoming available, tasks of a new deployment starting
     */
    record Result(Recovery recovery, Instant liveAt, List<FollowUp.ServiceTimes> next, boolean soon) {
    }

    /** @param checks the workloads as this check found them, in the follow-up's order */
    Result recover(FollowUp followUp, NetworkSnapshot snapshot, List<WorkloadCheck> checks,
                   Map<String, ServiceState> states, Instant now) {
        boolean live = checks.stream().noneMatch(c -> c.network() == NetworkState.PENDING)
                && notLive(followUp.endpointIds(), snapshot, null).isEmpty();
        Instant liveAt = followUp.liveAt() != null ? followUp.liveAt() : live ? now : null;
        Map<String, List<Integer>> workloadsByService = new LinkedHashMap<>();
        for (int i = 0; i < followUp.workloads().size(); i++) {
            FollowUp.Workload workload = followUp.workloads().get(i);
            if (workload.serviceName() != null) {
                workloadsByService.computeIfAbsent(key(workload.clusterArn(), workload.serviceName()), k -> new ArrayList<>()).add(i);
            }
        }
        List<ServiceRecovery> recoveries = new ArrayList<>();
        List<FollowUp.ServiceTimes> times = new ArrayList<>();
        boolean stuck = false;
        boolean soon = false;
        for (Map.Entry<String, List<Integer>> service : workloadsByService.entrySet()) {
            List<FollowUp.Workload> workloads = service.getValue().stream().map(followUp.workloads()::get).toList();
            FollowUp.Workload first = workloads.get(0);
            ServiceState state = states.get(service.getKey());
            Optional<FollowUp.ServiceTimes> before = followUp.services().stream()
                    .filter(t -> key(t.clusterArn(), t.serviceName()).equals(service.getKey())).findFirst();
            boolean marked = workloads.stream().anyMatch(FollowUp.Workload::failedToStart);
            RecoveryRule.Decision decision = RecoveryRule.decide(new RecoveryRule.Facts(first.clusterArn(),
                    first.serviceName(), marked, state, optedOut(first.serviceName(), state, snapshot),
                    state != null && state.subnetIds().stream().allMatch(id -> snapshot.subnet(id).isPresent()),
                    worst(service.getValue().stream().map(checks::get).toList()),
                    notLive(followUp.endpointIds(), snapshot, workloads), followUp.appliedAt(),
                    before.map(FollowUp.ServiceTimes::deploymentId).orElse(null), settings.recoverServices(), mode));
            Carried carried = carryOut(first, decision, now);
            recoveries.add(carried.recovery());
            stuck |= decision.stuck();
            if (marked) {
                FollowUp.ServiceTimes seen = seen(first, before, carried, state, now);
                times.add(seen);
                RecoveryStatus status = carried.recovery().status();
                soon |= status == RecoveryStatus.WAITING_FOR_ENDPOINTS || seen.steadyAt() == null
                        && (status == RecoveryStatus.DEPLOYED || status == RecoveryStatus.ALREADY_REDEPLOYED);
            }
        }
        return new Result(new Recovery(recoveries, timeline(followUp, liveAt, times), stuck), liveAt, times, soon);
    }

    /** @param deployedAt when ECS created the deployment this check started; null when it started none */
    private record Carried(ServiceRecovery recovery, Instant deployedAt) {
    }

    private Carried carryOut(FollowUp.Workload service, RecoveryRule.Decision decision, Instant now) {
        if (decision.status() != RecoveryStatus.DEPLOYED) {
            return new Carried(new ServiceRecovery(service.clusterArn(), service.serviceName(), decision.status(),
                    decision.explanation(), null, decision.command()), null);
        }
        try {
            DeploymentState started = deployer.forceNewDeployment(service.clusterArn(), service.serviceName());
            return new Carried(new ServiceRecovery(service.clusterArn(), service.serviceName(), RecoveryStatus.DEPLOYED,
                    decision.explanation() + (started.id() == null ? "" : " (" + started.id() + ")"), started.id(), null),
                    started.createdAt() == null ? now : started.createdAt());
        } catch (CallFailure.Refused refused) {
            return new Carried(new ServiceRecovery(service.clusterArn(), service.serviceName(), RecoveryStatus.REFUSED,
                    refused.getMessage(), null, RecoveryCommands.forceNewDeployment(service.clusterArn(),
                    service.serviceName())), null);
        }
    }

    /**
     * The service, its VPC or a subnet it runs in is tagged to be left alone, read from the tags themselves:
     * the plan holds back only a tagged subnet that has something to fix, and this one may serve by now.
     */
    private boolean optedOut(String serviceName, ServiceState state, NetworkSnapshot snapshot) {
        return state != null && (guardRails.service(serviceName, state.tags()).isPresent()
                || ResourceTags.optsOut(snapshot.vpc().tags())
                || state.subnetIds().stream().anyMatch(id -> snapshot.subnet(id)
                        .filter(subnet -> ResourceTags.optsOut(subnet.tags())).isPresent()));
    }

    /**
     * The endpoints the fix made or changed that are not available yet, as {@code vpce-… (pending)}; with
     * {@code workloads}, only those serving one of their needs. One that is gone is the diagnosis's
     * business (a need it served is missing, or another endpoint serves it).
     */
    private static List<String> notLive(List<String> endpointIds, NetworkSnapshot snapshot, List<FollowUp.Workload> workloads) {
        List<String> waiting = new ArrayList<>();
        for (String id : endpointIds) {
            snapshot.endpoints().stream().filter(e -> e.id().equals(id) && !e.isGone() && !e.isAvailable())
                    .filter(e -> workloads == null || workloads.stream().anyMatch(w -> serves(e, w.needs(), snapshot)))
                    .findFirst().ifPresent(e -> waiting.add(id + " (" + e.state() + ")"));
        }
        return waiting;
    }

    private static boolean serves(VpcEndpoint endpoint, List<EndpointService> needs, NetworkSnapshot snapshot) {
        return needs.stream().anyMatch(need -> need.isServedBy(endpoint.serviceName(), snapshot.region()));
    }

    /** Broken (or gone) over pending over serving. */
    private static NetworkState worst(List<WorkloadCheck> checks) {
        if (checks.stream().anyMatch(c -> c.network() == NetworkState.BROKEN)
                || checks.stream().allMatch(c -> c.network() == NetworkState.GONE)) {
            return NetworkState.BROKEN;
        }
        return checks.stream().anyMatch(c -> c.network() == NetworkState.PENDING) ? NetworkState.PENDING : NetworkState.SERVES;
    }

    private static FollowUp.ServiceTimes seen(FollowUp.Workload service, Optional<FollowUp.ServiceTimes> before,
                                              Carried carried, ServiceState state, Instant now) {
        String deploymentId = before.map(FollowUp.ServiceTimes::deploymentId).orElse(null);
        Instant deployedAt = before.map(FollowUp.ServiceTimes::deployedAt).orElse(null);
        if (carried.deployedAt() != null) {
            deploymentId = carried.recovery().deploymentId();
            deployedAt = carried.deployedAt();
        }
        Instant runningAt = before.map(FollowUp.ServiceTimes::runningAt)
                .orElse(state != null && state.runningCount() > 0 ? now : null);
        Instant steadyAt = before.map(FollowUp.ServiceTimes::steadyAt)
                .orElse(state != null && state.desiredCount() > 0 && !state.belowDesiredCount() ? now : null);
        return new FollowUp.ServiceTimes(service.clusterArn(), service.serviceName(), deploymentId, deployedAt,
                runningAt, steadyAt);
    }

    private static Timeline timeline(FollowUp followUp, Instant liveAt, List<FollowUp.ServiceTimes> services) {
        return new Timeline(followUp.failedAt().toString(), followUp.appliedAt().toString(), text(liveAt),
                services.stream().map(s -> new ServiceTimeline(s.serviceName(), s.deploymentId(), text(s.deployedAt()),
                        text(s.runningAt()), text(s.steadyAt()), s.steadyAt() == null ? null
                        : Duration.between(followUp.failedAt(), s.steadyAt()).toSeconds())).toList());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String key(String clusterArn, String serviceName) {
        return clusterArn + "/" + serviceName;
    }
}
