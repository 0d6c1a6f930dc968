package ecsvpce.aws;

import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.ServiceNetwork;
import ecsvpce.app.port.StoppedTask;
import ecsvpce.app.port.StoppedTasks;
import ecsvpce.app.port.TaskDefinitions;
import ecsvpce.core.needs.ContainerDefinition;
import ecsvpce.core.needs.LogConfiguration;
import ecsvpce.core.needs.SecretReference;
import ecsvpce.core.needs.TaskDefinition;
import ecsvpce.core.network.PublicIp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/** Reads tasks, task definitions and services from ECS. Read only. */
public final class EcsTaskReader implements StoppedTasks, TaskDefinitions {
    private final EcsClient ecs;

    public EcsTaskReader(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public Optional<StoppedTask> describeTask(String clusterArn, String taskArn) {
        try {
            return AwsCall.run("ecs:DescribeTasks", () -> ecs.describeTasks(r -> r.cluster(clusterArn).tasks(taskArn)
                            .include(TaskField.TAGS)))
                    .tasks().stream()
                    .filter(task -> taskArn.equals(task.taskArn()))
                    .findFirst()
                    .map(EcsTaskReader::stoppedTask);
        } catch (CallFailure.Refused failure) {
            if ("ClusterNotFoundException".equals(failure.errorCode())
                    || "InvalidParameterException".equals(failure.errorCode())) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    @Override
    public Optional<String> execKmsKey(String clusterArn) {
        return Optional.ofNullable(EcsClusters.execKmsKeys(ecs, List.of(clusterArn)).get(clusterArn));
    }

    @Override
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
        // What ECS says it can run the definition on; what it was registered for when ECS does not say.
        List<String> launchTypes = definition.hasCompatibilities() && !definition.compatibilities().isEmpty()
                ? definition.compatibilitiesAsStrings() : definition.requiresCompatibilitiesAsStrings();
        return new TaskDefinition(definition.taskDefinitionArn(), containers, osFamily, launchTypes);
    }

    @Override
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
            return awsvpc == null ? new ServiceNetwork(List.of(), List.of(), PublicIp.UNKNOWN, tags(s.tags()))
                    : new ServiceNetwork(awsvpc.securityGroups(), awsvpc.subnets(),
                    PublicIp.of(awsvpc.assignPublicIpAsString()), tags(s.tags()));
        });
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }

    private static StoppedTask stoppedTask(Task task) {
        StoppedTask.Builder builder = StoppedTask.builder()
                .taskArn(task.taskArn()).clusterArn(task.clusterArn()).taskDefinitionArn(task.taskDefinitionArn())
                .lastStatus(task.lastStatus()).stopCode(task.stopCodeAsString()).stoppedReason(task.stoppedReason())
                .launchType(task.launchTypeAsString()).capacityProviderName(task.capacityProviderName())
                .platformVersion(task.platformVersion()).platformFamily(task.platformFamily())
                .availabilityZone(task.availabilityZone()).group(task.group()).startedBy(task.startedBy())
                .executeCommandEnabled(Boolean.TRUE.equals(task.enableExecuteCommand())).tags(tags(task.tags()));
        for (Attachment attachment : task.attachments()) {
            Map<String, String> details = new LinkedHashMap<>();
            attachment.details().forEach(detail -> details.put(detail.name(), detail.value()));
            builder.attachment(attachment.type(), details);
        }
        return builder.build();
    }

    private static List<SecretReference> secrets(List<Secret> secrets) {
        return secrets.stream().map(s -> new SecretReference(s.name(), s.valueFrom())).toList();
    }
}
