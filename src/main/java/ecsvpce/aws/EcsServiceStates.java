package ecsvpce.aws;

import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.DeploymentState;
import ecsvpce.app.port.ServiceState;
import ecsvpce.app.port.ServiceStates;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/**
 * Reads services' running and desired counts, task security groups and subnets, tags and deployments,
 * ten at a time. Read only.
 */
public final class EcsServiceStates implements ServiceStates {
    private final EcsClient ecs;

    public EcsServiceStates(EcsClient ecs) {
        this.ecs = ecs;
    }

    /** A service ECS no longer knows, or whose cluster is gone, is absent: there is nothing left to recover. */
    @Override
    public Map<String, ServiceState> states(String clusterArn, Collection<String> serviceNames) {
        Map<String, ServiceState> states = new LinkedHashMap<>();
        List<String> names = List.copyOf(serviceNames);
        try {
            for (int from = 0; from < names.size(); from += EcsFleetReader.DESCRIBE_SERVICES_BATCH) {
                List<String> batch = names.subList(from, Math.min(from + EcsFleetReader.DESCRIBE_SERVICES_BATCH, names.size()));
                AwsCall.run("ecs:DescribeServices", () -> ecs.describeServices(r -> r.cluster(clusterArn).services(batch)
                                .include(ServiceField.TAGS)))
                        .services().stream().filter(service -> "ACTIVE".equals(service.status()))
                        .forEach(service -> states.put(service.serviceName(), state(service)));
            }
        } catch (CallFailure.Refused refused) {
            if (!"ClusterNotFoundException".equals(refused.errorCode())) {
                throw refused;
            }
        }
        return states;
    }

    private static ServiceState state(Service service) {
        AwsVpcConfiguration awsvpc = service.networkConfiguration() == null ? null
                : service.networkConfiguration().awsvpcConfiguration();
        return new ServiceState(count(service.runningCount()), count(service.desiredCount()),
                awsvpc == null ? List.of() : awsvpc.securityGroups(), awsvpc == null ? List.of() : awsvpc.subnets(),
                EcsTaskReader.tags(service.tags()), service.deployments().stream().map(EcsServiceStates::deployment).toList());
    }

    static DeploymentState deployment(Deployment deployment) {
        return new DeploymentState(deployment.id(), deployment.status(), deployment.taskDefinition(),
                deployment.rolloutStateAsString(), deployment.rolloutStateReason(), count(deployment.failedTasks()),
                count(deployment.runningCount()), deployment.createdAt());
    }

    private static int count(Integer count) {
        return count == null ? 0 : count;
    }
}
