package ecsvpce.core.cost;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether an interface endpoint is idle: no workload the sweep knows needs it, it is older than the
 * window, and its PrivateLink metric of bytes processed sums to zero over the window. Each "not
 * idle" says why, first reason first: needed, needs unknown, young, metric unread, traffic. Pure.
 */
public final class Idleness {
    private Idleness() {
    }

    public enum Status {
        /** A known workload needs it at start-up. */
        NEEDED,
        /** What the workloads of its VPC (or of the account) need is not fully known. */
        NEEDS_UNKNOWN,
        /** Younger than the window: its metric cannot yet say it is unused. */
        YOUNG,
        /** Its metric could not be read (denied, throttled): no judgement. */
        METRIC_UNREAD,
        /** It processed bytes in the window. */
        IN_USE,
        IDLE
    }

    /**
     * @param neededBy the consumers that need it (ids)
     * @param bytes    bytes processed over the window, null when unread
     * @param reason   one line: why it has this status
     */
    public record Verdict(Status status, List<String> neededBy, Long bytes, String reason) {
        public Verdict {
            neededBy = List.copyOf(neededBy);
        }

        public boolean idle() {
            return status == Status.IDLE;
        }
    }

    /** @param window the idle window; the metric is summed over the same window up to {@code now} */
    public static Verdict judge(InterfaceEndpoint endpoint, Demand demand, Traffic traffic, String region,
                                Instant now, Duration window) {
        List<String> neededBy = demand.neededBy(endpoint, region).stream().map(Consumer::id).toList();
        Long bytes = traffic.bytesOf(endpoint.id()).orElse(null);
        if (!neededBy.isEmpty()) {
            return new Verdict(Status.NEEDED, neededBy, bytes, "needed at start-up by " + neededBy.size() + " workload(s)");
        }
        var unknown = demand.unknownFor(endpoint);
        if (unknown.isPresent()) {
            return new Verdict(Status.NEEDS_UNKNOWN, neededBy, bytes, "not judged: " + unknown.get());
        }
        if (endpoint.createdAt() == null || endpoint.createdAt().isAfter(now.minus(window))) {
            return new Verdict(Status.YOUNG, neededBy, bytes, "created " + endpoint.createdAt()
                    + ", within the idle window of " + window.toDays() + " day(s)");
        }
        if (bytes == null) {
            return new Verdict(Status.METRIC_UNREAD, neededBy, null, "not judged: "
                    + traffic.unreadReason(endpoint.id()));
        }
        if (bytes > 0) {
            return new Verdict(Status.IN_USE, neededBy, bytes, bytes + " bytes processed in the last "
                    + window.toDays() + " day(s)");
        }
        return new Verdict(Status.IDLE, neededBy, 0L, "no known workload needs it and it processed no bytes in the last "
                + window.toDays() + " day(s)");
    }
}
