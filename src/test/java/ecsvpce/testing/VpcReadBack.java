package ecsvpce.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/**
 * What a VPC looks like now, read back through the SDK for assertions: its live endpoints, its
 * security groups' rules, its DNS attributes, its routes.
 *
 * <pre>{@code
 * VpcReadBack vpc = scenario.readBack();
 * assertThat(vpc.endpoint("secretsmanager")).hasValueSatisfying(e -> assertThat(e.privateDns()).isTrue());
 * assertThat(vpc.endpointCountByService()).containsEntry("ssm", 1L);
 * assertThat(vpc.securityGroup(e.securityGroupIds().get(0)).admitsTcp(443)).isTrue();
 * }</pre>
 */
public final class VpcReadBack {

    private final Ec2Client ec2;
    private final String vpcId;

    public VpcReadBack(Ec2Client ec2, String vpcId) {
        this.ec2 = ec2;
        this.vpcId = vpcId;
    }

    public String vpcId() {
        return vpcId;
    }

    /** The VPC's endpoints that are not deleted (moto keeps deleted ones listed), by service. */
    public List<Endpoint> endpoints() {
        return ec2.describeVpcEndpointsPaginator(r -> r.filters(filter("vpc-id", vpcId)))
                .vpcEndpoints().stream()
                .filter(e -> !"deleted".equalsIgnoreCase(e.stateAsString()))
                .map(e -> new Endpoint(
                        e.vpcEndpointId(),
                        shortName(e.serviceName()),
                        e.serviceName(),
                        e.vpcEndpointTypeAsString(),
                        e.stateAsString(),
                        Boolean.TRUE.equals(e.privateDnsEnabled()),
                        List.copyOf(e.subnetIds()),
                        e.groups().stream().map(SecurityGroupIdentifier::groupId).toList(),
                        List.copyOf(e.routeTableIds()),
                        tags(e.tags())))
                .sorted(Comparator.comparing(Endpoint::service).thenComparing(Endpoint::id))
                .toList();
    }

    /** The live endpoints of one service, by short name ({@code ssm}, {@code ecr.dkr}, {@code s3}). */
    public List<Endpoint> endpoints(String service) {
        return endpoints().stream().filter(e -> e.service().equals(service)).toList();
    }

    /** The live endpoint of a service; fails if there are several. */
    public Optional<Endpoint> endpoint(String service) {
        List<Endpoint> found = endpoints(service);
        if (found.size() > 1) {
            throw new AssertionError("expected at most one " + service + " endpoint in " + vpcId + ", found " + found);
        }
        return found.stream().findFirst();
    }

    /** How many live endpoints each service has, e.g. {@code {ecr.api=1, s3=1, ssm=2}}. */
    public Map<String, Long> endpointCountByService() {
        return endpoints().stream().collect(Collectors.groupingBy(Endpoint::service, TreeMap::new, Collectors.counting()));
    }

    public long endpointCount(String service) {
        return endpoints(service).size();
    }

    public SecurityGroupView securityGroup(String groupId) {
        return view(ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().get(0));
    }

    /** Every security group of the VPC, the default one included. */
    public List<SecurityGroupView> securityGroups() {
        return ec2.describeSecurityGroupsPaginator(r -> r.filters(filter("vpc-id", vpcId))).securityGroups().stream()
                .map(VpcReadBack::view)
                .sorted(Comparator.comparing(SecurityGroupView::name))
                .toList();
    }

    public List<Rule> ingress(String groupId) {
        return securityGroup(groupId).ingress();
    }

    public DnsAttributes dnsAttributes() {
        return new DnsAttributes(
                attribute(VpcAttributeName.ENABLE_DNS_SUPPORT),
                attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES));
    }

    /** The routes of a route table, e.g. to check the S3 gateway's {@code pl-...} route. */
    public List<RouteView> routes(String routeTableId) {
        return ec2.describeRouteTables(r -> r.routeTableIds(routeTableId)).routeTables().get(0).routes().stream()
                .map(r -> new RouteView(
                        r.destinationCidrBlock() != null ? r.destinationCidrBlock() : r.destinationPrefixListId(),
                        firstNonNull(r.gatewayId(), r.natGatewayId(), r.networkInterfaceId(), r.transitGatewayId())))
                .toList();
    }

    /** The route table that serves a subnet: its explicit association, else the VPC's main table. */
    public String routeTableOf(String subnetId) {
        var explicit = ec2.describeRouteTables(r -> r.filters(filter("association.subnet-id", subnetId))).routeTables();
        if (!explicit.isEmpty()) {
            return explicit.get(0).routeTableId();
        }
        return mainRouteTableId();
    }

    String mainRouteTableId() {
        return ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpcId), filter("association.main", "true")))
                .routeTables().get(0).routeTableId();
    }

    private boolean attribute(VpcAttributeName name) {
        var answer = ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(name));
        AttributeBooleanValue value = name == VpcAttributeName.ENABLE_DNS_SUPPORT
                ? answer.enableDnsSupport() : answer.enableDnsHostnames();
        return value != null && Boolean.TRUE.equals(value.value());
    }

    private static SecurityGroupView view(SecurityGroup group) {
        return new SecurityGroupView(group.groupId(), group.groupName(), group.vpcId(),
                rules(group.ipPermissions()), rules(group.ipPermissionsEgress()));
    }

    private static List<Rule> rules(List<IpPermission> permissions) {
        List<Rule> rules = new ArrayList<>();
        for (IpPermission p : permissions) {
            rules.add(new Rule(p.ipProtocol(), p.fromPort(), p.toPort(),
                    p.ipRanges().stream().map(IpRange::cidrIp).toList(),
                    p.userIdGroupPairs().stream().map(UserIdGroupPair::groupId).toList(),
                    p.prefixListIds().stream().map(PrefixListId::prefixListId).toList()));
        }
        return rules;
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new TreeMap<>();
        tags.forEach(t -> map.put(t.key(), t.value()));
        return map;
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    /** {@code com.amazonaws.us-east-1.ecr.dkr} → {@code ecr.dkr}. */
    static String shortName(String serviceName) {
        String[] parts = serviceName.split("\\.", 4);
        return parts.length == 4 ? parts[3] : serviceName;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    // -----------------------------------------------------------------------------------------

    /** An endpoint as read back: {@code service} is the short name, {@code type} Interface/Gateway. */
    public record Endpoint(String id, String service, String serviceName, String type, String state,
                           boolean privateDns, List<String> subnetIds, List<String> securityGroupIds,
                           List<String> routeTableIds, Map<String, String> tags) {
        public boolean isInterface() {
            return "Interface".equalsIgnoreCase(type);
        }

        public boolean isGateway() {
            return "Gateway".equalsIgnoreCase(type);
        }
    }

    public record SecurityGroupView(String id, String name, String vpcId, List<Rule> ingress, List<Rule> egress) {
        /** Whether some ingress rule admits TCP on this port (from any source). */
        public boolean admitsTcp(int port) {
            return ingress.stream().anyMatch(r -> r.coversTcp(port));
        }

        /** Whether some egress rule lets TCP out on this port (to any destination). */
        public boolean letsOutTcp(int port) {
            return egress.stream().anyMatch(r -> r.coversTcp(port));
        }
    }

    /** One rule: protocol {@code -1} means all; sources/destinations as CIDRs, groups, prefix lists. */
    public record Rule(String protocol, Integer fromPort, Integer toPort, List<String> cidrs,
                       List<String> groupIds, List<String> prefixListIds) {
        public boolean coversTcp(int port) {
            if ("-1".equals(protocol)) {
                return true;
            }
            if (!"tcp".equalsIgnoreCase(protocol) && !"6".equals(protocol)) {
                return false;
            }
            return fromPort != null && toPort != null && fromPort <= port && port <= toPort;
        }
    }

    public record DnsAttributes(boolean enableDnsSupport, boolean enableDnsHostnames) {
        public boolean privateDnsUsable() {
            return enableDnsSupport && enableDnsHostnames;
        }
    }

    /** A route: destination (CIDR or {@code pl-...}) and target (igw-, nat-, vpce-, local, ...). */
    public record RouteView(String destination, String target) {
    }
}
