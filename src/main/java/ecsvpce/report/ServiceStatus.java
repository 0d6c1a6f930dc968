package ecsvpce.report;

/** What the sweep found for one service in one subnet; dashboards key on these names. */
public enum ServiceStatus {
    /** No blocking finding. */
    COMPLIANT,
    /** Every blocking finding was fixed by applied changes. */
    FIXED,
    /** DRY_RUN: changes that would fix it were planned. */
    PLANNED,
    /** Blocking findings remain that no endpoint change fixes: they need a person. */
    NOT_FIXABLE_BY_ENDPOINTS,
    /** The subnet or VPC is tagged to be left alone. */
    SKIPPED,
    /** AWS refused a change for good; the rest of the plan was not applied. */
    FAILED
}
