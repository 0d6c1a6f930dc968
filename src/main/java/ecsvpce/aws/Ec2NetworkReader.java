package ecsvpce.aws;

import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.VpcReads;
import ecsvpce.core.network.NetworkAcl;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.PrivateZones;
import ecsvpce.core.network.RouteTable;
import ecsvpce.core.network.SecurityGroup;
import ecsvpce.core.network.Subnet;
import ecsvpce.core.network.VpcEndpoint;
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
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Reads what the engine needs about a VPC in a handful of filtered calls, one per kind, the
 * independent ones at the same time: EC2's, and the private hosted zones associated with the VPC
 * ({@link Route53ZoneReader}). Read only.
 */
public final class Ec2NetworkReader implements VpcReads, AutoCloseable {
    /** EC2 accepts at most 200 values in one filter. */
    static final int FILTER_VALUES_PER_CALL = 200;

    private final Ec2Client ec2;
    private final Route53ZoneReader route53;
    private final String region;
    private final ExecutorService readers;

    public Ec2NetworkReader(Ec2Client ec2, Route53Client route53, String region) {
        this(ec2, new Route53ZoneReader(route53), region, Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "ec2-snapshot-reader");
            thread.setDaemon(true);
            return thread;
        }));
    }

    private Ec2NetworkReader(Ec2Client ec2, Route53ZoneReader route53, String region, ExecutorService readers) {
        this.ec2 = ec2;
        this.route53 = route53;
        this.region = region;
        this.readers = readers;
    }

    /** The same clients and threads; a hosted zone's records read once for the run (a hub's zones serve many VPCs). */
    @Override
    public VpcReads forOneRun() {
        return new Ec2NetworkReader(ec2, route53.recordsReadOncePerZone(), region, readers);
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
        CompletableFuture<Vpc> vpc = async("ec2:DescribeVpcs", () -> ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0));
        CompletableFuture<List<String>> dnsServers = vpc.thenApplyAsync(this::dnsServers, readers);
        CompletableFuture<Boolean> dnsSupport = async("ec2:DescribeVpcAttribute", () -> ec2.describeVpcAttribute(
                r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)).enableDnsSupport())
                .thenApply(AttributeBooleanValue::value);
        CompletableFuture<Boolean> dnsHostnames = async("ec2:DescribeVpcAttribute", () -> ec2.describeVpcAttribute(
                r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames())
                .thenApply(AttributeBooleanValue::value);
        CompletableFuture<List<Subnet>> subnets = async("ec2:DescribeSubnets", () -> ec2
                .describeSubnetsPaginator(r -> r.filters(inVpc(vpcId))).subnets().stream().map(Ec2Model::subnet).toList());
        CompletableFuture<List<RouteTable>> routeTables = async("ec2:DescribeRouteTables", () -> ec2
                .describeRouteTablesPaginator(r -> r.filters(inVpc(vpcId))).routeTables().stream()
                .map(Ec2Model::routeTable).toList());
        CompletableFuture<List<VpcEndpoint>> endpoints = async("ec2:DescribeVpcEndpoints", () -> ec2
                .describeVpcEndpointsPaginator(r -> r.filters(inVpc(vpcId))).vpcEndpoints().stream()
                .map(Ec2Model::endpoint).toList());
        CompletableFuture<List<SecurityGroup>> groups = async("ec2:DescribeSecurityGroups", () -> ec2
                .describeSecurityGroupsPaginator(r -> r.filters(inVpc(vpcId))).securityGroups().stream()
                .map(Ec2Model::securityGroup).toList());
        CompletableFuture<List<NetworkAcl>> acls = async("ec2:DescribeNetworkAcls", () -> ec2
                .describeNetworkAclsPaginator(r -> r.filters(inVpc(vpcId))).networkAcls().stream()
                .map(Ec2Model::networkAcl).toList());
        CompletableFuture<PrivateZones> zones = CompletableFuture.supplyAsync(() -> route53.zones(vpcId, region), readers);
        try {
            Vpc described = vpc.join();
            return NetworkSnapshot.of(new ecsvpce.core.network.Vpc(vpcId, described.ownerId(), region,
                            Ec2Model.cidrBlocks(described), dnsSupport.join(), dnsHostnames.join(), dnsServers.join(),
                            "default".equals(described.dhcpOptionsId()) ? null : described.dhcpOptionsId(),
                            Ec2Model.tags(described.tags())))
                    .subnets(subnets.join()).routeTables(routeTables.join()).endpoints(endpoints.join())
                    .securityGroups(groups.join()).networkAcls(acls.join()).privateZones(zones.join()).build();
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

    private List<String> dnsServers(Vpc vpc) {
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

    private static Filter filter(String name, List<String> values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static Filter inVpc(String vpcId) {
        return filter("vpc-id", List.of(vpcId));
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }
}
