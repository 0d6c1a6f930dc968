package ecsvpce.aws;

import ecsvpce.core.EndpointType;
import ecsvpce.core.network.NetworkAcl;
import ecsvpce.core.network.Route;
import ecsvpce.core.network.RouteTable;
import ecsvpce.core.network.SecurityGroup;
import ecsvpce.core.network.SecurityGroupRule;
import ecsvpce.core.network.Subnet;
import ecsvpce.core.network.VpcEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.RouteState;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;

/** EC2's answers as the core's records: the one place that knows both. */
final class Ec2Model {
    private Ec2Model() {
    }

    static List<String> cidrBlocks(Vpc vpc) {
        List<String> blocks = vpc.cidrBlockAssociationSet().stream()
                .filter(a -> a.cidrBlockState() == null || a.cidrBlockState().state() == VpcCidrBlockStateCode.ASSOCIATED)
                .map(a -> a.cidrBlock())
                .toList();
        return blocks.isEmpty() && vpc.cidrBlock() != null ? List.of(vpc.cidrBlock()) : blocks;
    }

    static Subnet subnet(software.amazon.awssdk.services.ec2.model.Subnet subnet) {
        return new Subnet(subnet.subnetId(), subnet.availabilityZone(), subnet.cidrBlock(),
                Boolean.TRUE.equals(subnet.ipv6Native()), tags(subnet.tags()));
    }

    static RouteTable routeTable(software.amazon.awssdk.services.ec2.model.RouteTable table) {
        boolean main = table.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main()));
        List<String> subnets = table.associations().stream().map(a -> a.subnetId()).filter(Objects::nonNull).toList();
        List<Route> routes = table.routes().stream()
                .map(r -> new Route(r.destinationCidrBlock(), r.destinationPrefixListId(), target(r),
                        r.state() != RouteState.BLACKHOLE))
                .toList();
        return new RouteTable(table.routeTableId(), main, subnets, routes);
    }

    private static String target(software.amazon.awssdk.services.ec2.model.Route route) {
        for (String target : new String[] {route.gatewayId(), route.natGatewayId(), route.transitGatewayId(),
                route.instanceId(), route.networkInterfaceId(), route.vpcPeeringConnectionId(),
                route.egressOnlyInternetGatewayId(), route.localGatewayId(), route.carrierGatewayId()}) {
            if (target != null) {
                return target;
            }
        }
        return null;
    }

    static VpcEndpoint endpoint(software.amazon.awssdk.services.ec2.model.VpcEndpoint e) {
        return new VpcEndpoint(e.vpcEndpointId(), e.serviceName(),
                EndpointType.fromAwsName(e.vpcEndpointTypeAsString()).orElse(null),
                e.stateAsString(), Boolean.TRUE.equals(e.privateDnsEnabled()), e.subnetIds(),
                e.groups().stream().map(g -> g.groupId()).toList(), e.routeTableIds(), EndpointPolicies.parse(e.policyDocument()),
                tags(e.tags()));
    }

    static SecurityGroup securityGroup(software.amazon.awssdk.services.ec2.model.SecurityGroup group) {
        return new SecurityGroup(group.groupId(), group.groupName(), rules(group.ipPermissions()),
                rules(group.ipPermissionsEgress()), tags(group.tags()));
    }

    private static List<SecurityGroupRule> rules(List<IpPermission> permissions) {
        return permissions.stream().map(p -> new SecurityGroupRule(p.ipProtocol(), p.fromPort(), p.toPort(),
                        p.ipRanges().stream().map(range -> range.cidrIp()).toList(),
                        p.userIdGroupPairs().stream().map(pair -> pair.groupId()).toList(),
                        p.prefixListIds().stream().map(pl -> pl.prefixListId()).toList()))
                .toList();
    }

    static NetworkAcl networkAcl(software.amazon.awssdk.services.ec2.model.NetworkAcl acl) {
        return new NetworkAcl(acl.networkAclId(), Boolean.TRUE.equals(acl.isDefault()),
                acl.associations().stream().map(a -> a.subnetId()).filter(Objects::nonNull).toList(),
                acl.entries().stream().map(Ec2Model::aclRule).toList());
    }

    private static NetworkAcl.Rule aclRule(NetworkAclEntry entry) {
        boolean ports = entry.portRange() != null;
        return new NetworkAcl.Rule(entry.ruleNumber(), Boolean.TRUE.equals(entry.egress()), entry.protocol(),
                entry.ruleAction() == RuleAction.ALLOW, entry.cidrBlock(),
                ports ? entry.portRange().from() : null, ports ? entry.portRange().to() : null);
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }
}
