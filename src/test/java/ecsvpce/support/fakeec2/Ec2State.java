package ecsvpce.support.fakeec2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;

/**
 * What the fake EC2 holds: its VPCs, subnets, route tables, security groups, endpoints and the
 * client tokens spent on endpoints, with AWS-shaped ids. Callers hold the fake's one lock (this
 * object) while they read or change it.
 */
final class Ec2State {
    final Map<String, VpcState> vpcs = new LinkedHashMap<>();
    final Map<String, SubnetState> subnets = new LinkedHashMap<>();
    final Map<String, RouteTableState> routeTables = new LinkedHashMap<>();
    final Map<String, GroupState> groups = new LinkedHashMap<>();
    final Map<String, EndpointState> endpoints = new LinkedHashMap<>();
    final Map<String, TokenUse> tokens = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** A new id such as {@code vpce-00000000000000001}. */
    String newId(String prefix) {
        return prefix + "-" + String.format("%017x", ids.incrementAndGet());
    }

    /** A VPC with its main route table and default group (all traffic from itself, as AWS makes it). */
    String addVpc(String cidr, boolean dnsSupport, boolean dnsHostnames) {
        String vpcId = newId("vpc");
        vpcs.put(vpcId, new VpcState(vpcId, cidr, dnsSupport, dnsHostnames));
        RouteTableState main = new RouteTableState(newId("rtb"), vpcId, true);
        main.routes.add(new RouteEntry(cidr, null, "local"));
        routeTables.put(main.id, main);
        GroupState defaultGroup = new GroupState(newId("sg"), vpcId, "default", Map.of());
        defaultGroup.ingress.add(new Rule("-1", null, null, null, defaultGroup.id));
        groups.put(defaultGroup.id, defaultGroup);
        return vpcId;
    }

    /** A subnet, with a route table of its own (explicitly associated) or on the main table. */
    String addSubnet(String vpcId, String az, String cidr, boolean ownRouteTable) {
        String subnetId = newId("subnet");
        subnets.put(subnetId, new SubnetState(subnetId, vpcId, az, cidr));
        if (ownRouteTable) {
            RouteTableState table = new RouteTableState(newId("rtb"), vpcId, false);
            table.routes.add(new RouteEntry(vpcs.get(vpcId).cidr, null, "local"));
            table.subnetIds.add(subnetId);
            routeTables.put(table.id, table);
        }
        return subnetId;
    }

    /** A security group with all egress and no ingress. */
    String addGroup(String vpcId, String name, Map<String, String> tags) {
        GroupState group = new GroupState(newId("sg"), vpcId, name, tags);
        groups.put(group.id, group);
        return group.id;
    }

    String defaultGroup(String vpcId) {
        return groups.values().stream().filter(g -> g.vpcId.equals(vpcId) && g.name.equals("default"))
                .findFirst().orElseThrow().id;
    }

    // ------------------------------------------------------------------------------------ resources

    static final class VpcState {
        final String id;
        final String cidr;
        boolean dnsSupport;
        boolean dnsHostnames;
        /** The account that owns the VPC: another than the caller's when it is shared through AWS RAM. */
        String ownerId = SdkModel.ACCOUNT_ID;

        VpcState(String id, String cidr, boolean dnsSupport, boolean dnsHostnames) {
            this.id = id;
            this.cidr = cidr;
            this.dnsSupport = dnsSupport;
            this.dnsHostnames = dnsHostnames;
        }
    }

    record SubnetState(String id, String vpcId, String az, String cidr) {
    }

    static final class RouteTableState {
        final String id;
        final String vpcId;
        final boolean main;
        final List<String> subnetIds = new ArrayList<>();
        final List<RouteEntry> routes = new ArrayList<>();

        RouteTableState(String id, String vpcId, boolean main) {
            this.id = id;
            this.vpcId = vpcId;
            this.main = main;
        }
    }

    /** A route to a CIDR or a prefix list ({@code pl-...}); the target is {@code local} or an endpoint id. */
    record RouteEntry(String cidr, String prefixListId, String target) {
    }

    /** One ingress or egress rule: a protocol and port range, and a CIDR or a group as the peer. */
    record Rule(String protocol, Integer fromPort, Integer toPort, String cidr, String groupId) {
        String peer() {
            return cidr != null ? cidr : groupId;
        }
    }

    static final class GroupState {
        final String id;
        final String vpcId;
        final String name;
        final Map<String, String> tags;
        final List<Rule> ingress = new ArrayList<>();
        final List<Rule> egress = new ArrayList<>(List.of(new Rule("-1", null, null, "0.0.0.0/0", null)));

        GroupState(String id, String vpcId, String name, Map<String, String> tags) {
            this.id = id;
            this.vpcId = vpcId;
            this.name = name;
            this.tags = Map.copyOf(tags);
        }
    }

    static final class EndpointState {
        final String id;
        final String vpcId;
        final String serviceName;
        final String type;
        final Map<String, String> tags;
        final List<String> subnetIds = new ArrayList<>();
        final List<String> groupIds = new ArrayList<>();
        final List<String> routeTableIds = new ArrayList<>();
        String state;
        boolean privateDns;

        EndpointState(String id, String vpcId, String serviceName, String type, String state, Map<String, String> tags) {
            this.id = id;
            this.vpcId = vpcId;
            this.serviceName = serviceName;
            this.type = type;
            this.state = state;
            this.tags = tags;
        }

        boolean isInterface() {
            return type.equals("Interface");
        }
    }

    /** The first request a client token came with (token and dry-run left out), and what it made. */
    record TokenUse(CreateVpcEndpointRequest request, String endpointId) {
    }
}
