package ecsvpce.core.network;

import ecsvpce.core.EndpointService;
import ecsvpce.core.EndpointType;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything the engine knows about one VPC, read once and shared by every decision about it.
 * Built with {@link #of(Vpc)}, so that a new kind of read is one more builder step, not one more
 * positional argument at every construction.
 */
public record NetworkSnapshot(
        Vpc vpc,
        List<Subnet> subnets,
        List<RouteTable> routeTables,
        List<VpcEndpoint> endpoints,
        List<SecurityGroup> securityGroups,
        List<NetworkAcl> networkAcls,
        PrivateZones privateZones) {

    public NetworkSnapshot {
        subnets = List.copyOf(subnets);
        routeTables = List.copyOf(routeTables);
        endpoints = List.copyOf(endpoints);
        securityGroups = List.copyOf(securityGroups);
        networkAcls = List.copyOf(networkAcls);
    }

    /** A snapshot of this VPC with nothing in it yet. */
    public static Builder of(Vpc vpc) {
        return new Builder(vpc);
    }

    public String vpcId() {
        return vpc.id();
    }

    public String region() {
        return vpc.region();
    }

    public Optional<Subnet> subnet(String subnetId) {
        return subnets.stream().filter(s -> s.id().equals(subnetId)).findFirst();
    }

    /** The subnet's route table: its explicit association, else the VPC's main table. */
    public Optional<RouteTable> routeTableOf(String subnetId) {
        return routeTables.stream().filter(t -> t.subnetIds().contains(subnetId)).findFirst()
                .or(() -> routeTables.stream().filter(RouteTable::main).findFirst());
    }

    /** The subnet's network ACL: its explicit association, else the VPC's default ACL. */
    public Optional<NetworkAcl> networkAclOf(String subnetId) {
        return networkAcls.stream().filter(acl -> acl.subnetIds().contains(subnetId)).findFirst()
                .or(() -> networkAcls.stream().filter(NetworkAcl::isDefault).findFirst());
    }

    public Optional<SecurityGroup> securityGroup(String groupId) {
        return securityGroups.stream().filter(g -> g.id().equals(groupId)).findFirst();
    }

    /** Endpoints of a service and type that still exist, ordered by id so every reader picks the same. */
    public List<VpcEndpoint> endpointsFor(EndpointService service, EndpointType type) {
        return endpoints.stream()
                .filter(e -> !e.isGone() && e.type() == type && service.isServedBy(e.serviceName(), region()))
                .sorted(Comparator.comparing(VpcEndpoint::id))
                .toList();
    }

    /** Collects the parts of a snapshot; every part not given is empty. */
    public static final class Builder {
        private final Vpc vpc;
        private List<Subnet> subnets = List.of();
        private List<RouteTable> routeTables = List.of();
        private List<VpcEndpoint> endpoints = List.of();
        private List<SecurityGroup> securityGroups = List.of();
        private List<NetworkAcl> networkAcls = List.of();
        private PrivateZones privateZones = PrivateZones.none();

        private Builder(Vpc vpc) {
            this.vpc = vpc;
        }

        public Builder subnets(List<Subnet> value) {
            subnets = value;
            return this;
        }

        public Builder routeTables(List<RouteTable> value) {
            routeTables = value;
            return this;
        }

        public Builder endpoints(List<VpcEndpoint> value) {
            endpoints = value;
            return this;
        }

        public Builder securityGroups(List<SecurityGroup> value) {
            securityGroups = value;
            return this;
        }

        public Builder networkAcls(List<NetworkAcl> value) {
            networkAcls = value;
            return this;
        }

        public Builder privateZones(PrivateZones value) {
            privateZones = value;
            return this;
        }

        public NetworkSnapshot build() {
            return new NetworkSnapshot(vpc, subnets, routeTables, endpoints, securityGroups, networkAcls, privateZones);
        }
    }
}
