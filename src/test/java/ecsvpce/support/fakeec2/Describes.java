package ecsvpce.support.fakeec2;

import static ecsvpce.support.fakeec2.Ec2Errors.error;
import static ecsvpce.support.fakeec2.Ec2Errors.require;

import ecsvpce.support.fakeec2.Ec2State.EndpointState;
import ecsvpce.support.fakeec2.Ec2State.VpcState;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * The fake's read operations: ids and filters select as EC2 does (an unknown id fails, a filter
 * the fake does not know throws {@code UnsupportedOperationException}), and the paginated ones
 * answer {@value #PAGE_SIZE} results a page, so every paginated read of a real VPC pages.
 */
final class Describes {
    static final int PAGE_SIZE = 2;

    private final Ec2State state;
    private final SdkModel model;

    Describes(Ec2State state, SdkModel model) {
        this.state = state;
        this.model = model;
    }

    DescribeVpcsResponse describeVpcs(DescribeVpcsRequest request) {
        List<VpcState> found = select(state.vpcs, request.vpcIds(), "InvalidVpcID.NotFound", request.filters(),
                "DescribeVpcs", vpc -> name -> switch (name) {
                    case "vpc-id" -> List.of(vpc.id);
                    default -> null;
                });
        return DescribeVpcsResponse.builder().vpcs(found.stream().map(model::vpc).toList()).build();
    }

    /** Every VPC has its default ACL and no other: enough for the snapshot's one read of ACLs. */
    DescribeNetworkAclsResponse describeNetworkAcls(DescribeNetworkAclsRequest request) {
        List<VpcState> found = select(state.vpcs, List.of(), "InvalidVpcID.NotFound", request.filters(),
                "DescribeNetworkAcls", vpc -> name -> switch (name) {
                    case "vpc-id" -> List.of(vpc.id);
                    default -> null;
                });
        return DescribeNetworkAclsResponse.builder().networkAcls(found.stream().map(model::defaultAcl).toList()).build();
    }

    DescribeVpcAttributeResponse describeVpcAttribute(DescribeVpcAttributeRequest request) {
        VpcState vpc = require(state.vpcs, request.vpcId(), "InvalidVpcID.NotFound");
        DescribeVpcAttributeResponse.Builder answer = DescribeVpcAttributeResponse.builder().vpcId(vpc.id);
        if (request.attribute() == VpcAttributeName.ENABLE_DNS_SUPPORT) {
            answer.enableDnsSupport(bool(vpc.dnsSupport));
        } else if (request.attribute() == VpcAttributeName.ENABLE_DNS_HOSTNAMES) {
            answer.enableDnsHostnames(bool(vpc.dnsHostnames));
        } else {
            throw new UnsupportedOperationException("FakeEc2: attribute " + request.attributeAsString());
        }
        return answer.build();
    }

    DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest request) {
        List<Subnet> found = select(state.subnets, request.subnetIds(), "InvalidSubnetID.NotFound", request.filters(),
                "DescribeSubnets", subnet -> name -> switch (name) {
                    case "vpc-id" -> List.of(subnet.vpcId());
                    case "subnet-id" -> List.of(subnet.id());
                    case "availability-zone" -> List.of(subnet.az());
                    default -> null;
                }).stream().map(model::subnet).toList();
        Page<Subnet> page = page(found, request.nextToken(), request.maxResults());
        return DescribeSubnetsResponse.builder().subnets(page.items).nextToken(page.nextToken).build();
    }

    DescribeRouteTablesResponse describeRouteTables(DescribeRouteTablesRequest request) {
        List<RouteTable> found = select(state.routeTables, request.routeTableIds(), "InvalidRouteTableID.NotFound",
                request.filters(), "DescribeRouteTables", table -> name -> switch (name) {
                    case "vpc-id" -> List.of(table.vpcId);
                    case "route-table-id" -> List.of(table.id);
                    case "association.main" -> List.of(Boolean.toString(table.main));
                    case "association.subnet-id" -> List.copyOf(table.subnetIds);
                    default -> null;
                }).stream().map(model::routeTable).toList();
        Page<RouteTable> page = page(found, request.nextToken(), request.maxResults());
        return DescribeRouteTablesResponse.builder().routeTables(page.items).nextToken(page.nextToken).build();
    }

    DescribeVpcEndpointsResponse describeVpcEndpoints(DescribeVpcEndpointsRequest request) {
        List<VpcEndpoint> found = select(state.endpoints, request.vpcEndpointIds(), "InvalidVpcEndpointId.NotFound",
                request.filters(), "DescribeVpcEndpoints", endpoint -> name -> switch (name) {
                    case "vpc-id" -> List.of(endpoint.vpcId);
                    case "service-name" -> List.of(endpoint.serviceName);
                    case "vpc-endpoint-type" -> List.of(endpoint.type);
                    case "vpc-endpoint-state" -> List.of(endpoint.state);
                    case "vpc-endpoint-id" -> List.of(endpoint.id);
                    default -> name.startsWith("tag:") ? tagValue(endpoint, name.substring(4)) : null;
                }).stream().map(model::endpoint).toList();
        Page<VpcEndpoint> page = page(found, request.nextToken(), request.maxResults());
        return DescribeVpcEndpointsResponse.builder().vpcEndpoints(page.items).nextToken(page.nextToken).build();
    }

    DescribeSecurityGroupsResponse describeSecurityGroups(DescribeSecurityGroupsRequest request) {
        List<SecurityGroup> found = select(state.groups, request.groupIds(), "InvalidGroup.NotFound",
                request.filters(), "DescribeSecurityGroups", group -> name -> switch (name) {
                    case "vpc-id" -> List.of(group.vpcId);
                    case "group-name" -> List.of(group.name);
                    case "group-id" -> List.of(group.id);
                    default -> null;
                }).stream().map(model::group).toList();
        Page<SecurityGroup> page = page(found, request.nextToken(), request.maxResults());
        return DescribeSecurityGroupsResponse.builder().securityGroups(page.items).nextToken(page.nextToken).build();
    }

    /** Interfaces are not modelled: every id is unknown, as for a task whose ENI is gone. */
    DescribeNetworkInterfacesResponse describeNetworkInterfaces(DescribeNetworkInterfacesRequest request) {
        if (!request.networkInterfaceIds().isEmpty()) {
            throw error("InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '"
                    + request.networkInterfaceIds().get(0) + "' does not exist");
        }
        return DescribeNetworkInterfacesResponse.builder().networkInterfaces(List.<NetworkInterface>of()).build();
    }

    // ------------------------------------------------------------------------------------ selection

    /** A resource's values for a filter name; null: the fake does not know that filter. */
    private interface FilterValues {
        List<String> of(String filterName);
    }

    /**
     * The resources with these ids (all when none is given; an unknown one fails) that match every
     * filter: some value of the resource is among the filter's values.
     */
    private static <T> List<T> select(Map<String, T> resources, List<String> ids, String notFoundCode,
                                      List<Filter> filters, String operation, Function<T, FilterValues> values) {
        List<T> chosen = ids.isEmpty() ? List.copyOf(resources.values())
                : ids.stream().map(id -> require(resources, id, notFoundCode)).toList();
        return chosen.stream().filter(resource -> filters.stream().allMatch(filter -> {
            List<String> actual = values.apply(resource).of(filter.name());
            if (actual == null) {
                throw new UnsupportedOperationException("FakeEc2: " + operation + " filter " + filter.name());
            }
            return actual.stream().anyMatch(filter.values()::contains);
        })).toList();
    }

    private static List<String> tagValue(EndpointState endpoint, String key) {
        return endpoint.tags.containsKey(key) ? List.of(endpoint.tags.get(key)) : List.of();
    }

    private record Page<T>(List<T> items, String nextToken) {
    }

    private static <T> Page<T> page(List<T> all, String nextToken, Integer maxResults) {
        int size = maxResults != null ? Math.min(maxResults, PAGE_SIZE) : PAGE_SIZE;
        int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
        int to = Math.min(all.size(), from + size);
        return new Page<>(List.copyOf(all.subList(from, to)), to < all.size() ? Integer.toString(to) : null);
    }

    private static AttributeBooleanValue bool(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }
}
