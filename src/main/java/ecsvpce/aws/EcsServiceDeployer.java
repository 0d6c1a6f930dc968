package ecsvpce.aws;

import ecsvpce.app.port.DeploymentState;
import ecsvpce.app.port.ServiceDeployer;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Starts a new deployment of a service with nothing changed: {@code UpdateService} with only
 * {@code forceNewDeployment}, so ECS starts the task definition, network and count it already has.
 */
public final class EcsServiceDeployer implements ServiceDeployer {
    private final EcsClient ecs;

    public EcsServiceDeployer(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public DeploymentState forceNewDeployment(String clusterArn, String serviceName) {
        Service service = AwsCall.run("ecs:UpdateService", () -> ecs.updateService(r -> r.cluster(clusterArn)
                .service(serviceName).forceNewDeployment(true))).service();
        return service.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst()
                .map(EcsServiceStates::deployment)
                // Accepted, but not described: the next check reads the deployment from the service.
                .orElse(new DeploymentState(null, "PRIMARY", service.taskDefinition(), null, null, 0, 0, null));
    }
}
