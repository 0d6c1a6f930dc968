package ecsvpce.app;

import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.FollowUp;
import ecsvpce.app.port.ServiceDeployer;
import ecsvpce.app.port.ServiceState;
import ecsvpce.app.port.ServiceStates;
import ecsvpce.app.port.VpcReads;
import ecsvpce.core.SweepEngine;
import ecsvpce.core.VpcDecision;
import ecsvpce.core.Workload;
import ecsvpce.core.WorkloadDiagnosis;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.needs.Need;
import ecsvpce.core.needs.TaskNeeds;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.TaskPlacement;
import ecsvpce.core.plan.Action;
import ecsvpce.report.Verdict;
import ecsvpce.report.VerificationReport;
import ecsvpce.report.VerificationReport.NetworkState;
import ecsvpce.report.VerificationReport.WorkloadCheck;
import ecsvpce.report.VerificationReports;
import ecsvpce.report.VerificationReports.Subject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The follow-up check after a fix: read the VPC and the affected services again, diagnose the
 * workloads as the sweep would, recover each service that failed to start for what the fix changed
 * once its endpoints are live ({@link ServiceRecoveries}: one new deployment, its only write), and
 * give a verdict ({@link VerificationReports}). A pending verdict asks for the next check, soon while
 * something moves and later while ECS's own retries are awaited, until {@link #WINDOW} after the fix;
 * a permanent AWS refusal is reported; a transient one ({@link CallFailure.StillFailing}) escapes, so
 * SQS delivers the message again.
 */
public final class FollowUpCheck {
    /**
     * Checks go on this long after the fix: long enough for the endpoints (a minute or two) and for one
     * retry of a service ECS throttles at its longest (27 minutes apart), with the start that follows.
     */
    public static final Duration WINDOW = Duration.ofMinutes(35);
    /** However short the delays, no more checks than this for one fix. */
    public static final int MAX_CHECKS = 80;
    private static final String VPC_NOT_FOUND = "InvalidVpcID.NotFound";

    private final VpcReads network;
    private final ServiceStates services;
    private final ServiceRecoveries recoveries;
    private final Settings settings;
    private final Clock clock;

    public FollowUpCheck(VpcReads network, ServiceStates services, ServiceDeployer deployer, RecoverySettings recovery,
                         Settings settings, Clock clock) {
        this.network = network;
        this.services = services;
        this.recoveries = new ServiceRecoveries(deployer, recovery, settings);
        this.settings = settings;
        this.clock = clock;
    }

    /** How soon the next check should come. */
    public enum Pace {
        /** Endpoints becoming available, a new deployment's tasks starting: within half a minute. */
        SOON(Duration.ofSeconds(30), 1),
        /** Waiting on ECS's own retries, minutes apart: five times the first delay. */
        LATER(Duration.ofSeconds(900), 5);

        private final Duration cap;
        private final int timesFirst;

        Pace(Duration cap, int timesFirst) {
            this.cap = cap;
            this.timesFirst = timesFirst;
        }

        /** @param first the delay of the first check ({@code VERIFY_DELAY_SECONDS}) */
        public Duration delay(Duration first) {
            Duration scaled = first.multipliedBy(timesFirst);
            return scaled.compareTo(cap) < 0 ? scaled : cap;
        }
    }

    /** The report and, when the verdict is pending, the next check and how soon it should come. */
    public record Checked(VerificationReport report, Optional<FollowUp> again, Pace pace) {
        public Checked(VerificationReport report, Optional<FollowUp> again) {
            this(report, again, Pace.LATER);
        }
    }

    /** A message that is not a follow-up check: nothing is read, and it is not retried. */
    public Checked rejected(String why) {
        return new Checked(VerificationReports.rejected(why), Optional.empty());
    }

    public Checked check(FollowUp followUp) {
        Subject subject = new Subject(followUp.vpcId(), followUp.trigger(), followUp.failedAt(), followUp.check(), MAX_CHECKS,
                followUp.appliedAt().plus(WINDOW));
        Instant now = clock.instant();
        NetworkSnapshot snapshot;
        Map<String, ServiceState> states;
        try {
            snapshot = network.snapshot(followUp.vpcId());
            states = serviceStates(followUp.workloads());
        } catch (CallFailure.Refused refused) {
            return new Checked(VPC_NOT_FOUND.equals(refused.errorCode()) ? VerificationReports.gone(subject, now)
                    : VerificationReports.failed(subject, now, refused.summary()), Optional.empty());
        }
        List<FollowUp.Workload> present = followUp.workloads().stream()
                .filter(w -> snapshot.subnet(w.subnetId()).isPresent()).toList();
        List<Workload> diagnosable = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            FollowUp.Workload workload = present.get(i);
            ServiceState state = states.get(key(workload.clusterArn(), workload.serviceName()));
            List<String> groups = !workload.securityGroupIds().isEmpty() || state == null
                    ? workload.securityGroupIds() : state.securityGroupIds();
            // Only what the fix made is checked again: no account (a shared VPC got no fix to follow up), and
            // no public IP, as no check of an endpoint depends on it.
            diagnosable.add(new Workload(String.valueOf(i), new TaskNeeds(workload.needs().stream()
                    .map(service -> new Need(service, List.of())).toList(), List.of(), List.of()),
                    new TaskPlacement(null, workload.subnetId(), groups)));
        }
        VpcDecision decision = SweepEngine.decide(snapshot, diagnosable, settings.plan(), Map.of());
        List<WorkloadCheck> checks = new ArrayList<>();
        for (FollowUp.Workload workload : followUp.workloads()) {
            int index = present.indexOf(workload);
            checks.add(index < 0 ? workloadCheck(workload, NetworkState.GONE, List.of(), null)
                    : diagnosed(workload, decision.diagnoses().get(index), states));
        }
        ServiceRecoveries.Result recovered = recoveries.recover(followUp, snapshot, checks, states, now);
        VerificationReport report = VerificationReports.checked(subject, now, checks,
                decision.plan().actions().stream().map(Action::describe).toList(), decision.plan().unfixed(),
                recovered.recovery());
        boolean soon = recovered.soon() || checks.stream().anyMatch(c -> c.network() == NetworkState.PENDING);
        return new Checked(report, report.verdict() == Verdict.PENDING
                ? Optional.of(followUp.next(recovered.liveAt(), recovered.next())) : Optional.empty(),
                soon ? Pace.SOON : Pace.LATER);
    }

    private static WorkloadCheck diagnosed(FollowUp.Workload workload, WorkloadDiagnosis diagnosis,
                                           Map<String, ServiceState> states) {
        NetworkState network = !diagnosis.compliant() ? NetworkState.BROKEN
                : diagnosis.diagnosis().findings().stream().anyMatch(f -> f.code() == FindingCode.ENDPOINT_PENDING)
                ? NetworkState.PENDING : NetworkState.SERVES;
        return workloadCheck(workload, network, diagnosis.diagnosis().blocking(),
                states.get(key(workload.clusterArn(), workload.serviceName())));
    }

    private static WorkloadCheck workloadCheck(FollowUp.Workload workload, NetworkState network,
                                               List<Finding> blocking, ServiceState state) {
        return new WorkloadCheck(workload.subnetId(), workload.needs(), network, blocking, workload.clusterArn(),
                workload.serviceName(), state == null ? null : state.runningCount(),
                state == null ? null : state.desiredCount());
    }

    /** Each named service's state, read once per cluster. */
    private Map<String, ServiceState> serviceStates(List<FollowUp.Workload> workloads) {
        Map<String, Set<String>> byCluster = new LinkedHashMap<>();
        workloads.stream().filter(w -> w.serviceName() != null).forEach(w ->
                byCluster.computeIfAbsent(w.clusterArn(), c -> new LinkedHashSet<>()).add(w.serviceName()));
        Map<String, ServiceState> states = new HashMap<>();
        byCluster.forEach((cluster, names) -> services.states(cluster, names)
                .forEach((name, state) -> states.put(key(cluster, name), state)));
        return states;
    }

    private static String key(String clusterArn, String serviceName) {
        return clusterArn + "/" + serviceName;
    }
}
