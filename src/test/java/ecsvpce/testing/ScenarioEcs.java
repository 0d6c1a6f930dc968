package ecsvpce.testing;

import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The ECS side of a {@link FargateScenario}, created through ECS: a cluster, a task definition,
 * optionally a service in {@code private-a}; and its tasks, run and stopped on demand.
 */
final class ScenarioEcs {

    /**
     * What to create on ECS.
     *
     * @param serviceName a service of this name, or null for none; tasks then run in group {@code service:NAME}
     */
    record Spec(String clusterName, TaskDefinitionSpec taskDefinition, String platformVersion,
                boolean executeCommand, String serviceName) {
    }

    private final EcsClient ecs;
    private final Spec spec;
    private final String taskSecurityGroupId;
    private final String clusterArn;
    private final String taskDefinitionArn;
    private final String serviceArn;

    private ScenarioEcs(EcsClient ecs, Spec spec, String taskSecurityGroupId, String clusterArn,
                        String taskDefinitionArn, String serviceArn) {
        this.ecs = ecs;
        this.spec = spec;
        this.taskSecurityGroupId = taskSecurityGroupId;
        this.clusterArn = clusterArn;
        this.taskDefinitionArn = taskDefinitionArn;
        this.serviceArn = serviceArn;
    }

    /** Creates the cluster, the task definition and the service (if any) in {@code serviceSubnetId}. */
    static ScenarioEcs create(EcsClient ecs, Spec spec, String serviceSubnetId, String taskSecurityGroupId) {
        String clusterArn = ecs.createCluster(r -> r.clusterName(spec.clusterName())).cluster().clusterArn();
        String taskDefinitionArn = spec.taskDefinition().register(ecs);
        String serviceArn = spec.serviceName() == null ? null : ecs.createService(r -> r.cluster(clusterArn)
                        .serviceName(spec.serviceName())
                        .taskDefinition(taskDefinitionArn)
                        .desiredCount(1)
                        .launchType(LaunchType.FARGATE)
                        .platformVersion(spec.platformVersion())
                        .enableExecuteCommand(spec.executeCommand())
                        .networkConfiguration(networkConfiguration(serviceSubnetId, taskSecurityGroupId)))
                .service().serviceArn();
        return new ScenarioEcs(ecs, spec, taskSecurityGroupId, clusterArn, taskDefinitionArn, serviceArn);
    }

    /** Runs one task of the task definition in this subnet (as the service's, if there is one); its ARN. */
    String runTask(String subnetId) {
        RunTaskResponse run = ecs.runTask(r -> {
            r.cluster(clusterArn)
                    .taskDefinition(taskDefinitionArn)
                    .count(1)
                    .launchType(LaunchType.FARGATE)
                    .platformVersion(spec.platformVersion())
                    .enableExecuteCommand(spec.executeCommand())
                    .networkConfiguration(networkConfiguration(subnetId, taskSecurityGroupId));
            if (spec.serviceName() != null) {
                r.group("service:" + spec.serviceName()).startedBy(serviceStartedBy());
            }
        });
        if (run.tasks().isEmpty()) {
            throw new IllegalStateException("RunTask started nothing: " + run.failures());
        }
        return run.tasks().get(0).taskArn();
    }

    /** Stops the task with this reason; DescribeTasks' answer for it afterwards. */
    Task stop(String taskArn, String stoppedReason) {
        ecs.stopTask(r -> r.cluster(clusterArn).task(taskArn).reason(stoppedReason));
        return ecs.describeTasks(r -> r.cluster(clusterArn).tasks(taskArn)).tasks().get(0);
    }

    private static NetworkConfiguration networkConfiguration(String subnetId, String taskSecurityGroupId) {
        return NetworkConfiguration.builder().awsvpcConfiguration(a -> a
                        .subnets(subnetId)
                        .securityGroups(taskSecurityGroupId)   // moto answers HTTP 500 without them
                        .assignPublicIp(AssignPublicIp.DISABLED))
                .build();
    }

    /** What ECS puts in {@code startedBy} for a service's tasks. */
    private static String serviceStartedBy() {
        return "ecs-svc/" + String.format("%019d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000_000L));
    }

    Spec spec() {
        return spec;
    }

    String clusterArn() {
        return clusterArn;
    }

    String taskDefinitionArn() {
        return taskDefinitionArn;
    }

    String serviceArn() {
        return serviceArn;
    }
}
