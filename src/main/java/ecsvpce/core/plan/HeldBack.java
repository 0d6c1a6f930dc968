package ecsvpce.core.plan;

/**
 * Why findings were deliberately left alone.
 *
 * @param scope       the VPC or subnet it applies to, null when it applies to the whole decision
 * @param explanation one line for a person
 */
public record HeldBack(Reason reason, String scope, String explanation) {

    public enum Reason {
        /** The stop reason is not a network failure. */
        STOP_REASON,
        /** The subnet reaches the internet, so endpoints are likely not the cause. */
        INTERNET_PATH,
        /** The team tagged the VPC or subnet to be left alone. */
        OPTED_OUT,
        /** A group named like ours that is not ours cannot be used or widened. */
        FOREIGN_GROUP,
        /** Another account owns the VPC (shared through AWS RAM): only it may change the VPC. */
        SHARED_VPC,
        /** The subnet is IPv6-only; the product makes IPv4 endpoints only. */
        IPV6_ONLY
    }

    @Override
    public String toString() {
        return explanation;
    }
}
