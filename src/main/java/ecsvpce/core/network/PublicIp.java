package ecsvpce.core.network;

/**
 * Whether ECS gives the task's network interface a public IPv4 address ({@code assignPublicIp} of
 * its awsvpc configuration). An internet gateway serves only interfaces that have one
 * (docs/real-estates.md#an-internet-gateway-without-a-public-ip).
 */
public enum PublicIp {
    /** {@code assignPublicIp: ENABLED}. */
    ASSIGNED,
    /** {@code assignPublicIp: DISABLED}, ECS's default. */
    NOT_ASSIGNED,
    /** Nobody said: an internet gateway counts as a path, as it may serve the task. */
    UNKNOWN;

    /**
     * ECS's {@code assignPublicIp} value as given.
     *
     * @param assignPublicIp {@code ENABLED}, {@code DISABLED}, or null (not said)
     */
    public static PublicIp of(String assignPublicIp) {
        if ("ENABLED".equals(assignPublicIp)) {
            return ASSIGNED;
        }
        return "DISABLED".equals(assignPublicIp) ? NOT_ASSIGNED : UNKNOWN;
    }
}
