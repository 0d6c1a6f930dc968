package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The container's memory of what it told: a window in time, and a bound in size. */
class RecentNoticesTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final RecentNotices recent = new RecentNotices();

    @Test
    void aNoticeIsRememberedForTheWindowOnly() {
        recent.sent("story", NOW);

        assertThat(recent.sentWithinWindow("story", NOW.plus(RecentNotices.WINDOW).minusMillis(1))).contains(NOW);
        assertThat(recent.sentWithinWindow("story", NOW.plus(RecentNotices.WINDOW))).isEmpty();
        assertThat(recent.sentWithinWindow("another story", NOW)).isEmpty();
    }

    @Test
    void theOldestIsForgottenBeyondTheCapacity() {
        for (int i = 0; i <= RecentNotices.CAPACITY; i++) {
            recent.sent("story " + i, NOW);
        }

        assertThat(recent.sentWithinWindow("story 0", NOW)).isEmpty();
        assertThat(recent.sentWithinWindow("story 1", NOW)).contains(NOW);
        assertThat(recent.sentWithinWindow("story " + RecentNotices.CAPACITY, NOW)).contains(NOW);
    }
}
