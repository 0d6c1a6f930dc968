package ecsvpce.app;

import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.FargateService;
import ecsvpce.core.SweepEngine;
import ecsvpce.core.VpcDecision;
import ecsvpce.core.Workload;
import ecsvpce.core.WorkloadDiagnosis;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.plan.Plan;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.core.plan.ResourceTags;
import ecsvpce.report.ActionReport;
import ecsvpce.report.Mode;
import ecsvpce.report.Outcomes;
import ecsvpce.report.SweepReport.ServiceEvent;
import ecsvpce.report.SweepReport.ServiceReport;
import ecsvpce.report.SweepReport.SubnetReport;
import ecsvpce.report.SweepReport.VpcReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sweep's second step, for one VPC: one snapshot shared by all its services and subnets, one
 * merged plan, applied (unless dry run), and a status per service and subnet. Any AWS failure is
 * the VPC's own: it is reported in its place and the sweep goes on.
 */
final class VpcSweep {
    /** What the resources a scheduled or manual sweep creates name as their trigger. */
    static final String TRIGGER = "scheduled-sweep";

    private final VpcConvergence convergence;
    private final PlanSettings planSettings;
    private final Clock clock;
    private final Mode mode;
    private final ServiceEvent event;

    /** @param event what asked for a sweep of one service; null for the schedule and manual sweeps */
    VpcSweep(VpcConvergence convergence, PlanSettings planSettings, Clock clock, Mode mode, ServiceEvent event) {
        this.convergence = convergence;
        this.planSettings = planSettings;
        this.clock = clock;
        this.mode = mode;
        this.event = event;
    }

    VpcReport sweep(String vpcId, List<Workload> workloads, Map<String, FargateService> serviceByArn) {
        VpcConvergence.Result<VpcDecision> result;
        // What the resources it creates name as their trigger: the schedule, or the event and its service.
        String trigger = event == null ? TRIGGER : event.name() + " " + event.service();
        Map<String, String> tags = ResourceTags.forCreation(trigger, clock.instant());
        try {
            result = convergence.converge(vpcId,
                    snapshot -> SweepEngine.decide(snapshot, workloads, planSettings, tags), VpcDecision::plan);
        } catch (CallFailure failure) {
            return VpcReport.failed(vpcId, failure.summary());
        }
        VpcDecision decision = result.decision();
        List<ActionReport> actions = result.actionReports();
        Set<Finding> unfixed = Set.copyOf(decision.plan().unfixed());
        Map<String, List<ServiceReport>> servicesBySubnet = new TreeMap<>();
        Map<String, WorkloadDiagnosis> firstBySubnet = new LinkedHashMap<>();
        for (WorkloadDiagnosis diagnosed : decision.diagnoses()) {
            FargateService service = serviceByArn.get(diagnosed.workload().id());
            String subnet = diagnosed.diagnosis().subnetId();
            firstBySubnet.putIfAbsent(subnet, diagnosed);
            servicesBySubnet.computeIfAbsent(subnet, s -> new ArrayList<>()).add(new ServiceReport(
                    service.serviceName(), service.serviceArn(), service.clusterArn(),
                    Outcomes.of(facts(diagnosed, decision.plan(), unfixed, result.failure().isPresent())),
                    List.copyOf(diagnosed.workload().needs().services()), diagnosed.diagnosis().findings(),
                    !diagnosed.diagnosis().blocking().isEmpty() && (service.belowDesiredCount() || reportedFailing(service))));
        }
        List<SubnetReport> subnets = servicesBySubnet.entrySet().stream()
                .map(e -> new SubnetReport(e.getKey(), firstBySubnet.get(e.getKey()).diagnosis().availabilityZone(),
                        firstBySubnet.get(e.getKey()).diagnosis().routeTableId(),
                        e.getValue().stream().sorted(Comparator.comparing(ServiceReport::serviceName)).toList()))
                .toList();
        List<String> notes = new ArrayList<>(result.notes());
        decision.plan().heldBack().forEach(held -> notes.add(held.explanation()));
        return new VpcReport(vpcId, decision.diagnoses().stream().allMatch(WorkloadDiagnosis::compliant), subnets,
                actions, decision.plan().unfixed(), notes, ActionReport.monthlyCost(actions),
                result.failure().map(CallFailure::summary).orElse(null));
    }

    private Outcomes.ServiceFacts facts(WorkloadDiagnosis diagnosed, Plan plan, Set<Finding> unfixed,
                                        boolean applyFailed) {
        List<Finding> blocking = diagnosed.diagnosis().blocking();
        return new Outcomes.ServiceFacts(!blocking.isEmpty(),
                plan.optedOut(diagnosed.diagnosis().vpcId(), diagnosed.diagnosis().subnetId()),
                blocking.stream().anyMatch(unfixed::contains), applyFailed, mode);
    }

    /** ECS's own word that this service cannot consistently start its tasks ({@code SERVICE_TASK_START_IMPAIRED}). */
    private boolean reportedFailing(FargateService service) {
        return event != null && event.startImpaired()
                && (event.service().equals(service.serviceArn()) || event.service().equals(service.serviceName()));
    }
}
