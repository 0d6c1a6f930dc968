package ecsvpce.app;

import ecsvpce.app.port.Incident;
import ecsvpce.app.port.Ledger;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ledger's port answered from memory with the table's semantics: each write is conditional and
 * atomic (one lock, as DynamoDB applies one item's conditional write), claims are per key, incidents per
 * VPC and number. A failure set here is thrown by every call; an item can be damaged on purpose.
 */
final class InMemoryLedger implements Ledger {
    final Map<String, Instant> claims = new HashMap<>();
    /** Incidents by VPC, then number; an entry of null is a damaged item. Listed by VPC, not by time. */
    final Map<String, TreeMap<Integer, Incident>> incidents = new TreeMap<>();
    /** When the table may forget each incident, by its id. */
    final Map<String, Instant> expiries = new HashMap<>();
    /** VPCs with a damaged item whose number cannot be read: it sorts after the numbered ones, as in DynamoDB. */
    private final Set<String> unnumbered = new HashSet<>();
    final List<String> calls = new ArrayList<>();
    private RuntimeException failure;

    /** Every call throws this from now on (null: none). */
    InMemoryLedger failWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    /** The VPC's incident {@code sequence} becomes an item this version cannot read. */
    synchronized InMemoryLedger damage(String vpcId, int sequence) {
        incidents.computeIfAbsent(vpcId, vpc -> new TreeMap<>()).put(sequence, null);
        return this;
    }

    /** The VPC gets an item whose sort key is not a number (written by hand, or by another tool). */
    synchronized InMemoryLedger damageUnnumbered(String vpcId) {
        unnumbered.add(vpcId);
        return this;
    }

    synchronized List<Incident> all() {
        return incidents.values().stream().flatMap(byNumber -> byNumber.values().stream())
                .filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public synchronized Optional<Instant> claim(String key, Instant now, Instant since, Instant expiresAt) {
        call("claim");
        Instant claimed = claims.get(key);
        if (claimed != null && claimed.isAfter(since)) {
            return Optional.of(claimed);
        }
        claims.put(key, now);
        return Optional.empty();
    }

    @Override
    public synchronized void release(String key, Instant claimedAt) {
        call("release");
        claims.remove(key, claimedAt);
    }

    @Override
    public synchronized Latest latest(String vpcId) {
        call("latest");
        if (unnumbered.contains(vpcId)) {
            return Latest.unreadable(0, "damaged: its number is not a number");
        }
        TreeMap<Integer, Incident> byNumber = incidents.get(vpcId);
        if (byNumber == null || byNumber.isEmpty()) {
            return Latest.none();
        }
        Map.Entry<Integer, Incident> last = byNumber.lastEntry();
        return last.getValue() == null ? Latest.unreadable(last.getKey(), "damaged: revision is not a number")
                : Latest.of(last.getValue());
    }

    @Override
    public synchronized boolean save(Incident incident, Instant expiresAt) {
        call("save");
        TreeMap<Integer, Incident> byNumber = incidents.computeIfAbsent(incident.vpcId(), vpc -> new TreeMap<>());
        boolean taken = byNumber.containsKey(incident.sequence());
        Incident stored = byNumber.get(incident.sequence());
        if (incident.revision() == 1 ? taken : stored == null || stored.revision() != incident.revision() - 1) {
            return false;
        }
        byNumber.put(incident.sequence(), incident);
        expiries.put(incident.id(), expiresAt);
        return true;
    }

    @Override
    public synchronized Listing open() {
        call("open");
        return listing(true, null);
    }

    @Override
    public synchronized Listing closedIn(YearMonth month) {
        call("closedIn");
        return listing(false, month);
    }

    private Listing listing(boolean open, YearMonth month) {
        List<Incident> found = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        incidents.forEach((vpc, byNumber) -> byNumber.forEach((number, incident) -> {
            if (incident == null) {
                skipped.add("VPC#" + vpc + " " + number + ": damaged");
            } else if (incident.open() == open && (open || incident.month().equals(month))) {
                found.add(incident);
            }
        }));
        return new Listing(found, skipped);
    }

    private void call(String name) {
        calls.add(name);
        if (failure != null) {
            throw failure;
        }
    }
}
