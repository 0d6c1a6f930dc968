package ecsvpce.report;

/**
 * What the follow-up check did about one service after a fix, and why; dashboards and queries key on
 * these names. Only {@link #DEPLOYED} changed anything.
 */
public enum RecoveryStatus {
    /** One new deployment was started (same task definition, nothing else changed). */
    DEPLOYED,
    /** DRY_RUN: one would have been started; nothing was changed. */
    WOULD_DEPLOY,
    /** An endpoint the fix made or changed, or one the service needs, is not {@code available} yet. */
    WAITING_FOR_ENDPOINTS,
    /** The service's network still has blocking findings: a new deployment would fail the same way. */
    NETWORK_STILL_BROKEN,
    /** A deployment was started after the fix (by this check earlier, a person or ECS): at most one per fix. */
    ALREADY_REDEPLOYED,
    /** The service runs its desired count: nothing to recover. */
    RUNNING,
    /** The circuit breaker failed (and may have rolled back) a deployment: a person rolls forward. */
    ROLL_FORWARD_BY_HAND,
    /** {@code RECOVER_SERVICES} is false: ECS retries on its own, with back-off. */
    TURNED_OFF,
    /** Its tasks were not seen failing to start for what the fix changed. */
    NOT_FAILING_FOR_THIS_FIX,
    /** The service, its VPC or subnet is tagged to be left alone. */
    SKIP_TAGGED,
    /** The service now runs in subnets outside the VPC that was fixed. */
    OTHER_VPC,
    /** ECS no longer knows the service (or its cluster). */
    GONE,
    /** The service is deployed by CodeDeploy or an external controller: ECS lists no deployment to start. */
    NOT_AN_ECS_DEPLOYMENT,
    /** ECS refused the new deployment (access denied, the service draining): reported, not retried. */
    REFUSED
}
