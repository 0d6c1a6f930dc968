package ecsvpce.aws;

import ecsvpce.app.StoppedTask;
import ecsvpce.core.needs.ContainerDefinition;
import ecsvpce.core.needs.LogConfiguration;
import ecsvpce.core.needs.SecretReference;
import ecsvpce.core.needs.TaskDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskField;
import software.amazon.awssdk.services.ecs.model.Task;

/** Reads tasks, task definitions and services from ECS. Read only. */
public final class EcsTaskReader {
    private final EcsClient ecs;

    public EcsTaskReader(EcsClient ecs) {
        this.ecs = ecs;
    }

    /**
     * The task as ECS knows it, or empty when ECS does not know it or its cluster, or rejects the
     * ids as invalid (a stale, replayed or made-up event).
     */
    public Optional<StoppedTask> describeTask(String clusterArn, String taskArn) {
        try {
            return AwsCall.run("ecs:DescribeTasks", () -> ecs.describeTasks(r -> r.cluster(clusterArn).tasks(taskArn)
                            .include(TaskField.TAGS)))
                    .tasks().stream()
                    .filter(task -> taskArn.equals(task.taskArn()))
                    .findFirst()
                    .map(EcsTaskReader::stoppedTask);
        } catch (AwsCallFailure failure) {
            if ("ClusterNotFoundException".equals(failure.errorCode())
                    || "InvalidParameterException".equals(failure.errorCode())) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    public TaskDefinition taskDefinition(String taskDefinitionArn) {
        software.amazon.awssdk.services.ecs.model.TaskDefinition definition = AwsCall.run("ecs:DescribeTaskDefinition",
                () -> ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinitionArn))).taskDefinition();
        List<ContainerDefinition> containers = definition.containerDefinitions().stream()
                .map(c -> new ContainerDefinition(
                        c.name(),
                        c.image(),
                        c.logConfiguration() == null ? null : new LogConfiguration(
                                c.logConfiguration().logDriverAsString(),
                                c.logConfiguration().options(),
                                secrets(c.logConfiguration().secretOptions())),
                        secrets(c.secrets()),
                        c.repositoryCredentials() == null ? null : c.repositoryCredentials().credentialsParameter(),
                        c.environmentFiles().stream().map(f -> f.value()).toList()))
                .toList();
        String osFamily = definition.runtimePlatform() == null ? null
                : definition.runtimePlatform().operatingSystemFamilyAsString();
        return new TaskDefinition(definition.taskDefinitionArn(), containers, osFamily);
    }

    /**
     * The security groups a service gives its tasks (those of the deployment that started the task
     * when ECS still lists it, else the service's current ones) and the service's tags; empty when
     * ECS no longer knows the service.
     */
    public Optional<ServiceNetwork> service(String clusterArn, String serviceName, String startedBy) {
        Optional<Service> service = AwsCall.run("ecs:DescribeServices",
                        () -> ecs.describeServices(r -> r.cluster(clusterArn).services(serviceName)
                                .include(ServiceField.TAGS)))
                .services().stream().findFirst();
        return service.map(s -> {
            NetworkConfiguration network = s.deployments().stream()
                    .filter(d -> startedBy != null && startedBy.equals(d.id()))
                    .map(Deployment::networkConfiguration)
                    .findFirst()
                    .orElse(s.networkConfiguration());
            AwsVpcConfiguration awsvpc = network == null ? null : network.awsvpcConfiguration();
            return new ServiceNetwork(awsvpc == null ? List.of() : awsvpc.securityGroups(), tags(s.tags()));
        });
    }

    /** A service's task security groups and the service's tags. */
    public record ServiceNetwork(List<String> securityGroupIds, Map<String, String> tags) {
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }

    private static StoppedTask stoppedTask(Task task) {
        String subnetId = null;
        String networkInterfaceId = null;
        for (var attachment : task.attachments()) {
            if ("ElasticNetworkInterface".equalsIgnoreCase(attachment.type()) || "eni".equalsIgnoreCase(attachment.type())) {
                for (KeyValuePair detail : attachment.details()) {
                    if ("subnetId".equals(detail.name())) {
                        subnetId = detail.value();
                    } else if ("networkInterfaceId".equals(detail.name())) {
                        networkInterfaceId = detail.value();
                    }
                }
            }
        }
        return new StoppedTask(task.taskArn(), task.clusterArn(), task.taskDefinitionArn(), task.lastStatus(),
                task.stopCodeAsString(), task.stoppedReason(), task.launchTypeAsString(), task.capacityProviderName(),
                task.platformVersion(), task.platformFamily(), task.availabilityZone(), task.group(), task.startedBy(),
                Boolean.TRUE.equals(task.enableExecuteCommand()), subnetId, networkInterfaceId, tags(task.tags()));
    }

    private static List<SecretReference> secrets(List<Secret> secrets) {
        return secrets.stream().map(s -> new SecretReference(s.name(), s.valueFrom())).toList();
    }
}
