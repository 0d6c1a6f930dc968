package ecsvpce.core.cost;

import ecsvpce.core.EndpointService;
import ecsvpce.core.plan.ResourceTags;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An interface endpoint of the account, as the cost side of the sweep sees it: where it is, what it
 * serves, since when, and in which zones it is billed.
 *
 * @param availabilityZones one per subnet (AWS allows one subnet per zone); each is billed every hour
 * @param createdAt         EC2's {@code CreationTimestamp}
 */
public record InterfaceEndpoint(String id, String vpcId, String serviceName, String state, List<String> subnetIds,
                                List<String> availabilityZones, Instant createdAt, Map<String, String> tags) {
    /** Our memory of the first sweep that found the endpoint idle, on the endpoint itself. */
    public static final String IDLE_SINCE = ResourceTags.PRODUCT + ":idle-since";
    /** Appended to that tag's value once a delete was refused: no sweep tries again until a person acts. */
    public static final String DELETE_REFUSED = "delete-refused";

    public InterfaceEndpoint {
        subnetIds = List.copyOf(subnetIds);
        availabilityZones = List.copyOf(availabilityZones);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** Created by the product: the only endpoints it may ever remove. */
    public boolean ours() {
        return ResourceTags.isOurs(tags);
    }

    /** Tagged to be left alone, like a VPC, subnet, service or task. */
    public boolean optedOut() {
        return ResourceTags.optsOut(tags);
    }

    /** Billed by the hour in this state: everything but a deleted (or deleting) endpoint. */
    public boolean billed() {
        return !"deleted".equalsIgnoreCase(state) && !"deleting".equalsIgnoreCase(state);
    }

    /** The start-up service it serves in this Region, if it is one. */
    public Optional<EndpointService> startupService(String region) {
        for (EndpointService service : EndpointService.values()) {
            if (service.isServedBy(serviceName, region)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    /** A sweep's delete was refused for good: reported each sweep, never tried again by itself. */
    public boolean deleteRefused() {
        String value = tags.get(IDLE_SINCE);
        return value != null && value.endsWith(" " + DELETE_REFUSED);
    }

    /**
     * When a sweep first found it idle, from our tag; empty without one. A value that is not an
     * instant (edited by hand) also counts as no memory, so the count starts again.
     */
    public Optional<Instant> idleSince() {
        String value = tags.get(IDLE_SINCE);
        try {
            return value == null ? Optional.empty() : Optional.of(Instant.parse(value.split(" ")[0]));
        } catch (java.time.format.DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
