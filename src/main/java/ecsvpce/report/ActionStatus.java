package ecsvpce.report;

/** What became of a planned action. */
public enum ActionStatus {
    /** Carried out. */
    APPLIED,
    /** DRY_RUN: would be carried out. */
    PLANNED,
    /** Not carried out because an earlier action failed for good. */
    NOT_APPLIED
}
