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
    ENDPOINT_PENDING,
    SERVED_BY_CENTRAL_ENDPOINT,
    DNS_ZONE_SHADOWS_SERVICE,
    DNS_ZONES_UNREADABLE,
    VPC_OWNED_BY_ANOTHER_ACCOUNT,
    NETWORK_ACL_BLOCKS_443,
    NETWORK_ACL_BLOCKS_RETURN_TRAFFIC,
    ENDPOINT_POLICY_DENIES,
    ENDPOINT_POLICY_MAY_DENY,
    IPV6_ONLY_SUBNET,
    ENDPOINT_REACHED_BUT_BLOCKED,
    FIRELENS_OUTPUT_NEEDS_ENDPOINT,
    DEFAULT_ROUTE_BLACKHOLE,
    INTERNET_GATEWAY_WITHOUT_PUBLIC_IP;

    /**
     * A gap the task's internet path covers meanwhile: without the endpoint (or its private DNS, or the
     * gateway on the route table) the service's public name answers, and the path reaches it. A group
     * or policy of an endpoint whose private DNS the task uses is no such gap: the task goes there.
     */
    public boolean isCoveredByAnInternetPath() {
        return this == ENDPOINT_MISSING || this == ENDPOINT_WRONG_TYPE || this == PRIVATE_DNS_DISABLED
                || this == GATEWAY_NOT_ON_ROUTE_TABLE;
    }
}
