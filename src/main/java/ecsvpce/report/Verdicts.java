package ecsvpce.report;

/** The verdict of a follow-up check, decided in one place from plain facts. Pure; {@code VerdictsTest} holds the table. */
public final class Verdicts {
    private Verdicts() {
    }

    /**
     * @param vpcFound          the VPC still exists
     * @param anySubnetFound    some subnet of the checked workloads still exists
     * @param networkBroken     some subnet has blocking findings
     * @param networkPending    some subnet waits only for endpoints being created
     * @param serviceRecovering some service runs fewer tasks than it wants
     * @param lastCheck         no further check is allowed
     * @param serviceStuck      a service will not recover on its own: its deployment failed and launches no task
     */
    public record Facts(boolean vpcFound, boolean anySubnetFound, boolean networkBroken, boolean networkPending,
                        boolean serviceRecovering, boolean lastCheck, boolean serviceStuck) {

        public Facts(boolean vpcFound, boolean anySubnetFound, boolean networkBroken, boolean networkPending,
                     boolean serviceRecovering, boolean lastCheck) {
            this(vpcFound, anySubnetFound, networkBroken, networkPending, serviceRecovering, lastCheck, false);
        }
    }

    public static Verdict of(Facts facts) {
        if (!facts.vpcFound() || !facts.anySubnetFound()) {
            return Verdict.GONE;
        }
        if (facts.networkBroken() || facts.serviceStuck()) {
            return Verdict.STILL_BROKEN;
        }
        if (facts.networkPending() || facts.serviceRecovering()) {
            return facts.lastCheck() ? Verdict.STILL_BROKEN : Verdict.PENDING;
        }
        return Verdict.HEALED;
    }
}
