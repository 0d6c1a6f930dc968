package ecsvpce.app.port;

import java.util.List;

/** The clusters and Fargate services the sweep checks. Read only. */
public interface Fleet {

    List<String> clusterArns();

    /** The cluster's active services that run on Fargate in awsvpc mode; the others are left out. */
    List<FargateService> fargateServices(String clusterArn);
}
