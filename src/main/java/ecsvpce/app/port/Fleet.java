package ecsvpce.app.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The clusters and Fargate services the sweep checks. Read only. */
public interface Fleet {

    List<String> clusterArns();

    /** The cluster's active services that run on Fargate in awsvpc mode; the others are left out. */
    List<FargateService> fargateServices(String clusterArn);

    /** The customer KMS key each cluster's ECS Exec sessions use; clusters that use none are absent. */
    Map<String, String> execKmsKeys(Collection<String> clusterArns);
}
