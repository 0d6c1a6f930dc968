package ecsvpce.core.failure;

/** What a task's stop reason says about the cause (FACTS.md section 3). */
public enum FailureClass {
    /** The task could not reach an AWS service: endpoints may fix it. */
    NETWORK,
    /** An IAM or resource policy refused the call: report the action, change nothing. */
    PERMISSION,
    /** A secret, parameter, log group or image does not exist or is misconfigured: report. */
    MISSING_RESOURCE,
    /** The container runtime, ENI capacity or EFS: no endpoint fixes it. */
    NOT_NETWORK,
    /** Nothing recognisable: check every need, fix only what the network lacks. */
    UNKNOWN;

    /** Only these classes may lead to changes. */
    public boolean mayBeFixedByEndpoints() {
        return this == NETWORK || this == UNKNOWN;
    }
}
