package ecsvpce.app;

import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.FargateService;
import ecsvpce.app.port.Fleet;
import ecsvpce.app.port.ServiceLookup;
import ecsvpce.app.port.TaskDefinitions;
import ecsvpce.app.port.VpcReads;
import ecsvpce.core.Workload;
import ecsvpce.core.needs.NeedsAnalyzer;
import ecsvpce.core.needs.TaskDefinition;
import ecsvpce.core.needs.TaskLaunch;
import ecsvpce.core.network.TaskPlacement;
import ecsvpce.report.SweepReport.ServiceEvent;
import ecsvpce.report.SweepReport.Skipped;
import ecsvpce.report.SweepReport.Unreadable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The sweep's first step: which Fargate services run in which subnets of which VPCs, and what they
 * need. AWS calls grow with clusters, services/10 and distinct task definitions, never with
 * services times VPCs. Whatever cannot be read is listed and the rest goes on; only a fleet whose
 * clusters or subnets AWS refuses to list at all ends the sweep ({@link CallFailure.Refused}).
 */
final class SweepInventory {
    /** Task definitions read at once: enough to hide latency, few enough to stay under ECS's rate. */
    private static final int DEFINITION_READERS = 4;

    private final Fleet fleet;
    private final TaskDefinitions definitions;
    private final VpcReads network;
    private final GuardRails guardRails;
    private final String region;

    SweepInventory(Fleet fleet, TaskDefinitions definitions, VpcReads network, GuardRails guardRails, String region) {
        this.fleet = fleet;
        this.definitions = definitions;
        this.network = network;
        this.guardRails = guardRails;
        this.region = region;
    }

    /**
     * @param clusterArns     the clusters listed (or given)
     * @param workloadsByVpc  each service in each covered subnet, by VPC in id order
     * @param serviceByArn    the services of those workloads
     * @param unknownVpcs     VPCs where some service's needs were not read (skipped on purpose, definition
     *                        unreadable), with why: the cost side judges no endpoint there (a VPC outside
     *                        ALLOWED_VPC_IDS needs no entry: the cost side does not list its endpoints)
     * @param unknownEverywhere what kept part of the fleet from being listed at all (clusters, services, subnets)
     */
    record Inventory(List<String> clusterArns, Map<String, List<Workload>> workloadsByVpc, Map<String, FargateService> serviceByArn,
                     List<Unreadable> unreadable, List<Skipped> skipped, Map<String, String> unknownVpcs,
                     List<String> unknownEverywhere) {
        /** How many clusters were listed (or given). */
        int clusters() {
            return clusterArns.size();
        }
    }

    Inventory take(SweepScope scope) {
        List<Unreadable> unreadable = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        ServiceEvent event = scope.serviceEvent();
        List<String> clusters = event != null ? List.of(event.cluster() == null ? "default" : event.cluster())
                : scope.clusters().isEmpty() ? clusterArns(unreadable) : scope.clusters();
        int listingFailures = unreadable.size();
        List<FargateService> services = new ArrayList<>();
        List<FargateService> skippedServices = new ArrayList<>();
        if (event != null) {
            oneService(event, unreadable, skipped).ifPresent(service -> admit(service, services, skipped, skippedServices));
        }
        for (String cluster : event != null ? List.<String>of() : clusters) {
            try {
                fleet.fargateServices(cluster).forEach(service -> admit(service, services, skipped, skippedServices));
            } catch (CallFailure unread) {
                unreadable.add(new Unreadable(cluster, "every service of the cluster", unread.getMessage()));
                listingFailures++;
            }
        }
        List<String> unknownEverywhere = new ArrayList<>();
        if (listingFailures > 0) {
            unknownEverywhere.add(listingFailures + " cluster listing(s) could not be read");
        }
        List<FargateService> located = new ArrayList<>(services);
        located.addAll(skippedServices);
        Optional<Map<String, String>> subnetVpcs = vpcsOfSubnets(located, unreadable);
        if (subnetVpcs.isEmpty()) {
            unknownEverywhere.add("the subnets of the services could not be read");
            return new Inventory(clusters, Map.of(), Map.of(), unreadable, skipped, Map.of(), unknownEverywhere);
        }
        Map<String, String> vpcOfSubnet = subnetVpcs.get();
        Map<String, String> unknownVpcs = new TreeMap<>();
        skippedServices.forEach(service -> service.subnetIds().stream().map(vpcOfSubnet::get).filter(Objects::nonNull)
                .forEach(vpc -> unknownVpcs.putIfAbsent(vpc, "service " + service.serviceName()
                        + " is left alone on purpose, its needs were not read")));
        // Which subnets of which service the sweep covers, before any task definition is read.
        Map<FargateService, List<String>> coveredSubnets = new LinkedHashMap<>();
        Set<String> leftAlone = new TreeSet<>();
        for (FargateService service : services) {
            for (String subnet : service.subnetIds()) {
                String vpc = vpcOfSubnet.get(subnet);
                if (vpc == null) {
                    unreadable.add(new Unreadable(subnet, service.serviceName(), "subnet no longer exists"));
                } else if (guardRails.vpc(vpc).isPresent()) {
                    leftAlone.add(vpc);
                } else if (scope.vpcIds().isEmpty() || scope.vpcIds().contains(vpc)) {
                    coveredSubnets.computeIfAbsent(service, s -> new ArrayList<>()).add(subnet);
                }
            }
        }
        leftAlone.forEach(vpc -> skipped.add(new Skipped(vpc, guardRails.vpc(vpc).orElseThrow())));
        Map<String, List<Workload>> workloadsByVpc = new TreeMap<>();
        Map<String, FargateService> serviceByArn = new LinkedHashMap<>();
        Map<FargateService, TaskDefinition> definitionOf = taskDefinitions(coveredSubnets.keySet(), unreadable);
        Map<String, String> execKeys = execKmsKeys(coveredSubnets.keySet(), unreadable);
        coveredSubnets.forEach((service, subnets) -> {
            TaskDefinition definition = definitionOf.get(service);
            if (definition == null) {
                subnets.forEach(subnet -> unknownVpcs.putIfAbsent(vpcOfSubnet.get(subnet), "the task definition of service "
                        + service.serviceName() + " could not be read"));
            } else {
                serviceByArn.put(service.serviceArn(), service);
                var needs = NeedsAnalyzer.analyze(definition, new TaskLaunch(region, service.platformVersion(),
                        service.platformFamily(), service.executeCommandEnabled(), execKeys.get(service.clusterArn())));
                subnets.forEach(subnet -> workloadsByVpc.computeIfAbsent(vpcOfSubnet.get(subnet), v -> new ArrayList<>())
                        .add(new Workload(service.serviceArn(), needs,
                                new TaskPlacement(service.accountId(), subnet, service.securityGroupIds(),
                                        service.publicIp(), service.owner()))));
            }
        });
        return new Inventory(clusters, workloadsByVpc, serviceByArn, unreadable, skipped, unknownVpcs,
                unknownEverywhere);
    }

    /**
     * The service an event is about, read on its own. One gone since, or not on Fargate, is listed as
     * left alone (there is nothing to check, nobody is told); one that could not be read, as unreadable.
     */
    private Optional<FargateService> oneService(ServiceEvent event, List<Unreadable> unreadable, List<Skipped> skipped) {
        ServiceLookup found;
        try {
            found = fleet.service(event.cluster(), event.service());
        } catch (CallFailure unread) {
            unreadable.add(new Unreadable(event.service(), "the service " + event.name() + " is about", unread.getMessage()));
            return Optional.empty();
        }
        if (found instanceof ServiceLookup.NotCheckable notCheckable) {
            skipped.add(new Skipped(event.service(), notCheckable.reason() + ": nothing to check"));
            return Optional.empty();
        }
        return Optional.of(((ServiceLookup.Found) found).service());
    }

    /**
     * A service the sweep checks, unless its team tagged it to be left alone (then its subnets are still
     * located: its VPC's needs are partly unknown, so nothing there is judged idle).
     */
    private void admit(FargateService service, List<FargateService> services, List<Skipped> skipped,
                       List<FargateService> skippedServices) {
        guardRails.service(service.serviceName(), service.tags()).ifPresentOrElse(reason -> {
            skipped.add(new Skipped(service.serviceArn(), reason));
            skippedServices.add(service);
        }, () -> services.add(service));
    }

    /** Every cluster, or none when listing them still fails after the SDK's retries. */
    private List<String> clusterArns(List<Unreadable> unreadable) {
        try {
            return fleet.clusterArns();
        } catch (CallFailure.StillFailing unread) {
            unreadable.add(new Unreadable("clusters", "every service", unread.getMessage()));
            return List.of();
        }
    }

    /** The VPC of each subnet the services use; empty when reading them still fails after the SDK's retries. */
    private Optional<Map<String, String>> vpcsOfSubnets(List<FargateService> services, List<Unreadable> unreadable) {
        Set<String> subnets = services.stream().flatMap(s -> s.subnetIds().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        try {
            return Optional.of(network.vpcsOfSubnets(subnets));
        } catch (CallFailure.StillFailing unread) {
            unreadable.add(new Unreadable(subnets.size() + " subnet(s)", services.size() + " service(s)",
                    unread.getMessage()));
            return Optional.empty();
        }
    }

    /** The Exec keys of the clusters whose services use ECS Exec, in one read; none when it cannot be read. */
    private Map<String, String> execKmsKeys(Set<FargateService> services, List<Unreadable> unreadable) {
        Set<String> clusters = services.stream().filter(FargateService::executeCommandEnabled)
                .map(FargateService::clusterArn).collect(Collectors.toCollection(TreeSet::new));
        if (clusters.isEmpty()) {
            return Map.of();
        }
        try {
            return fleet.execKmsKeys(clusters);
        } catch (CallFailure unread) {
            unreadable.add(new Unreadable(String.join(", ", clusters), "ECS Exec key of their services",
                    unread.getMessage()));
            return Map.of();
        }
    }

    /** Reads each distinct task definition once, a few at a time. */
    private Map<FargateService, TaskDefinition> taskDefinitions(Set<FargateService> services,
                                                                List<Unreadable> unreadable) {
        Map<String, List<FargateService>> byArn = services.stream().collect(
                Collectors.groupingBy(FargateService::taskDefinitionArn, LinkedHashMap::new, Collectors.toList()));
        ExecutorService pool = Executors.newFixedThreadPool(DEFINITION_READERS);
        try {
            Map<String, CompletableFuture<TaskDefinition>> reads = new LinkedHashMap<>();
            byArn.keySet().forEach(arn -> reads.put(arn,
                    CompletableFuture.supplyAsync(() -> definitions.taskDefinition(arn), pool)));
            Map<FargateService, TaskDefinition> definitionOf = new LinkedHashMap<>();
            reads.forEach((arn, read) -> {
                List<FargateService> users = byArn.get(arn);
                try {
                    TaskDefinition definition = read.join();
                    users.forEach(service -> definitionOf.put(service, definition));
                } catch (CompletionException e) {
                    if (!(e.getCause() instanceof CallFailure unread)) {
                        throw e.getCause() instanceof RuntimeException r ? r : e;
                    }
                    unreadable.add(new Unreadable(arn,
                            users.stream().map(FargateService::serviceName).collect(Collectors.joining(", ")),
                            unread.getMessage()));
                }
            });
            return definitionOf;
        } finally {
            pool.shutdownNow();
        }
    }
}
