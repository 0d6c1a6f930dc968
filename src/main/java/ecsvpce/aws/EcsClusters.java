package ecsvpce.aws;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;

/** The ECS Exec keys of clusters, in as few calls as ECS allows. Read only. */
final class EcsClusters {
    /** {@code DescribeClusters} takes at most 100 clusters per call. */
    static final int DESCRIBE_CLUSTERS_BATCH = 100;

    private EcsClusters() {
    }

    /** Only with {@code include=CONFIGURATIONS} does ECS return a cluster's Exec configuration. */
    static Map<String, String> execKmsKeys(EcsClient ecs, Collection<String> clusterArns) {
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> arns = List.copyOf(clusterArns);
        for (int from = 0; from < arns.size(); from += DESCRIBE_CLUSTERS_BATCH) {
            List<String> batch = arns.subList(from, Math.min(from + DESCRIBE_CLUSTERS_BATCH, arns.size()));
            for (Cluster cluster : AwsCall.run("ecs:DescribeClusters", () -> ecs.describeClusters(r -> r
                    .clusters(batch).include(ClusterField.CONFIGURATIONS))).clusters()) {
                String key = cluster.configuration() == null
                        || cluster.configuration().executeCommandConfiguration() == null ? null
                        : cluster.configuration().executeCommandConfiguration().kmsKeyId();
                if (key != null && !key.isBlank()) {
                    keys.put(cluster.clusterArn(), key);
                }
            }
        }
        return keys;
    }
}
