package ecsvpce.app.port;

import java.util.Collection;
import java.util.Map;

/** What the follow-up check reads about services. Read only. */
public interface ServiceStates {

    /** The state of each named service of the cluster that ECS still runs; deleted ones are absent. */
    Map<String, ServiceState> states(String clusterArn, Collection<String> serviceNames);
}
