package ecsvpce.core.plan;

/** Stable names of the actions, in the order a plan applies them. */
public enum ActionType {
    ENABLE_VPC_DNS_ATTRIBUTE,
    ENABLE_PRIVATE_DNS,
    ADD_ROUTE_TABLE_TO_GATEWAY,
    CREATE_ENDPOINT_SECURITY_GROUP,
    AUTHORIZE_HTTPS_INGRESS,
    ATTACH_SECURITY_GROUP,
    CREATE_INTERFACE_ENDPOINT,
    CREATE_GATEWAY_ENDPOINT
}
