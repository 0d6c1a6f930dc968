package ecsvpce.app.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The clusters and Fargate services the sweep checks. Read only. */
public interface Fleet {

    List<String> clusterArns();

    /** The cluster's active services that run on Fargate in awsvpc mode; the others are left out. */
    List<FargateService> fargateServices(String clusterArn);

    /**
     * One service, named or by ARN, in a cluster (null: the account's {@code default} cluster), read
     * on its own: what a check of one service or a sweep scoped to it reads instead of the whole cluster.
     */
    ServiceLookup service(String clusterArn, String service);

    /** The customer KMS key each cluster's ECS Exec sessions use; clusters that use none are absent. */
    Map<String, String> execKmsKeys(Collection<String> clusterArns);
}
