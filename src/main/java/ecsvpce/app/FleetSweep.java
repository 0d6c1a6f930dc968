package ecsvpce.app;

import ecsvpce.app.SweepReport.ServiceReport;
import ecsvpce.app.SweepReport.Skipped;
import ecsvpce.app.SweepReport.SubnetReport;
import ecsvpce.app.SweepReport.Totals;
import ecsvpce.app.SweepReport.Unreadable;
import ecsvpce.app.SweepReport.VpcReport;
import ecsvpce.aws.AwsCallFailure;
import ecsvpce.aws.Ec2NetworkReader;
import ecsvpce.aws.Ec2NetworkWriter;
import ecsvpce.aws.EcsFleetReader;
import ecsvpce.aws.EcsTaskReader;
import ecsvpce.core.SweepEngine;
import ecsvpce.core.VpcDecision;
import ecsvpce.core.Workload;
import ecsvpce.core.WorkloadDiagnosis;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.needs.NeedsAnalyzer;
import ecsvpce.core.needs.TaskDefinition;
import ecsvpce.core.needs.TaskLaunch;
import ecsvpce.core.needs.TaskNeeds;
import ecsvpce.core.network.TaskPlacement;
import ecsvpce.core.plan.Plan;
import ecsvpce.core.plan.ResourceTags;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The compliance sweep: every Fargate service of every cluster (or the scope given), grouped by
 * VPC; one network snapshot per VPC shared by all its services and subnets; one merged plan per VPC.
 * AWS calls grow with clusters, services/10, distinct task definitions and VPCs, never with
 * services times VPCs. A part that cannot be read is reported and the sweep goes on.
 */
public final class FleetSweep {
    static final String TRIGGER = "scheduled-sweep";
    /** Task definitions read at once: enough to hide latency, few enough to stay under ECS's rate. */
    private static final int DEFINITION_READERS = 4;

    private final EcsFleetReader fleet;
    private final EcsTaskReader tasks;
    private final Ec2NetworkReader network;
    private final Ec2NetworkWriter writer;
    private final Settings settings;
    private final String region;
    private final Clock clock;

    public FleetSweep(EcsFleetReader fleet, EcsTaskReader tasks, Ec2NetworkReader network, Ec2NetworkWriter writer,
                      Settings settings, String region, Clock clock) {
        this.fleet = fleet;
        this.tasks = tasks;
        this.network = network;
        this.writer = writer;
        this.settings = settings;
        this.region = region;
        this.clock = clock;
    }

    /**
     * @param outOfTime true when the invocation must stop starting new VPCs to finish in time
     */
    public SweepReport sweep(SweepScope scope, BooleanSupplier outOfTime) {
        Mode mode = scope.dryRun() ? Mode.DRY_RUN : settings.mode();
        try {
            return sweep(scope, outOfTime, mode);
        } catch (AwsCallFailure failure) {
            return SweepReport.failed(mode, ErrorSummary.of(failure));
        }
    }

    private SweepReport sweep(SweepScope scope, BooleanSupplier outOfTime, Mode mode) {
        List<Unreadable> unreadable = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<String> clusters = scope.clusters().isEmpty() ? fleet.clusterArns() : scope.clusters();

        List<FargateService> services = new ArrayList<>();
        for (String cluster : clusters) {
            try {
                for (FargateService service : fleet.fargateServices(cluster)) {
                    if (ResourceTags.optsOut(service.tags())) {
                        skipped.add(new Skipped(service.serviceArn(), "tagged " + ResourceTags.SKIP));
                    } else {
                        services.add(service);
                    }
                }
            } catch (AwsCallFailure failure) {
                unreadable.add(new Unreadable(cluster, "every service of the cluster", failure.getMessage()));
            } catch (SdkException transientFault) {
                // Still failing after the SDK's retries (throttling, 5xx): report it; the next sweep reads it again.
                unreadable.add(new Unreadable(cluster, "every service of the cluster",
                        stillFailing("ecs:ListServices or ecs:DescribeServices", transientFault)));
            }
        }
        Map<String, String> vpcOfSubnet = network.vpcsOfSubnets(services.stream()
                .flatMap(s -> s.subnetIds().stream()).collect(Collectors.toCollection(LinkedHashSet::new)));
        // Which subnets of which service the sweep covers, before any task definition is read.
        Map<FargateService, List<String>> coveredSubnets = new LinkedHashMap<>();
        Set<String> notAllowed = new TreeSet<>();
        for (FargateService service : services) {
            for (String subnet : service.subnetIds()) {
                String vpc = vpcOfSubnet.get(subnet);
                if (vpc == null) {
                    unreadable.add(new Unreadable(subnet, service.serviceName(), "subnet no longer exists"));
                } else if (!settings.allows(vpc)) {
                    notAllowed.add(vpc);
                } else if (scope.vpcIds().isEmpty() || scope.vpcIds().contains(vpc)) {
                    coveredSubnets.computeIfAbsent(service, s -> new ArrayList<>()).add(subnet);
                }
            }
        }
        Map<String, TaskNeeds> needsByService = needs(List.copyOf(coveredSubnets.keySet()), unreadable);

        Map<String, List<Workload>> workloadsByVpc = new TreeMap<>();
        Map<String, FargateService> serviceByArn = new HashMap<>();
        coveredSubnets.forEach((service, subnets) -> {
            TaskNeeds needs = needsByService.get(service.serviceArn());
            if (needs != null) {
                serviceByArn.put(service.serviceArn(), service);
                subnets.forEach(subnet -> workloadsByVpc.computeIfAbsent(vpcOfSubnet.get(subnet), v -> new ArrayList<>())
                        .add(new Workload(service.serviceArn(), needs,
                                new TaskPlacement(subnet, service.securityGroupIds()))));
            }
        });

        VpcConvergence convergence = new VpcConvergence(network, writer, mode);
        List<VpcReport> vpcs = new ArrayList<>();
        List<String> notReached = new ArrayList<>();
        for (Map.Entry<String, List<Workload>> entry : workloadsByVpc.entrySet()) {
            if (outOfTime.getAsBoolean()) {
                notReached.add(entry.getKey());
                continue;
            }
            vpcs.add(sweepVpc(entry.getKey(), entry.getValue(), serviceByArn, convergence, mode));
        }
        notAllowed.forEach(vpc -> skipped.add(new Skipped(vpc, "not in " + Settings.ALLOWED_VPC_IDS)));
        return report(mode, clusters.size(), vpcs, unreadable, skipped, notReached);
    }

    /** Reads each distinct task definition once, a few at a time. */
    private Map<String, TaskNeeds> needs(List<FargateService> services, List<Unreadable> unreadable) {
        Map<String, List<FargateService>> byDefinition = services.stream()
                .collect(Collectors.groupingBy(FargateService::taskDefinitionArn, LinkedHashMap::new, Collectors.toList()));
        Map<String, Future<TaskDefinition>> reads = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(DEFINITION_READERS);
        try {
            byDefinition.keySet().forEach(arn -> reads.put(arn, pool.submit(() -> tasks.taskDefinition(arn))));
            Map<String, TaskNeeds> needs = new HashMap<>();
            for (Map.Entry<String, Future<TaskDefinition>> read : reads.entrySet()) {
                List<FargateService> users = byDefinition.get(read.getKey());
                try {
                    TaskDefinition definition = read.getValue().get();
                    for (FargateService service : users) {
                        needs.put(service.serviceArn(), NeedsAnalyzer.analyze(definition, new TaskLaunch(region,
                                service.platformVersion(), service.platformFamily(), service.executeCommandEnabled())));
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    String reason;
                    if (e.getCause() instanceof AwsCallFailure failure) {
                        reason = failure.getMessage();
                    } else if (e.getCause() instanceof SdkException transientFault) {
                        reason = stillFailing("ecs:DescribeTaskDefinition", transientFault);
                    } else {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                    unreadable.add(new Unreadable(read.getKey(),
                            users.stream().map(FargateService::serviceName).collect(Collectors.joining(", ")),
                            reason));
                }
            }
            return needs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading task definitions", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String stillFailing(String iamAction, SdkException fault) {
        return iamAction + " still failing after the SDK's retries (TRANSIENT): " + fault.getMessage();
    }

    private VpcReport sweepVpc(String vpcId, List<Workload> workloads, Map<String, FargateService> serviceByArn,
                               VpcConvergence convergence, Mode mode) {
        VpcConvergence.Result<VpcDecision> result;
        try {
            var tags = ResourceTags.forCreation(TRIGGER, clock.instant());
            result = convergence.converge(vpcId,
                    snapshot -> SweepEngine.decide(snapshot, workloads, settings.plan(), tags), VpcDecision::plan);
        } catch (AwsCallFailure failure) {
            return new VpcReport(vpcId, false, List.of(), List.of(), List.of(), List.of(), BigDecimal.ZERO,
                    ErrorSummary.of(failure));
        } catch (SdkException transientFault) {
            // Still failing after the SDK's retries: report it; the next sweep tries again.
            return new VpcReport(vpcId, false, List.of(), List.of(), List.of(), List.of(), BigDecimal.ZERO,
                    new ErrorSummary("TRANSIENT", null, null, String.valueOf(transientFault.getMessage())));
        }
        VpcDecision decision = result.decision();
        List<ActionReport> actions = ActionReport.of(result, mode);
        Set<Finding> unfixed = new LinkedHashSet<>(decision.plan().unfixed());
        Map<String, List<ServiceReport>> servicesBySubnet = new TreeMap<>();
        Map<String, WorkloadDiagnosis> firstBySubnet = new HashMap<>();
        for (WorkloadDiagnosis diagnosed : decision.diagnoses()) {
            FargateService service = serviceByArn.get(diagnosed.workload().id());
            String subnet = diagnosed.diagnosis().subnetId();
            firstBySubnet.putIfAbsent(subnet, diagnosed);
            servicesBySubnet.computeIfAbsent(subnet, s -> new ArrayList<>()).add(new ServiceReport(
                    service.serviceName(), service.serviceArn(), service.clusterArn(),
                    status(diagnosed, decision.plan(), unfixed, result.failure().isPresent(), mode),
                    List.copyOf(diagnosed.workload().needs().services()), diagnosed.diagnosis().findings()));
        }
        List<SubnetReport> subnets = servicesBySubnet.entrySet().stream()
                .map(e -> new SubnetReport(e.getKey(), firstBySubnet.get(e.getKey()).diagnosis().availabilityZone(),
                        firstBySubnet.get(e.getKey()).diagnosis().routeTableId(),
                        e.getValue().stream().sorted(Comparator.comparing(ServiceReport::serviceName)).toList()))
                .toList();
        List<String> notes = new ArrayList<>(result.notes());
        decision.plan().heldBack().forEach(held -> notes.add(held.explanation()));
        return new VpcReport(vpcId, decision.diagnoses().stream().allMatch(WorkloadDiagnosis::compliant), subnets,
                actions, List.copyOf(unfixed), notes, ActionReport.monthlyCost(actions),
                result.failure().map(ErrorSummary::of).orElse(null));
    }

    private static String status(WorkloadDiagnosis diagnosed, Plan plan, Set<Finding> unfixed, boolean applyFailed,
                                 Mode mode) {
        if (diagnosed.compliant()) {
            return "COMPLIANT";
        }
        if (plan.optedOut(diagnosed.diagnosis().vpcId(), diagnosed.diagnosis().subnetId())) {
            return Outcome.SKIPPED.name();
        }
        if (diagnosed.diagnosis().blocking().stream().anyMatch(unfixed::contains)) {
            return Outcome.NOT_FIXABLE_BY_ENDPOINTS.name();
        }
        if (applyFailed) {
            return Outcome.FAILED.name();
        }
        return mode == Mode.DRY_RUN ? Outcome.PLANNED.name() : "FIXED";
    }

    private static SweepReport report(Mode mode, int clusters, List<VpcReport> vpcs, List<Unreadable> unreadable,
                                      List<Skipped> skipped, List<String> notReached) {
        // A service spans subnets of one VPC: it counts once, by its worst subnet.
        Map<String, Set<String>> statusesByService = new HashMap<>();
        vpcs.forEach(vpc -> vpc.subnets().forEach(subnet -> subnet.services().forEach(service ->
                statusesByService.computeIfAbsent(service.serviceArn(), s -> new LinkedHashSet<>()).add(service.status()))));
        int nonCompliant = 0;
        int fixed = 0;
        int notFixable = 0;
        for (Set<String> statuses : statusesByService.values()) {
            if (statuses.equals(Set.of("COMPLIANT"))) {
                continue;
            }
            nonCompliant++;
            if (statuses.contains(Outcome.NOT_FIXABLE_BY_ENDPOINTS.name())) {
                notFixable++;
            } else if (statuses.stream().allMatch(s -> s.equals("COMPLIANT") || s.equals("FIXED"))) {
                fixed++;
            }
        }
        BigDecimal cost = vpcs.stream().map(VpcReport::monthlyCostUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        Totals totals = new Totals(clusters, vpcs.size(), statusesByService.size(), nonCompliant, fixed, notFixable,
                unreadable.size(), cost);
        String summary = "checked " + totals.servicesChecked() + " service(s) in " + totals.vpcs() + " VPC(s): "
                + nonCompliant + " non-compliant, " + (mode == Mode.DRY_RUN ? "dry run, nothing changed"
                : fixed + " fixed") + ", " + notFixable + " not fixable by endpoints"
                + (unreadable.isEmpty() ? "" : ", " + unreadable.size() + " unreadable")
                + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped on purpose")
                + (notReached.isEmpty() ? "" : ", " + notReached.size() + " VPC(s) not reached in time")
                + (cost.signum() == 0 ? "" : (mode == Mode.DRY_RUN ? ", would add " : ", adds ")
                + cost.setScale(2) + " USD/month");
        return new SweepReport(mode, summary, totals, vpcs, unreadable, skipped, notReached, null, null);
    }
}
