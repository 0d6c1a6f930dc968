package ecsvpce.app;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What this container told people lately, so a storm of events about one broken VPC becomes one
 * message. Only a memory: a new container (after idle time, or a second one running at once when
 * concurrency is not reserved) starts empty and tells again.
 */
final class RecentNotices {
    /** How long the same notice stays told: about as long as ECS keeps a stopped task and Lambda an event. */
    static final Duration WINDOW = Duration.ofHours(1);
    /** Notices remembered at most; the oldest is forgotten first. */
    static final int CAPACITY = 500;

    private final Map<String, Instant> sentAt = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > CAPACITY;
        }
    };

    /** When the same notice was sent within the window, if it was. */
    synchronized Optional<Instant> sentWithinWindow(String key, Instant now) {
        Instant sent = sentAt.get(key);
        return sent != null && sent.plus(WINDOW).isAfter(now) ? Optional.of(sent) : Optional.empty();
    }

    synchronized void sent(String key, Instant at) {
        sentAt.remove(key);
        sentAt.put(key, at);
    }
}
