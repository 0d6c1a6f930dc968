package ecsvpce.core.cost;

import java.util.Map;
import java.util.Optional;

/**
 * Bytes each interface endpoint processed over the window, from its PrivateLink metric. An endpoint
 * whose metric was read without a datapoint processed nothing (PrivateLink reports a minute only
 * when the endpoint had traffic); one whose metric could not be read has an unread reason instead.
 *
 * @param bytes  endpoint id to bytes, for every metric that was read
 * @param unread endpoint id to why its metric could not be read
 */
public record Traffic(Map<String, Long> bytes, Map<String, String> unread) {

    public Traffic {
        bytes = Map.copyOf(bytes);
        unread = Map.copyOf(unread);
    }

    public Optional<Long> bytesOf(String endpointId) {
        return Optional.ofNullable(bytes.get(endpointId));
    }

    /** Why the endpoint's metric is unknown; a metric never asked for is unknown too. */
    public String unreadReason(String endpointId) {
        return unread.getOrDefault(endpointId, "its PrivateLink metric was not read");
    }
}
