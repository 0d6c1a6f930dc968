package ecsvpce.app;

import ecsvpce.app.SweepInventory.Inventory;
import ecsvpce.app.port.BatchEnvironments;
import ecsvpce.app.port.BatchEnvironments.FargateEnvironment;
import ecsvpce.app.port.BatchEnvironments.FargateJobDefinition;
import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.ScheduledTask;
import ecsvpce.app.port.ScheduledTasks;
import ecsvpce.app.port.TaskDefinitions;
import ecsvpce.app.port.VpcReads;
import ecsvpce.core.EndpointService;
import ecsvpce.core.cost.Consumer;
import ecsvpce.core.cost.Demand;
import ecsvpce.core.needs.NeedsAnalyzer;
import ecsvpce.core.needs.TaskDefinition;
import ecsvpce.core.needs.TaskLaunch;
import ecsvpce.report.EndpointCosts.Source;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who needs which endpoint in which VPC: the services the sweep's inventory read, the tasks that
 * EventBridge rules and Scheduler schedules run, and AWS Batch compute environments on Fargate
 * (docs/cost.md#who-needs-an-endpoint). What could not be read is kept as unknown, so that nothing
 * is idle for lack of knowledge; each source says whether it was read.
 */
final class WorkloadDemand {
    private final List<ScheduledTasks> schedulers;
    private final BatchEnvironments batch;
    private final TaskDefinitions definitions;
    private final VpcReads network;
    private final String region;

    WorkloadDemand(List<ScheduledTasks> schedulers, BatchEnvironments batch, TaskDefinitions definitions,
                   VpcReads network, String region) {
        this.schedulers = List.copyOf(schedulers);
        this.batch = batch;
        this.definitions = definitions;
        this.network = network;
        this.region = region;
    }

    record Result(Demand demand, List<Source> sources) {
    }

    Result read(Inventory inventory) {
        Demand.Builder demand = new Demand.Builder();
        List<Source> sources = new ArrayList<>();
        inventory.workloadsByVpc().forEach((vpc, workloads) -> workloads.forEach(workload -> demand.consumer(
                new Consumer(workload.id(), Consumer.Kind.SERVICE, vpc, workload.needs().services()))));
        inventory.unknownVpcs().forEach(demand::unknownInVpc);
        inventory.unknownEverywhere().forEach(demand::unknownEverywhere);
        sources.add(new Source("ECS services", inventory.unknownEverywhere().isEmpty() ? "READ" : "UNREADABLE",
                inventory.serviceByArn().size() + " Fargate service(s)" + (inventory.unknownEverywhere().isEmpty() ? ""
                        : "; " + String.join("; ", inventory.unknownEverywhere()))));

        List<ScheduledTask> tasks = new ArrayList<>();
        for (ScheduledTasks scheduler : schedulers) {
            try {
                List<ScheduledTask> found = scheduler.fargateTasks(inventory.clusterArns());
                tasks.addAll(found);
                sources.add(new Source(scheduler.source(), "READ", found.size() + " Fargate task target(s)"));
            } catch (CallFailure unread) {
                sources.add(new Source(scheduler.source(), "UNREADABLE", unread.getMessage()));
                demand.unknownEverywhere(scheduler.source() + " could not be read");
            }
        }
        List<FargateEnvironment> environments = List.of();
        List<FargateJobDefinition> jobDefinitions = List.of();
        try {
            environments = batch.fargateEnvironments();
            jobDefinitions = environments.isEmpty() ? List.of() : batch.fargateJobDefinitions();
            sources.add(new Source("AWS Batch", "READ", environments.size() + " Fargate compute environment(s), "
                    + jobDefinitions.size() + " Fargate job definition(s)"));
        } catch (CallFailure unread) {
            sources.add(new Source("AWS Batch", "UNREADABLE", unread.getMessage()));
            demand.unknownEverywhere("AWS Batch could not be read");
        }
        Map<String, String> vpcOfSubnet = vpcsOf(Stream.concat(tasks.stream().flatMap(t -> t.subnetIds().stream()),
                environments.stream().flatMap(e -> e.subnetIds().stream())).toList(), demand);
        scheduledConsumers(tasks, vpcOfSubnet, demand);
        batchConsumers(environments, jobDefinitions, vpcOfSubnet, demand);
        return new Result(demand.build(), sources);
    }

    private Map<String, String> vpcsOf(Collection<String> subnets, Demand.Builder demand) {
        if (subnets.isEmpty()) {
            return Map.of();
        }
        try {
            return network.vpcsOfSubnets(new LinkedHashSet<>(subnets));
        } catch (CallFailure unread) {
            demand.unknownEverywhere("the subnets of scheduled tasks and Batch environments could not be read");
            return Map.of();
        }
    }

    /** Each task definition read once; one that cannot be read leaves its tasks' VPCs unknown. */
    private void scheduledConsumers(List<ScheduledTask> tasks, Map<String, String> vpcOfSubnet, Demand.Builder demand) {
        Map<String, Optional<TaskDefinition>> read = new LinkedHashMap<>();
        for (ScheduledTask task : tasks) {
            Set<String> vpcs = vpcs(task.subnetIds(), vpcOfSubnet);
            Optional<TaskDefinition> definition = read.computeIfAbsent(task.taskDefinition(), this::definition);
            if (definition.isEmpty()) {
                vpcs.forEach(vpc -> demand.unknownInVpc(vpc, "the task definition " + task.taskDefinition() + " of "
                        + task.id() + " could not be read"));
                continue;
            }
            Set<EndpointService> needs = NeedsAnalyzer.analyze(definition.get(), new TaskLaunch(region,
                    task.platformVersion(), null, task.executeCommandEnabled(), null)).services();
            vpcs.forEach(vpc -> demand.consumer(new Consumer(task.id(), task.kind(), vpc, needs)));
        }
    }

    private Optional<TaskDefinition> definition(String taskDefinition) {
        try {
            return Optional.of(definitions.taskDefinition(taskDefinition));
        } catch (CallFailure unread) {
            return Optional.empty();
        }
    }

    /**
     * A job definition is not tied to a compute environment (jobs reach one through any queue), so each
     * Fargate environment needs what any Fargate job definition needs.
     */
    private void batchConsumers(List<FargateEnvironment> environments, List<FargateJobDefinition> jobDefinitions,
                                Map<String, String> vpcOfSubnet, Demand.Builder demand) {
        Set<EndpointService> needs = EnumSet.noneOf(EndpointService.class);
        jobDefinitions.forEach(job -> needs.addAll(NeedsAnalyzer.analyze(job.definition(),
                new TaskLaunch(region, job.platformVersion(), null, false, null)).services()));
        environments.forEach(environment -> vpcs(environment.subnetIds(), vpcOfSubnet).forEach(vpc ->
                demand.consumer(new Consumer(environment.id(), Consumer.Kind.BATCH_COMPUTE_ENVIRONMENT, vpc, needs))));
    }

    private static Set<String> vpcs(List<String> subnets, Map<String, String> vpcOfSubnet) {
        Set<String> vpcs = new LinkedHashSet<>();
        subnets.stream().map(vpcOfSubnet::get).filter(vpc -> vpc != null).forEach(vpcs::add);
        return vpcs;
    }
}
