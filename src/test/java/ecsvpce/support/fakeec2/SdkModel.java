package ecsvpce.support.fakeec2;

import ecsvpce.support.fakeec2.Ec2State.EndpointState;
import ecsvpce.support.fakeec2.Ec2State.GroupState;
import ecsvpce.support.fakeec2.Ec2State.RouteTableState;
import ecsvpce.support.fakeec2.Ec2State.Rule;
import ecsvpce.support.fakeec2.Ec2State.SubnetState;
import ecsvpce.support.fakeec2.Ec2State.VpcState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteState;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/** The fake's resources as EC2 describes them, in the SDK's model types. */
final class SdkModel {
    static final String ACCOUNT_ID = "123456789012";

    private final Ec2State state;

    SdkModel(Ec2State state) {
        this.state = state;
    }

    /** The VPC's default ACL as AWS makes it: everything allowed both ways, then the final deny. */
    NetworkAcl defaultAcl(VpcState vpc) {
        return NetworkAcl.builder().networkAclId(vpc.id.replace("vpc-", "acl-")).vpcId(vpc.id).isDefault(true)
                .ownerId(vpc.ownerId)
                .entries(entry(100, true, RuleAction.ALLOW), entry(32767, true, RuleAction.DENY),
                        entry(100, false, RuleAction.ALLOW), entry(32767, false, RuleAction.DENY))
                .build();
    }

    private static NetworkAclEntry entry(int number, boolean egress, RuleAction action) {
        return NetworkAclEntry.builder().ruleNumber(number).egress(egress).protocol("-1").ruleAction(action)
                .cidrBlock("0.0.0.0/0").build();
    }

    Vpc vpc(VpcState vpc) {
        return Vpc.builder().vpcId(vpc.id).cidrBlock(vpc.cidr).dhcpOptionsId("default")
                .state("available").ownerId(vpc.ownerId).isDefault(false)
                .cidrBlockAssociationSet(VpcCidrBlockAssociation.builder().cidrBlock(vpc.cidr)
                        .associationId(vpc.id.replace("vpc-", "vpc-cidr-assoc-"))
                        .cidrBlockState(s -> s.state(VpcCidrBlockStateCode.ASSOCIATED)).build())
                .build();
    }

    Subnet subnet(SubnetState subnet) {
        return Subnet.builder().subnetId(subnet.id()).vpcId(subnet.vpcId()).availabilityZone(subnet.az())
                .cidrBlock(subnet.cidr()).state("available").build();
    }

    VpcEndpoint endpoint(EndpointState e) {
        return VpcEndpoint.builder().vpcEndpointId(e.id).vpcId(e.vpcId).serviceName(e.serviceName)
                .vpcEndpointType(e.type).state(e.state).privateDnsEnabled(e.privateDns)
                .subnetIds(List.copyOf(e.subnetIds)).routeTableIds(List.copyOf(e.routeTableIds))
                .groups(e.groupIds.stream().map(id -> SecurityGroupIdentifier.builder().groupId(id)
                        .groupName(state.groups.get(id).name).build()).toList())
                .tags(tags(e.tags)).ownerId(ACCOUNT_ID).build();
    }

    SecurityGroup group(GroupState g) {
        return SecurityGroup.builder().groupId(g.id).groupName(g.name).vpcId(g.vpcId).ownerId(ACCOUNT_ID)
                .description(g.name).ipPermissions(permissions(g.ingress)).ipPermissionsEgress(permissions(g.egress))
                .tags(tags(g.tags)).build();
    }

    RouteTable routeTable(RouteTableState t) {
        List<RouteTableAssociation> associations = new ArrayList<>();
        if (t.main) {
            associations.add(RouteTableAssociation.builder().main(true).routeTableId(t.id)
                    .routeTableAssociationId(t.id.replace("rtb-", "rtbassoc-")).build());
        }
        t.subnetIds.forEach(s -> associations.add(RouteTableAssociation.builder().main(false).routeTableId(t.id)
                .subnetId(s).routeTableAssociationId(s.replace("subnet-", "rtbassoc-")).build()));
        return RouteTable.builder().routeTableId(t.id).vpcId(t.vpcId).ownerId(ACCOUNT_ID).associations(associations)
                .routes(t.routes.stream().map(r -> Route.builder().destinationCidrBlock(r.cidr())
                        .destinationPrefixListId(r.prefixListId()).gatewayId(r.target()).state(RouteState.ACTIVE).build())
                        .toList())
                .build();
    }

    /** Rules grouped as AWS answers them: one permission per protocol and port range. */
    private static List<IpPermission> permissions(List<Rule> rules) {
        Map<List<Object>, IpPermission.Builder> byPorts = new LinkedHashMap<>();
        Map<List<Object>, List<IpRange>> ranges = new LinkedHashMap<>();
        Map<List<Object>, List<UserIdGroupPair>> pairs = new LinkedHashMap<>();
        for (Rule rule : rules) {
            List<Object> key = Arrays.asList(rule.protocol(), rule.fromPort(), rule.toPort());
            byPorts.computeIfAbsent(key, k -> IpPermission.builder().ipProtocol(rule.protocol())
                    .fromPort(rule.fromPort()).toPort(rule.toPort()));
            if (rule.cidr() != null) {
                ranges.computeIfAbsent(key, k -> new ArrayList<>()).add(IpRange.builder().cidrIp(rule.cidr()).build());
            }
            if (rule.groupId() != null) {
                pairs.computeIfAbsent(key, k -> new ArrayList<>()).add(
                        UserIdGroupPair.builder().groupId(rule.groupId()).userId(ACCOUNT_ID).build());
            }
        }
        return byPorts.entrySet().stream().map(e -> e.getValue()
                .ipRanges(ranges.getOrDefault(e.getKey(), List.of()))
                .userIdGroupPairs(pairs.getOrDefault(e.getKey(), List.of())).build()).toList();
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }
}
