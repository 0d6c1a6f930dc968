package ecsvpce.app.port;

/**
 * The one change the product makes to an ECS service: a new deployment of what it already runs
 * ({@code UpdateService} with {@code forceNewDeployment}, nothing else), which takes it out of ECS's
 * back-off after failed starts. Used only by the follow-up check's recovery.
 */
public interface ServiceDeployer {

    /**
     * @return the deployment ECS started (the service's new primary)
     * @throws CallFailure when ECS refuses (the service or cluster is gone, draining, access denied) or
     *                     keeps failing (throttled)
     */
    DeploymentState forceNewDeployment(String clusterArn, String serviceName);
}
