package ecsvpce.report;

/** What an invocation came to; alarms and dashboards key on these names. */
public enum Outcome {
    /** Actions were applied. */
    REMEDIATED,
    /** DRY_RUN: actions were planned and not applied. */
    PLANNED,
    /** The network already serves every need; the cause is elsewhere. */
    NOTHING_TO_DO,
    /** The cause is not something an endpoint fixes (permission, runtime, internet path, ...). */
    NOT_FIXABLE_BY_ENDPOINTS,
    /** The event is not ours, malformed or stale; nothing was read or changed beyond checking it. */
    SKIPPED,
    /** AWS refused a call for good (access denied, invalid request); reported once, not retried. */
    FAILED
}
