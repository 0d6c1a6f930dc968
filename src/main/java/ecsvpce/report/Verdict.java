package ecsvpce.report;

/** What the follow-up check found after a fix; alarms, dashboards and queries key on these names. */
public enum Verdict {
    /** The endpoints serve every need and each service runs its desired count again. */
    HEALED,
    /** Not yet: endpoints still being created, or a service still starting; it is checked again. */
    PENDING,
    /** Something still keeps the tasks from starting; the report says what, and what a person can change. */
    STILL_BROKEN,
    /** The VPC (or every subnet checked) no longer exists: nothing left to check. */
    GONE,
    /** The message was not a follow-up check: nothing was read. */
    REJECTED,
    /** AWS refused a read for good (e.g. access denied): nothing could be checked. */
    FAILED
}
