package ecsvpce.core.network;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The private hosted zones associated with a VPC, or why they could not be read.
 *
 * @param unreadable why the zones could not be listed (access denied, ...); empty when they were
 */
public record PrivateZones(List<HostedZone> zones, Optional<String> unreadable) {

    public PrivateZones {
        zones = List.copyOf(zones);
    }

    public static PrivateZones none() {
        return new PrivateZones(List.of(), Optional.empty());
    }

    public static PrivateZones unreadable(String why) {
        return new PrivateZones(List.of(), Optional.of(why));
    }

    /** The zone the VPC's resolver answers the name from: the most specific one that covers it. */
    public Optional<HostedZone> authorityFor(String hostname) {
        return zones.stream().filter(zone -> zone.covers(hostname))
                .max(Comparator.comparingInt((HostedZone zone) -> zone.name().length()).thenComparing(HostedZone::id));
    }
}
