package ecsvpce.core.network;

/**
 * A route of a route table.
 *
 * @param destinationCidr         IPv4 destination, or null
 * @param destinationPrefixListId destination prefix list ({@code pl-...}), or null
 * @param target                  the target's id: {@code local}, {@code igw-...}, {@code nat-...},
 *                                {@code vpce-...}, {@code tgw-...}, {@code i-...}, ...
 * @param active                  false for a blackhole route
 */
public record Route(String destinationCidr, String destinationPrefixListId, String target, boolean active) {

    /** A default route to something that can reach the internet (or a shared egress VPC); never a blackhole. */
    public boolean isInternetPath() {
        return active && isDefault() && target != null
                && (target.startsWith("igw-") || target.startsWith("nat-") || target.startsWith("tgw-")
                || target.startsWith("i-"));
    }

    /** A default route whose target no longer exists (a deleted NAT gateway, a detached gateway): traffic is dropped. */
    public boolean isBlackholeDefault() {
        return !active && isDefault();
    }

    private boolean isDefault() {
        return "0.0.0.0/0".equals(destinationCidr);
    }
}
