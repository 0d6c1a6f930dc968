package ecsvpce.core.plan;

import java.math.BigDecimal;

/**
 * One change to a VPC. Actions only create or enable; none deletes, revokes or opens a rule wider
 * than the VPC's own CIDR blocks on TCP 443.
 */
public sealed interface Action permits EnableVpcDnsAttribute, EnablePrivateDns, AddRouteTableToGateway,
        CreateEndpointSecurityGroup, AuthorizeHttpsIngress, AttachSecurityGroup, CreateInterfaceEndpoint,
        CreateGatewayEndpoint {

    /** A stable name for reports. */
    ActionType type();

    /** One line for a person. */
    String describe();

    /** What the action adds to the monthly bill, before data processing. */
    default BigDecimal monthlyCostUsd() {
        return BigDecimal.ZERO;
    }
}
