package ecsvpce.core.failure;

/** What a task's stop reason says about the cause. Reports key on the names: add values, never rename. */
public enum FailureClass {
    /** The task could not reach an AWS service: endpoints may fix it. */
    NETWORK,
    /**
     * The task could not reach a host outside AWS: a registry (Docker Hub, quay.io, ghcr.io, ECR
     * Public...) or a logging driver's log server. No VPC endpoint serves it; a route to it does (a NAT
     * gateway), or for an image a copy in private ECR.
     */
    NETWORK_OUTSIDE_AWS,
    /** An IAM or resource policy refused the call: report the action, change nothing. */
    PERMISSION,
    /** A secret, parameter, log group or image does not exist or is misconfigured: report. */
    MISSING_RESOURCE,
    /**
     * Not the network: the container runtime, ENI capacity, EFS, a full disk, an image for another
     * platform, or a service that answered but throttled. No endpoint fixes it.
     */
    NOT_NETWORK,
    /** Nothing recognisable: check every need, fix only what the network lacks. */
    UNKNOWN;

    /** Only these classes may lead to changes. */
    public boolean mayBeFixedByEndpoints() {
        return this == NETWORK || this == UNKNOWN;
    }
}
