package ecsvpce.aws;

import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.VpcReads;
import ecsvpce.core.EndpointType;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.Route;
import ecsvpce.core.network.RouteTable;
import ecsvpce.core.network.SecurityGroup;
import ecsvpce.core.network.SecurityGroupRule;
import ecsvpce.core.network.Subnet;
import ecsvpce.core.network.Vpc;
import ecsvpce.core.network.VpcEndpoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.RouteState;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;

/**
 * Reads what the engine needs about a VPC in a handful of filtered calls, the independent ones at
 * the same time. Read only.
 */
public final class Ec2NetworkReader implements VpcReads, AutoCloseable {
    /** EC2 accepts at most 200 values in one filter. */
    static final int FILTER_VALUES_PER_CALL = 200;

    private final Ec2Client ec2;
    private final String region;
    private final ExecutorService readers = Executors.newFixedThreadPool(6, runnable -> {
        Thread thread = new Thread(runnable, "ec2-snapshot-reader");
        thread.setDaemon(true);
        return thread;
    });

    public Ec2NetworkReader(Ec2Client ec2, String region) {
        this.ec2 = ec2;
        this.region = region;
    }

    @Override
    public Map<String, String> vpcsOfSubnets(Collection<String> subnetIds) {
        Map<String, String> vpcs = new LinkedHashMap<>();
        List<String> ids = List.copyOf(subnetIds);
        for (int from = 0; from < ids.size(); from += FILTER_VALUES_PER_CALL) {
            List<String> batch = ids.subList(from, Math.min(from + FILTER_VALUES_PER_CALL, ids.size()));
            AwsCall.run("ec2:DescribeSubnets", () -> ec2.describeSubnetsPaginator(r -> r
                            .filters(filter("subnet-id", batch))).subnets().stream().toList())
                    .forEach(subnet -> vpcs.put(subnet.subnetId(), subnet.vpcId()));
        }
        return vpcs;
    }

    @Override
    public Optional<List<String>> securityGroupsOfInterface(String networkInterfaceId) {
        try {
            return AwsCall.run("ec2:DescribeNetworkInterfaces", () -> ec2.describeNetworkInterfaces(
                            r -> r.networkInterfaceIds(networkInterfaceId)))
                    .networkInterfaces().stream().findFirst()
                    .map(eni -> eni.groups().stream().map(g -> g.groupId()).toList());
        } catch (CallFailure.Refused failure) {
            if ("InvalidNetworkInterfaceID.NotFound".equals(failure.errorCode())) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    @Override
    public NetworkSnapshot snapshot(String vpcId) {
        CompletableFuture<software.amazon.awssdk.services.ec2.model.Vpc> vpc = async("ec2:DescribeVpcs",
                () -> ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0));
        CompletableFuture<List<String>> dnsServers = vpc.thenApplyAsync(this::dnsServers, readers);
        CompletableFuture<Boolean> dnsSupport = async("ec2:DescribeVpcAttribute", () -> ec2.describeVpcAttribute(
                r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)).enableDnsSupport())
                .thenApply(AttributeBooleanValue::value);
        CompletableFuture<Boolean> dnsHostnames = async("ec2:DescribeVpcAttribute", () -> ec2.describeVpcAttribute(
                r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames())
                .thenApply(AttributeBooleanValue::value);
        CompletableFuture<List<Subnet>> subnets = async("ec2:DescribeSubnets", () -> ec2
                .describeSubnetsPaginator(r -> r.filters(filter("vpc-id", List.of(vpcId)))).subnets().stream()
                .map(s -> new Subnet(s.subnetId(), s.availabilityZone(), s.cidrBlock(), tags(s.tags())))
                .toList());
        CompletableFuture<List<RouteTable>> routeTables = async("ec2:DescribeRouteTables", () -> ec2
                .describeRouteTablesPaginator(r -> r.filters(filter("vpc-id", List.of(vpcId)))).routeTables().stream()
                .map(Ec2NetworkReader::routeTable).toList());
        CompletableFuture<List<VpcEndpoint>> endpoints = async("ec2:DescribeVpcEndpoints", () -> ec2
                .describeVpcEndpointsPaginator(r -> r.filters(filter("vpc-id", List.of(vpcId)))).vpcEndpoints().stream()
                .map(Ec2NetworkReader::endpoint).toList());
        CompletableFuture<List<SecurityGroup>> groups = async("ec2:DescribeSecurityGroups", () -> ec2
                .describeSecurityGroupsPaginator(r -> r.filters(filter("vpc-id", List.of(vpcId)))).securityGroups()
                .stream()
                .map(g -> new SecurityGroup(g.groupId(), g.groupName(), rules(g.ipPermissions()),
                        rules(g.ipPermissionsEgress()), tags(g.tags())))
                .toList());
        try {
            software.amazon.awssdk.services.ec2.model.Vpc described = vpc.join();
            return NetworkSnapshot.of(new Vpc(vpcId, region, cidrBlocks(described), dnsSupport.join(),
                            dnsHostnames.join(), dnsServers.join(), tags(described.tags())))
                    .subnets(subnets.join()).routeTables(routeTables.join()).endpoints(endpoints.join())
                    .securityGroups(groups.join()).build();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private <T> CompletableFuture<T> async(String iamAction, Supplier<T> call) {
        return CompletableFuture.supplyAsync(() -> AwsCall.run(iamAction, call), readers);
    }

    private List<String> dnsServers(software.amazon.awssdk.services.ec2.model.Vpc vpc) {
        if (vpc.dhcpOptionsId() == null || vpc.dhcpOptionsId().equals("default")) {
            return List.of();
        }
        return AwsCall.run("ec2:DescribeDhcpOptions", () -> ec2.describeDhcpOptions(r -> r.dhcpOptionsIds(vpc.dhcpOptionsId())))
                .dhcpOptions().stream()
                .flatMap(options -> options.dhcpConfigurations().stream())
                .filter(config -> "domain-name-servers".equals(config.key()))
                .flatMap(config -> config.values().stream())
                .map(value -> value.value())
                .toList();
    }

    private static List<String> cidrBlocks(software.amazon.awssdk.services.ec2.model.Vpc vpc) {
        List<String> blocks = vpc.cidrBlockAssociationSet().stream()
                .filter(a -> a.cidrBlockState() == null || a.cidrBlockState().state() == VpcCidrBlockStateCode.ASSOCIATED)
                .map(a -> a.cidrBlock())
                .toList();
        return blocks.isEmpty() && vpc.cidrBlock() != null ? List.of(vpc.cidrBlock()) : blocks;
    }

    private static RouteTable routeTable(software.amazon.awssdk.services.ec2.model.RouteTable table) {
        boolean main = table.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main()));
        List<String> subnets = table.associations().stream()
                .map(a -> a.subnetId()).filter(id -> id != null).toList();
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

    private static VpcEndpoint endpoint(software.amazon.awssdk.services.ec2.model.VpcEndpoint e) {
        return new VpcEndpoint(e.vpcEndpointId(), e.serviceName(),
                EndpointType.fromAwsName(e.vpcEndpointTypeAsString()).orElse(null),
                e.stateAsString(), Boolean.TRUE.equals(e.privateDnsEnabled()), e.subnetIds(),
                e.groups().stream().map(g -> g.groupId()).toList(), e.routeTableIds(), tags(e.tags()));
    }

    private static List<SecurityGroupRule> rules(List<IpPermission> permissions) {
        List<SecurityGroupRule> rules = new ArrayList<>();
        for (IpPermission p : permissions) {
            rules.add(new SecurityGroupRule(p.ipProtocol(), p.fromPort(), p.toPort(),
                    p.ipRanges().stream().map(range -> range.cidrIp()).toList(),
                    p.userIdGroupPairs().stream().map(pair -> pair.groupId()).toList(),
                    p.prefixListIds().stream().map(pl -> pl.prefixListId()).toList()));
        }
        return rules;
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }

    private static Filter filter(String name, List<String> values) {
        return Filter.builder().name(name).values(values).build();
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }
}
