package ecsvpce.report;

/**
 * The verdicts of a run, decided in one place from plain facts: the outcome of a stopped task and
 * the status of a service in a sweep. Pure; {@code OutcomesTest} holds their tables.
 */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * What the outcome of a stopped task depends on.
     *
     * @param networkMayBeTheCause the stop reason's class allows network changes (network or unknown)
     * @param planHasChanges       the last decision's plan has actions (applied, or planned in a dry run)
     * @param blockingFindings     the last diagnosis has blocking findings
     * @param uncheckedFindings    the last diagnosis has checks that could not be made or decided
     * @param optedOut             the task's VPC or subnet is tagged to be left alone
     * @param appliedChanges       changes were applied in some round (one that lost a race, too)
     * @param applyFailed          AWS refused a change for good
     */
    public record TaskFacts(boolean networkMayBeTheCause, boolean planHasChanges, boolean blockingFindings,
                            boolean uncheckedFindings, boolean optedOut, boolean appliedChanges, boolean applyFailed,
                            Mode mode) {
    }

    public static Outcome of(TaskFacts facts) {
        if (facts.applyFailed()) {
            return Outcome.FAILED;
        }
        if (!facts.networkMayBeTheCause()) {
            return Outcome.NOT_FIXABLE_BY_ENDPOINTS;
        }
        if (facts.planHasChanges()) {
            return facts.mode() == Mode.DRY_RUN ? Outcome.PLANNED : Outcome.REMEDIATED;
        }
        if (!facts.blockingFindings()) {
            // Nothing is left because this run fixed it before a lost race made it read the VPC again.
            if (facts.appliedChanges()) {
                return Outcome.REMEDIATED;
            }
            // "Nothing to do" is said only when every check passed.
            return facts.uncheckedFindings() ? Outcome.NOT_FIXABLE_BY_ENDPOINTS : Outcome.NOTHING_TO_DO;
        }
        return facts.optedOut() ? Outcome.SKIPPED : Outcome.NOT_FIXABLE_BY_ENDPOINTS;
    }

    /**
     * What the status of a service in one subnet depends on.
     *
     * @param blockingFindings the service has blocking findings there
     * @param optedOut         the subnet or VPC is tagged to be left alone
     * @param blockingUnfixed  one of its blocking findings is left unfixed by the VPC's plan
     * @param applyFailed      AWS refused a change of the VPC's plan for good
     */
    public record ServiceFacts(boolean blockingFindings, boolean optedOut, boolean blockingUnfixed,
                               boolean applyFailed, Mode mode) {
    }

    public static ServiceStatus of(ServiceFacts facts) {
        if (!facts.blockingFindings()) {
            return ServiceStatus.COMPLIANT;
        }
        if (facts.optedOut()) {
            return ServiceStatus.SKIPPED;
        }
        if (facts.blockingUnfixed()) {
            return ServiceStatus.NOT_FIXABLE_BY_ENDPOINTS;
        }
        if (facts.applyFailed()) {
            return ServiceStatus.FAILED;
        }
        return facts.mode() == Mode.DRY_RUN ? ServiceStatus.PLANNED : ServiceStatus.FIXED;
    }
}
