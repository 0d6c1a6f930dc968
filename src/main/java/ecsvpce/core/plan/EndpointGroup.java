package ecsvpce.core.plan;

import java.util.Optional;

/**
 * The security group an action attaches: one that exists, or the one the same plan creates
 * earlier (its id is known only once applied).
 */
public record EndpointGroup(Optional<String> existingId, String name) {

    public static EndpointGroup existing(String id, String name) {
        return new EndpointGroup(Optional.of(id), name);
    }

    public static EndpointGroup createdByPlan(String name) {
        return new EndpointGroup(Optional.empty(), name);
    }

    @Override
    public String toString() {
        return existingId.orElse(name + " (created by this plan)");
    }
}
