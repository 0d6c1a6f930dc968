package ecsvpce.core.network;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Route 53 private hosted zone associated with the VPC, with the records it holds for the service
 * names a Fargate task may need. The VPC's resolver answers a name from the most specific such zone
 * whose name covers it, and never falls back to public DNS: a zone that covers a name without a
 * record for it answers NXDOMAIN.
 *
 * @param name    the zone's domain, lower case, without the trailing dot
 * @param records the zone's records for those names (wildcards as {@code *.name})
 */
public record HostedZone(String id, String name, List<Record> records) {

    public HostedZone {
        name = normalise(name);
        records = List.copyOf(records);
    }

    /** Whether the zone's domain is the name or one of its parents. */
    public boolean covers(String hostname) {
        String host = normalise(hostname);
        return host.equals(name) || host.endsWith("." + name);
    }

    /** The record that answers the name: an exact one, else the closest wildcard, as Route 53 picks it. */
    public Optional<Record> answer(String hostname) {
        String host = normalise(hostname);
        Optional<Record> exact = records.stream().filter(r -> r.name().equals(host)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        for (String parent = parentOf(host); parent != null && covers(parent); parent = parentOf(parent)) {
            String wildcard = "*." + parent;
            Optional<Record> match = records.stream().filter(r -> r.name().equals(wildcard)).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    private static String parentOf(String host) {
        int dot = host.indexOf('.');
        return dot < 0 ? null : host.substring(dot + 1);
    }

    static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /**
     * A record of the zone that can answer an address query.
     *
     * @param type   {@code A}, {@code AAAA} or {@code CNAME}
     * @param target the alias target's DNS name or the record's first value, for the report
     */
    public record Record(String name, String type, String target) {
        public Record {
            name = normalise(name);
        }
    }
}
