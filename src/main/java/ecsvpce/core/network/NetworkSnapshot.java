package ecsvpce.core.network;

import ecsvpce.core.EndpointService;
import ecsvpce.core.EndpointType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the engine knows about one VPC, read once and shared by every decision about it.
 *
 * @param region              the VPC's region (endpoint service names depend on it)
 * @param cidrBlocks          the VPC's associated IPv4 CIDR blocks
 * @param dnsSupport          VPC attribute {@code enableDnsSupport}
 * @param dnsHostnames        VPC attribute {@code enableDnsHostnames}
 * @param dnsServers          the DHCP option set's {@code domain-name-servers}; empty means Amazon's
 * @param tags                the VPC's tags
 */
public record NetworkSnapshot(
        String vpcId,
        String region,
        List<String> cidrBlocks,
        boolean dnsSupport,
        boolean dnsHostnames,
        List<String> dnsServers,
        Map<String, String> tags,
        List<Subnet> subnets,
        List<RouteTable> routeTables,
        List<VpcEndpoint> endpoints,
        List<SecurityGroup> securityGroups) {

    public NetworkSnapshot {
        cidrBlocks = List.copyOf(cidrBlocks);
        dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        subnets = List.copyOf(subnets);
        routeTables = List.copyOf(routeTables);
        endpoints = List.copyOf(endpoints);
        securityGroups = List.copyOf(securityGroups);
    }

    public Optional<Subnet> subnet(String subnetId) {
        return subnets.stream().filter(s -> s.id().equals(subnetId)).findFirst();
    }

    /** The subnet's route table: its explicit association, else the VPC's main table. */
    public Optional<RouteTable> routeTableOf(String subnetId) {
        return routeTables.stream().filter(t -> t.subnetIds().contains(subnetId)).findFirst()
                .or(() -> routeTables.stream().filter(RouteTable::main).findFirst());
    }

    public Optional<SecurityGroup> securityGroup(String groupId) {
        return securityGroups.stream().filter(g -> g.id().equals(groupId)).findFirst();
    }

    /** Endpoints of a service and type that still exist, ordered by id so every reader picks the same. */
    public List<VpcEndpoint> endpointsFor(EndpointService service, EndpointType type) {
        return endpoints.stream()
                .filter(e -> !e.isGone() && e.type() == type && service.isServedBy(e.serviceName(), region))
                .sorted(Comparator.comparing(VpcEndpoint::id))
                .toList();
    }

    /** Whether the DHCP options point the VPC at DNS servers other than Amazon's. */
    public boolean usesCustomDns() {
        return dnsServers.stream().anyMatch(server -> !server.equalsIgnoreCase("AmazonProvidedDNS"));
    }
}
