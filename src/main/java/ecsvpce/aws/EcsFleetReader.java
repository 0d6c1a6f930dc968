package ecsvpce.aws;

import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.Fargate;
import ecsvpce.app.port.FargateService;
import ecsvpce.app.port.Fleet;
import ecsvpce.app.port.ServiceLookup;
import ecsvpce.core.network.PublicIp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/** Lists clusters and their Fargate services in as few calls as ECS allows. Read only. */
public final class EcsFleetReader implements Fleet {
    /** {@code DescribeServices} takes at most ten services per call. */
    static final int DESCRIBE_SERVICES_BATCH = 10;
    /** ListServices answers 10 a page unless asked for more; 100 is its maximum. */
    static final int LIST_SERVICES_PAGE = 100;
    /** How ECS refuses a service or cluster it does not know, or a name that is no name. */
    private static final Set<String> UNKNOWN_TO_ECS = Set.of("ClusterNotFoundException", "InvalidParameterException");

    private final EcsClient ecs;

    public EcsFleetReader(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public List<String> clusterArns() {
        return AwsCall.run("ecs:ListClusters", () -> ecs.listClustersPaginator(r -> { }).clusterArns().stream().toList());
    }

    @Override
    public List<FargateService> fargateServices(String cluster) {
        List<String> serviceArns = AwsCall.run("ecs:ListServices",
                () -> ecs.listServicesPaginator(r -> r.cluster(cluster).maxResults(LIST_SERVICES_PAGE))
                        .serviceArns().stream().toList());
        List<FargateService> services = new ArrayList<>();
        for (int from = 0; from < serviceArns.size(); from += DESCRIBE_SERVICES_BATCH) {
            List<String> batch = serviceArns.subList(from, Math.min(from + DESCRIBE_SERVICES_BATCH, serviceArns.size()));
            AwsCall.run("ecs:DescribeServices", () -> ecs.describeServices(r -> r.cluster(cluster).services(batch)
                            .include(ServiceField.TAGS)))
                    .services().stream()
                    .filter(s -> "ACTIVE".equals(s.status()) && isFargate(s) && awsvpc(s) != null)
                    .map(EcsFleetReader::fargateService)
                    .forEach(services::add);
        }
        return services;
    }

    @Override
    public ServiceLookup service(String cluster, String service) {
        String where = cluster == null ? "the default cluster" : "cluster " + cluster;
        Optional<Service> described;
        try {
            described = AwsCall.run("ecs:DescribeServices", () -> ecs.describeServices(r -> r.cluster(cluster)
                    .services(service).include(ServiceField.TAGS))).services().stream().findFirst();
        } catch (CallFailure.Refused refused) {
            if (UNKNOWN_TO_ECS.contains(refused.errorCode())) {
                return new ServiceLookup.NotCheckable("ECS does not know service " + service + " in " + where + ": "
                        + refused.getMessage());
            }
            throw refused;
        }
        if (described.isEmpty()) {
            return new ServiceLookup.NotCheckable("service " + service + " does not exist in " + where);
        }
        Service found = described.get();
        if (!"ACTIVE".equals(found.status())) {
            return new ServiceLookup.NotCheckable("service " + found.serviceName() + " is " + found.status()
                    + ", not ACTIVE");
        }
        if (!isFargate(found)) {
            return new ServiceLookup.NotCheckable("service " + found.serviceName() + " does not run on Fargate ("
                    + (found.launchType() != null ? "launch type " + found.launchTypeAsString() : "capacity providers "
                    + found.capacityProviderStrategy().stream().map(CapacityProviderStrategyItem::capacityProvider).toList())
                    + ")");
        }
        if (awsvpc(found) == null) {
            return new ServiceLookup.NotCheckable("service " + found.serviceName() + " has no awsvpc network configuration");
        }
        return new ServiceLookup.Found(fargateService(found));
    }

    @Override
    public Map<String, String> execKmsKeys(Collection<String> clusterArns) {
        return EcsClusters.execKmsKeys(ecs, clusterArns);
    }

    private static FargateService fargateService(Service s) {
        return new FargateService(s.clusterArn(), s.serviceArn(), s.serviceName(), s.taskDefinition(),
                s.platformVersion(), s.platformFamily(), awsvpc(s).subnets(), awsvpc(s).securityGroups(),
                PublicIp.of(awsvpc(s).assignPublicIpAsString()), Boolean.TRUE.equals(s.enableExecuteCommand()), EcsTaskReader.tags(s.tags()),
                count(s.runningCount()), count(s.desiredCount()));
    }

    private static int count(Integer count) {
        return count == null ? 0 : count;
    }

    private static boolean isFargate(Service service) {
        return Fargate.runsOn(service.launchTypeAsString(), service.capacityProviderStrategy().stream()
                .map(CapacityProviderStrategyItem::capacityProvider).toList());
    }

    private static AwsVpcConfiguration awsvpc(Service service) {
        return service.networkConfiguration() == null ? null : service.networkConfiguration().awsvpcConfiguration();
    }
}
