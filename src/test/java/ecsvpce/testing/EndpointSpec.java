package ecsvpce.testing;

import java.util.List;

/**
 * An endpoint that a {@link FargateScenario} creates before the task runs (one that "already
 * exists" when the remediator looks).
 *
 * <pre>{@code
 * EndpointSpec.interfaceEndpoint("secretsmanager").privateDns(false)
 * EndpointSpec.interfaceEndpoint("ssm").securityGroup(EndpointSpec.SecurityGroupChoice.NO_HTTPS)
 * EndpointSpec.gateway("s3").mainRouteTable()
 * EndpointSpec.gateway("s3").noRouteTables()
 * }</pre>
 *
 * @param service        short service name: {@code ecr.dkr}, {@code ecr.api}, {@code s3}, {@code logs},
 *                       {@code ssm}, {@code secretsmanager}, {@code ssmmessages}, ...
 * @param gateway        Gateway (route tables) rather than Interface (subnets, security groups)
 * @param privateDns     interface only: private DNS on
 * @param securityGroup  interface only: which group to attach
 * @param subnets        interface only: the scenario's subnet names to place it in
 * @param routeTables    gateway only: names of subnets whose route table to associate;
 *                       {@link #MAIN} stands for the VPC's main route table
 */
public record EndpointSpec(String service, boolean gateway, boolean privateDns,
                           SecurityGroupChoice securityGroup, List<String> subnets, List<String> routeTables) {

    /** In {@link #routeTables()}: the VPC's main route table. */
    public static final String MAIN = "<main>";

    /** The security group an interface endpoint gets. */
    public enum SecurityGroupChoice {
        /** The scenario's {@code vpc-endpoint} group: TCP 443 in from the VPC CIDR (the seed's setup). */
        HTTPS_FROM_VPC,
        /** A group that admits TCP 80 from the VPC CIDR, and not 443. */
        NO_HTTPS,
        /** The VPC's default security group, named explicitly. */
        VPC_DEFAULT,
        /** None given in the request (AWS then attaches the VPC's default group). */
        NONE
    }

    public EndpointSpec {
        subnets = List.copyOf(subnets);
        routeTables = List.copyOf(routeTables);
    }

    /** An interface endpoint in {@code private-a}, private DNS on, with the HTTPS-from-VPC group. */
    public static EndpointSpec interfaceEndpoint(String service) {
        return new EndpointSpec(service, false, true, SecurityGroupChoice.HTTPS_FROM_VPC,
                List.of(FargateScenario.TASK_SUBNET), List.of());
    }

    /** A gateway endpoint on {@code private-a}'s route table. */
    public static EndpointSpec gateway(String service) {
        return new EndpointSpec(service, true, false, SecurityGroupChoice.NONE,
                List.of(), List.of(FargateScenario.TASK_SUBNET));
    }

    public EndpointSpec privateDns(boolean on) {
        return new EndpointSpec(service, gateway, on, securityGroup, subnets, routeTables);
    }

    public EndpointSpec securityGroup(SecurityGroupChoice choice) {
        return new EndpointSpec(service, gateway, privateDns, choice, subnets, routeTables);
    }

    /** The scenario's subnets (by name, e.g. {@code private-a}, {@code private-b}) to place it in. */
    public EndpointSpec inSubnets(String... subnetNames) {
        return new EndpointSpec(service, gateway, privateDns, securityGroup, List.of(subnetNames), routeTables);
    }

    /** The route tables of these subnets (by name), or {@link #MAIN}. */
    public EndpointSpec routeTablesOf(String... subnetNames) {
        return new EndpointSpec(service, gateway, privateDns, securityGroup, subnets, List.of(subnetNames));
    }

    public EndpointSpec mainRouteTable() {
        return routeTablesOf(MAIN);
    }

    public EndpointSpec noRouteTables() {
        return routeTablesOf();
    }
}
