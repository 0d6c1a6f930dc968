package ecsvpce.core.diagnosis;

/** Stable codes of what a diagnosis can find; reports, alarms and tests rely on these names: add, never rename. */
public enum FindingCode {
    VPC_DNS_SUPPORT_DISABLED,
    VPC_DNS_HOSTNAMES_DISABLED,
    CUSTOM_DNS_SERVERS,
    ENDPOINT_MISSING,
    ENDPOINT_WRONG_TYPE,
    ENDPOINT_NOT_AVAILABLE,
    PRIVATE_DNS_DISABLED,
    GATEWAY_NOT_ON_ROUTE_TABLE,
    ENDPOINT_SG_BLOCKS_443,
    TASK_SG_EGRESS_BLOCKS_443,
    ENDPOINT_NOT_IN_TASK_AZ,
    NEED_NOT_SERVABLE_BY_ENDPOINT,
    INTERNET_PATH_PRESENT,
    TASK_SECURITY_GROUPS_UNKNOWN,
    ENDPOINT_PENDING
}
