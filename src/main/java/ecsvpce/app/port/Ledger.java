package ecsvpce.app.port;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The product's memory shared by every execution environment of every function: which notices were
 * told, and each VPC's incidents. A DynamoDB table in the deployed product. Every write is conditional,
 * so of two environments that write the same thing at once exactly one wins.
 */
public interface Ledger {

    /**
     * Claims a notice, unless someone claimed it after {@code since}.
     *
     * @param expiresAt when the table may forget the claim
     * @return empty when this caller claimed it (and tells); else when it was claimed
     * @throws CallFailure when the table cannot be reached or refuses
     */
    Optional<Instant> claim(String key, Instant now, Instant since, Instant expiresAt);

    /** Gives back a claim made at {@code claimedAt} (its publish failed), unless someone claimed it since. */
    void release(String key, Instant claimedAt);

    /** The VPC's incident with the highest number, if any. */
    Latest latest(String vpcId);

    /**
     * Writes the incident if nobody wrote it since it was read: a new one ({@code revision} 1) if its number
     * is free, an update if the stored revision is {@code revision - 1}.
     *
     * @param expiresAt when the table may forget it
     * @return false when someone else wrote first: read again and decide again
     */
    boolean save(Incident incident, Instant expiresAt);

    /** Every open incident. */
    Listing open();

    /** The closed incidents whose first failure was in {@code month} (UTC). */
    Listing closedIn(YearMonth month);

    /**
     * The latest incident of a VPC, or why it could not be read (an item damaged or written by another
     * version: skipped, its number still taken).
     *
     * @param sequence the highest number taken, 0 for none
     */
    record Latest(int sequence, Optional<Incident> incident, Optional<String> unreadable) {
        public static Latest none() {
            return new Latest(0, Optional.empty(), Optional.empty());
        }

        public static Latest of(Incident incident) {
            return new Latest(incident.sequence(), Optional.of(incident), Optional.empty());
        }

        public static Latest unreadable(int sequence, String why) {
            return new Latest(sequence, Optional.empty(), Optional.of(why));
        }
    }

    /** Incidents read, and the items skipped with the reason each could not be read. */
    record Listing(List<Incident> incidents, List<String> skipped) {
        public Listing {
            incidents = List.copyOf(incidents);
            skipped = List.copyOf(skipped);
        }
    }
}
