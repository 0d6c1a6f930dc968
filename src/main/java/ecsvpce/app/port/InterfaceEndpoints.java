package ecsvpce.app.port;

import ecsvpce.core.cost.InterfaceEndpoint;
import ecsvpce.core.cost.Traffic;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The account's interface endpoints, what they processed, and the few changes the idle rules make. */
public interface InterfaceEndpoints {

    /**
     * Every interface endpoint that is not deleted, with its zones.
     *
     * @param onlyVpcIds when not empty, the only VPCs read
     * @throws CallFailure when they cannot be listed
     */
    List<InterfaceEndpoint> list(Set<String> onlyVpcIds);

    /** Bytes each endpoint processed between the two instants; a metric that cannot be read is listed as unread. */
    Traffic bytesProcessed(List<InterfaceEndpoint> endpoints, Instant from, Instant to);

    /** Puts our idle mark on an endpoint of ours. @throws CallFailure */
    void mark(String endpointId, String value);

    /** Takes our idle mark off an endpoint of ours. @throws CallFailure */
    void unmark(String endpointId);

    /** Deletes an endpoint of ours. @throws CallFailure when AWS refuses or fails */
    void delete(String endpointId);
}
