package ecsvpce.core.diagnosis;

import ecsvpce.core.network.OwningService;
import ecsvpce.core.policy.StartupCall;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The exact changes a person makes where the product may not: AWS CLI commands and policy
 * statements, ready to paste. Text only; nothing here is ever run by the product.
 */
final class Fixes {
    private Fixes() {
    }

    static String egress443ToCidr(String groupId, String cidr) {
        return "aws ec2 authorize-security-group-egress --group-id " + groupId
                + " --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=" + cidr + "}]'";
    }

    static String egress443ToGroup(String groupId, String peerGroupId) {
        return "aws ec2 authorize-security-group-egress --group-id " + groupId
                + " --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=[{GroupId=" + peerGroupId + "}]'";
    }

    static String egress443ToPrefixList(String groupId, String prefixList) {
        return "aws ec2 authorize-security-group-egress --group-id " + groupId
                + " --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,PrefixListIds=[{PrefixListId=" + prefixList + "}]'";
    }

    /**
     * An allow entry evaluated before the rule that blocks.
     *
     * @param ruleNumber a free number below the blocking rule's
     */
    static String aclAllow(String aclId, int ruleNumber, boolean egress, int fromPort, int toPort, String cidr) {
        return aclEntry("create-network-acl-entry", aclId, ruleNumber, egress, fromPort, toPort, cidr);
    }

    /** The blocking entry turned into the allow, when no free number comes before it. */
    static String aclReplaceWithAllow(String aclId, int ruleNumber, boolean egress, int fromPort, int toPort,
                                      String cidr) {
        return aclEntry("replace-network-acl-entry", aclId, ruleNumber, egress, fromPort, toPort, cidr);
    }

    private static String aclEntry(String command, String aclId, int ruleNumber, boolean egress, int fromPort,
                                   int toPort, String cidr) {
        return "aws ec2 " + command + " --network-acl-id " + aclId + " --rule-number " + ruleNumber
                + (egress ? " --egress" : " --ingress") + " --protocol tcp --port-range From=" + fromPort + ",To=" + toPort
                + " --cidr-block " + cidr + " --rule-action allow";
    }

    static String disassociateZone(String zoneId, String vpcId, String region) {
        return "aws route53 disassociate-vpc-from-hosted-zone --hosted-zone-id " + zoneId
                + " --vpc VPCRegion=" + region + ",VPCId=" + vpcId;
    }

    /** The statement to add to an endpoint policy so that it allows these calls. */
    static String allowStatement(List<StartupCall> calls) {
        String actions = calls.stream().map(StartupCall::action).distinct().map(Fixes::quoted)
                .collect(Collectors.joining(", "));
        String resources = calls.stream().map(c -> c.resource() == null ? "*" : c.resource()).distinct()
                .map(Fixes::quoted).collect(Collectors.joining(", "));
        return "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": [" + actions + "], \"Resource\": ["
                + resources + "]}";
    }

    static String enableVpcAttribute(String vpcId, String attribute) {
        return "aws ec2 modify-vpc-attribute --vpc-id " + vpcId + " --" + attribute + " '{\"Value\":true}'";
    }

    static String enablePrivateDns(String endpointId) {
        return "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + endpointId + " --private-dns-enabled";
    }

    static String addRouteTable(String endpointId, String routeTableId) {
        return "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + endpointId + " --add-route-table-ids " + routeTableId;
    }

    static String ingress443(String groupId, String cidr) {
        return "aws ec2 authorize-security-group-ingress --group-id " + groupId
                + " --protocol tcp --port 443 --cidr " + cidr;
    }

    /** A group admitting 443 from the task's subnet, attached to the endpoint: one line for a shell. */
    static String attachNewGroup(String vpcId, String endpointId, String cidr) {
        return newGroup(vpcId, "vpce-443-" + endpointId, cidr) + " && aws ec2 modify-vpc-endpoint --vpc-endpoint-id "
                + endpointId + " --add-security-group-ids $G";
    }

    private static String newGroup(String vpcId, String name, String cidr) {
        return "G=$(aws ec2 create-security-group --vpc-id " + vpcId + " --group-name " + name
                + " --description 'TCP 443 for a VPC endpoint' --query GroupId --output text) && " + ingress443("$G", cidr);
    }

    /** A group admitting 443 from the VPC, then the endpoint with it: one line for a shell. */
    static String createInterfaceEndpoint(String vpcId, String serviceName, String subnetId, String vpcCidr) {
        return newGroup(vpcId, "vpce-" + serviceName, vpcCidr) + " && aws ec2 create-vpc-endpoint --vpc-id " + vpcId
                + " --vpc-endpoint-type Interface --service-name " + serviceName + " --subnet-ids " + subnetId
                + " --security-group-ids $G --private-dns-enabled";
    }

    static String createGatewayEndpoint(String vpcId, String serviceName, String routeTableId) {
        return "aws ec2 create-vpc-endpoint --vpc-id " + vpcId + " --vpc-endpoint-type Gateway --service-name "
                + serviceName + " --route-table-ids " + routeTableId;
    }

    /** Fetch the policy, change it, put it back: the product never edits a policy itself. */
    static String editPolicy(String endpointId) {
        return "aws ec2 describe-vpc-endpoints --vpc-endpoint-ids " + endpointId
                + " --query 'VpcEndpoints[0].PolicyDocument' --output text > policy.json, edit policy.json, then "
                + "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + endpointId + " --policy-document file://policy.json";
    }

    static String describeEndpoint(String endpointId) {
        return "aws ec2 describe-vpc-endpoints --vpc-endpoint-ids " + endpointId
                + " --query 'VpcEndpoints[0].[State,LastError]'";
    }

    /**
     * The task's awsvpc configuration with a public IP: the service's own, restating all its subnets and
     * groups, when the service is known; otherwise the value run-task or create-service takes.
     */
    static String assignPublicIp(OwningService service, String subnetId, List<String> groupIds) {
        if (service == null) {
            return "--network-configuration " + awsvpcWithPublicIp(List.of(subnetId), groupIds) + " on aws ecs run-task "
                    + "or create-service (AssignPublicIp: ENABLED under NetworkConfiguration.AwsvpcConfiguration in "
                    + "CloudFormation)";
        }
        return "aws ecs update-service --cluster " + service.cluster() + " --service " + service.name()
                + " --network-configuration " + awsvpcWithPublicIp(service.subnetIds(), groupIds);
    }

    /** Groups not known are not restated: ECS then gives the VPC's default group. */
    private static String awsvpcWithPublicIp(List<String> subnetIds, List<String> groupIds) {
        return "\"awsvpcConfiguration={subnets=[" + String.join(",", subnetIds) + "]"
                + (groupIds.isEmpty() ? "" : ",securityGroups=[" + String.join(",", groupIds) + "]")
                + ",assignPublicIp=ENABLED}\"";
    }

    /** The default route pointed at another target, the option chosen by the target's kind. */
    static String replaceDefaultRoute(String routeTableId, String target) {
        return "aws ec2 replace-route --route-table-id " + routeTableId + " --destination-cidr-block 0.0.0.0/0 "
                + routeTargetOption(target) + " " + target;
    }

    /** What stands for a working target of this kind ({@code nat-}, {@code igw-}, ...) when the VPC shows none. */
    static String placeholderTarget(String kind) {
        return switch (kind) {
            case "nat-" -> "NAT_GATEWAY_ID";
            case "igw-" -> "INTERNET_GATEWAY_ID";
            case "tgw-" -> "TRANSIT_GATEWAY_ID";
            case "i-" -> "INSTANCE_ID";
            case "eni-" -> "NETWORK_INTERFACE_ID";
            case "vpce-" -> "VPC_ENDPOINT_ID";
            default -> "NAT_GATEWAY_ID";
        };
    }

    private static String routeTargetOption(String target) {
        if (target.startsWith("igw-") || target.startsWith("INTERNET")) {
            return "--gateway-id";
        }
        if (target.startsWith("tgw-") || target.startsWith("TRANSIT")) {
            return "--transit-gateway-id";
        }
        if (target.startsWith("i-") || target.startsWith("INSTANCE")) {
            return "--instance-id";
        }
        if (target.startsWith("eni-") || target.startsWith("NETWORK_INTERFACE")) {
            return "--network-interface-id";
        }
        if (target.startsWith("vpce-") || target.startsWith("VPC_ENDPOINT")) {
            return "--vpc-endpoint-id";
        }
        return "--nat-gateway-id";
    }

    /**
     * Lets private DNS work for a VPC whose DHCP options name other DNS servers: those servers forward
     * the region's AWS names to the VPC resolver, or the VPC goes back to Amazon's DNS (a new option
     * set: one cannot be changed) and reaches the company's names through Resolver rules instead.
     */
    static String forwardToVpcResolver(String dhcpOptionsId, String vpcId, java.util.List<String> servers,
                                       String region, String vpcResolver) {
        return "on the DNS servers " + String.join(", ", servers) + " of " + dhcpOptionsId + ", forward "
                + region + ".amazonaws.com to the VPC resolver " + vpcResolver + " (the VPC CIDR's base +2; servers "
                + "outside the VPC reach it through a Route 53 Resolver inbound endpoint), or give the VPC Amazon's DNS "
                + "and send your own domains to those servers with a Resolver outbound endpoint and forwarding rules: "
                + "D=$(aws ec2 create-dhcp-options --dhcp-configurations "
                + "'Key=domain-name-servers,Values=AmazonProvidedDNS' --query DhcpOptions.DhcpOptionsId --output text) "
                + "&& aws ec2 associate-dhcp-options --dhcp-options-id $D --vpc-id " + vpcId
                + " (copy the other options of " + dhcpOptionsId + ")";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
