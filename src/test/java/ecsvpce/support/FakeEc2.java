package ecsvpce.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteState;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * An in-memory EC2 that answers the calls the product makes, with AWS's conflict rules, for fast
 * and deterministic race tests (no moto, no HTTP, no SDK retries).
 *
 * <p>SDK v2 client interfaces implement every operation as a default method that throws
 * {@code UnsupportedOperationException}; the {@code Consumer<Builder>} overloads and the
 * paginators delegate to the request overloads, so only those are overridden here: the reads
 * ({@code DescribeVpcs}, {@code DescribeVpcAttribute}, {@code DescribeSubnets},
 * {@code DescribeRouteTables}, {@code DescribeVpcEndpoints}, {@code DescribeSecurityGroups},
 * {@code DescribeNetworkInterfaces}; the paginated ones really paginate, {@link #pageSize} results
 * a page) and the writes ({@code CreateSecurityGroup}, {@code AuthorizeSecurityGroupIngress},
 * {@code CreateVpcEndpoint}, {@code ModifyVpcEndpoint}, {@code ModifyVpcAttribute}).
 *
 * <p>AWS's rules it enforces (FACTS.md section 2, MOTO-GAPS.md), each as one atomic check-then-act:
 * <ul>
 *   <li>{@code CreateVpcEndpoint} {@code ClientToken}: the same request again answers the endpoint
 *       the token first made (whatever its state now); any other parameter, tags included, fails
 *       with {@code IdempotentParameterMismatch};</li>
 *   <li>a second private-DNS interface endpoint for a service in a VPC (create or modify) fails with
 *       {@code InvalidParameter}, "conflicting DNS domain";</li>
 *   <li>private DNS needs both VPC DNS attributes ({@code InvalidParameter});</li>
 *   <li>two subnets of one AZ on an interface endpoint: {@code DuplicateSubnetsInSameZone};</li>
 *   <li>a security group name taken in the VPC: {@code InvalidGroup.Duplicate};</li>
 *   <li>an ingress rule that exists: {@code InvalidPermission.Duplicate} (nothing of the call applied);</li>
 *   <li>a route table that already routes a gateway service's prefix list to another endpoint of the
 *       same service: {@code RouteAlreadyExists} (inferred from public reports of AWS refusing a
 *       second S3 gateway on one route table; the exact code is not documented);</li>
 *   <li>an interface endpoint created without groups gets the VPC's default group.</li>
 * </ul>
 * New endpoints are {@code available} at once (as in moto) unless {@link #newEndpointState} says
 * otherwise (AWS: {@code pending} for a minute or two).
 *
 * <p>Interleaving: {@link #beforeEachCall} runs a hook on the caller's thread before every call
 * (outside the lock), e.g. {@link #barrierBeforeFirstWrite} so that every invocation has read the
 * VPC before any write lands.
 */
public final class FakeEc2 implements Ec2Client {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "123456789012";

    private static final Set<String> WRITES = Set.of("CreateSecurityGroup", "AuthorizeSecurityGroupIngress",
            "CreateVpcEndpoint", "ModifyVpcEndpoint", "ModifyVpcAttribute");

    /** Called before each operation, on the caller's thread. */
    @FunctionalInterface
    public interface Hook {
        void before(String operation, SdkRequest request);
    }

    /** One recorded call: the operation, the calling thread, and how it ended (null: success). */
    public record Call(String operation, String thread, String errorCode) {
        public boolean isWrite() {
            return WRITES.contains(operation);
        }
    }

    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, VpcState> vpcs = new LinkedHashMap<>();
    private final Map<String, SubnetState> subnets = new LinkedHashMap<>();
    private final Map<String, RouteTableState> routeTables = new LinkedHashMap<>();
    private final Map<String, GroupState> groups = new LinkedHashMap<>();
    private final Map<String, EndpointState> endpoints = new LinkedHashMap<>();
    private final Map<String, TokenUse> tokens = new LinkedHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Boolean> hooksOff = ThreadLocal.withInitial(() -> false);
    private volatile int pageSize = 2;
    private volatile String newEndpointState = "available";

    // ------------------------------------------------------------------------------------ set-up

    /** Results per page of the paginated reads (2: every paginated read of a real VPC pages). */
    public FakeEc2 pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /** The state of a new endpoint: {@code available} (moto, default) or {@code pending} (AWS). */
    public FakeEc2 newEndpointState(String state) {
        this.newEndpointState = state;
        return this;
    }

    /** Runs before every call on the caller's thread, outside the lock; hooks run in the order added. */
    public FakeEc2 beforeEachCall(Hook hook) {
        hooks.add(hook);
        return this;
    }

    /**
     * Runs calls as another invocation would, from inside a hook: no hook sees them (so a hook can
     * make the write it is about to let through, without calling itself).
     */
    public <T> T asAnotherCaller(java.util.function.Supplier<T> calls) {
        boolean was = hooksOff.get();
        hooksOff.set(true);
        try {
            return calls.get();
        } finally {
            hooksOff.set(was);
        }
    }

    /**
     * A hook that holds the first write of each calling thread until {@code parties} threads are
     * waiting there: every invocation has then read the VPC as it was, and none has changed it.
     */
    public static Hook barrierBeforeFirstWrite(int parties, Duration timeout) {
        CyclicBarrier barrier = new CyclicBarrier(parties);
        ThreadLocal<Boolean> passed = ThreadLocal.withInitial(() -> false);
        return (operation, request) -> {
            if (!WRITES.contains(operation) || passed.get()) {
                return;
            }
            passed.set(true);
            try {
                barrier.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at the write barrier", e);
            } catch (BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("not all " + parties + " callers reached their first write within "
                        + timeout + " (one wrote nothing?)", e);
            }
        };
    }

    /** The seed article's isolated VPC: what {@code FargateScenario.builder()} builds, with no endpoints. */
    public Seed seedVpc() {
        return seedVpc("10.0.0.0/16", "us-east-1a", "10.0.1.0/24");
    }

    public synchronized Seed seedVpc(String vpcCidr, String az, String subnetCidr) {
        String vpcId = addVpc(vpcCidr, true, true);
        String subnetId = addSubnet(vpcId, az, subnetCidr, true);
        String taskGroup = addGroup(vpcId, "seed-task", Map.of("Name", "seed-task"));
        return new Seed(vpcId, subnetId, routeTableOf(subnetId), mainRouteTable(vpcId), taskGroup);
    }

    /** Ids of a seed VPC. */
    public record Seed(String vpcId, String subnetId, String routeTableId, String mainRouteTableId,
                       String taskSecurityGroupId) {
    }

    /** A VPC with its main route table and default group (all traffic from itself, as AWS makes it). */
    public synchronized String addVpc(String cidr, boolean dnsSupport, boolean dnsHostnames) {
        String vpcId = id("vpc");
        vpcs.put(vpcId, new VpcState(vpcId, cidr, dnsSupport, dnsHostnames));
        String main = id("rtb");
        RouteTableState table = new RouteTableState(main, vpcId, true);
        table.routes.add(new RouteEntry(cidr, null, "local"));
        routeTables.put(main, table);
        GroupState defaultGroup = new GroupState(id("sg"), vpcId, "default", Map.of());
        defaultGroup.ingress.add(new Rule("-1", null, null, null, defaultGroup.id));
        groups.put(defaultGroup.id, defaultGroup);
        return vpcId;
    }

    /** A subnet, with a route table of its own (explicitly associated) or on the main table. */
    public synchronized String addSubnet(String vpcId, String az, String cidr, boolean ownRouteTable) {
        String subnetId = id("subnet");
        subnets.put(subnetId, new SubnetState(subnetId, vpcId, az, cidr));
        if (ownRouteTable) {
            RouteTableState table = new RouteTableState(id("rtb"), vpcId, false);
            table.routes.add(new RouteEntry(vpcs.get(vpcId).cidr, null, "local"));
            table.subnetIds.add(subnetId);
            routeTables.put(table.id, table);
        }
        return subnetId;
    }

    /** A security group with all egress and no ingress. */
    public synchronized String addGroup(String vpcId, String name, Map<String, String> tags) {
        GroupState group = new GroupState(id("sg"), vpcId, name, tags);
        groups.put(group.id, group);
        return group.id;
    }

    /** Switches a VPC DNS attribute directly (no AWS rule checked). */
    public synchronized void setDnsAttributes(String vpcId, boolean support, boolean hostnames) {
        vpcs.get(vpcId).dnsSupport = support;
        vpcs.get(vpcId).dnsHostnames = hostnames;
    }

    /** Moves every endpoint in {@code from} (e.g. pending) to {@code available}. */
    public synchronized void settleEndpoints(String from) {
        endpoints.values().stream().filter(e -> e.state.equals(from)).forEach(e -> e.state = "available");
    }

    /** Deletes an endpoint as DeleteVpcEndpoints does: it stays listed as {@code deleted}, its routes go. */
    public synchronized void deleteEndpoint(String endpointId) {
        EndpointState endpoint = endpoints.get(endpointId);
        endpoint.state = "deleted";
        routeTables.values().forEach(t -> t.routes.removeIf(r -> endpointId.equals(r.target)));
    }

    // ------------------------------------------------------------------------------------ read-back

    /** The live endpoints of a VPC (not deleted). */
    public synchronized List<VpcEndpoint> liveEndpoints(String vpcId) {
        return endpoints.values().stream().filter(e -> e.vpcId.equals(vpcId) && !e.state.equals("deleted"))
                .map(this::endpoint).toList();
    }

    /** How many live endpoints each service (short name: {@code ssm}, {@code s3}) has in a VPC. */
    public synchronized Map<String, Long> endpointCountByService(String vpcId) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        liveEndpoints(vpcId).forEach(e -> counts.merge(shortName(e.serviceName()), 1L, Long::sum));
        return counts;
    }

    public synchronized List<SecurityGroup> securityGroups(String vpcId) {
        return groups.values().stream().filter(g -> g.vpcId.equals(vpcId)).map(this::group).toList();
    }

    /** The routes of a route table, e.g. the S3 gateway's {@code pl-...} route. */
    public synchronized List<Route> routes(String routeTableId) {
        return routeTable(routeTables.get(routeTableId)).routes();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public long count(String operation) {
        return calls.stream().filter(c -> c.operation.equals(operation)).count();
    }

    public long errors(String errorCode) {
        return calls.stream().filter(c -> errorCode.equals(c.errorCode)).count();
    }

    public List<Call> writes() {
        return calls.stream().filter(Call::isWrite).toList();
    }

    // ------------------------------------------------------------------------------------ reads

    @Override
    public DescribeVpcsResponse describeVpcs(DescribeVpcsRequest request) {
        return call("DescribeVpcs", request, () -> {
            List<Vpc> found = new ArrayList<>();
            for (VpcState vpc : selected(vpcs, request.vpcIds(), "InvalidVpcID.NotFound")) {
                if (matches(request.filters(), name -> switch (name) {
                    case "vpc-id" -> List.of(vpc.id);
                    default -> unsupported("DescribeVpcs", name);
                })) {
                    found.add(Vpc.builder().vpcId(vpc.id).cidrBlock(vpc.cidr).dhcpOptionsId("default")
                            .state("available").ownerId(ACCOUNT_ID).isDefault(false)
                            .cidrBlockAssociationSet(VpcCidrBlockAssociation.builder().cidrBlock(vpc.cidr)
                                    .associationId(vpc.id.replace("vpc-", "vpc-cidr-assoc-"))
                                    .cidrBlockState(s -> s.state(VpcCidrBlockStateCode.ASSOCIATED)).build())
                            .build());
                }
            }
            return DescribeVpcsResponse.builder().vpcs(found).build();
        });
    }

    @Override
    public DescribeVpcAttributeResponse describeVpcAttribute(DescribeVpcAttributeRequest request) {
        return call("DescribeVpcAttribute", request, () -> {
            VpcState vpc = require(vpcs, request.vpcId(), "InvalidVpcID.NotFound");
            DescribeVpcAttributeResponse.Builder answer = DescribeVpcAttributeResponse.builder().vpcId(vpc.id);
            if (request.attribute() == VpcAttributeName.ENABLE_DNS_SUPPORT) {
                answer.enableDnsSupport(bool(vpc.dnsSupport));
            } else if (request.attribute() == VpcAttributeName.ENABLE_DNS_HOSTNAMES) {
                answer.enableDnsHostnames(bool(vpc.dnsHostnames));
            } else {
                throw new UnsupportedOperationException("FakeEc2: attribute " + request.attributeAsString());
            }
            return answer.build();
        });
    }

    @Override
    public DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest request) {
        return call("DescribeSubnets", request, () -> {
            List<Subnet> found = new ArrayList<>();
            for (SubnetState subnet : selected(subnets, request.subnetIds(), "InvalidSubnetID.NotFound")) {
                if (matches(request.filters(), name -> switch (name) {
                    case "vpc-id" -> List.of(subnet.vpcId);
                    case "subnet-id" -> List.of(subnet.id);
                    case "availability-zone" -> List.of(subnet.az);
                    default -> unsupported("DescribeSubnets", name);
                })) {
                    found.add(Subnet.builder().subnetId(subnet.id).vpcId(subnet.vpcId).availabilityZone(subnet.az)
                            .cidrBlock(subnet.cidr).state("available").build());
                }
            }
            Page<Subnet> page = page(found, request.nextToken(), request.maxResults());
            return DescribeSubnetsResponse.builder().subnets(page.items).nextToken(page.nextToken).build();
        });
    }

    @Override
    public DescribeRouteTablesResponse describeRouteTables(DescribeRouteTablesRequest request) {
        return call("DescribeRouteTables", request, () -> {
            List<RouteTable> found = new ArrayList<>();
            for (RouteTableState table : selected(routeTables, request.routeTableIds(), "InvalidRouteTableID.NotFound")) {
                if (matches(request.filters(), name -> switch (name) {
                    case "vpc-id" -> List.of(table.vpcId);
                    case "route-table-id" -> List.of(table.id);
                    case "association.main" -> List.of(Boolean.toString(table.main));
                    case "association.subnet-id" -> List.copyOf(table.subnetIds);
                    default -> unsupported("DescribeRouteTables", name);
                })) {
                    found.add(routeTable(table));
                }
            }
            Page<RouteTable> page = page(found, request.nextToken(), request.maxResults());
            return DescribeRouteTablesResponse.builder().routeTables(page.items).nextToken(page.nextToken).build();
        });
    }

    @Override
    public DescribeVpcEndpointsResponse describeVpcEndpoints(DescribeVpcEndpointsRequest request) {
        return call("DescribeVpcEndpoints", request, () -> {
            List<VpcEndpoint> found = new ArrayList<>();
            for (EndpointState endpoint : selected(endpoints, request.vpcEndpointIds(), "InvalidVpcEndpointId.NotFound")) {
                if (matches(request.filters(), name -> switch (name) {
                    case "vpc-id" -> List.of(endpoint.vpcId);
                    case "service-name" -> List.of(endpoint.serviceName);
                    case "vpc-endpoint-type" -> List.of(endpoint.type);
                    case "vpc-endpoint-state" -> List.of(endpoint.state);
                    case "vpc-endpoint-id" -> List.of(endpoint.id);
                    default -> name.startsWith("tag:") && endpoint.tags.containsKey(name.substring(4))
                            ? List.of(endpoint.tags.get(name.substring(4))) : name.startsWith("tag:") ? List.of()
                            : unsupported("DescribeVpcEndpoints", name);
                })) {
                    found.add(endpoint(endpoint));
                }
            }
            Page<VpcEndpoint> page = page(found, request.nextToken(), request.maxResults());
            return DescribeVpcEndpointsResponse.builder().vpcEndpoints(page.items).nextToken(page.nextToken).build();
        });
    }

    @Override
    public DescribeSecurityGroupsResponse describeSecurityGroups(DescribeSecurityGroupsRequest request) {
        return call("DescribeSecurityGroups", request, () -> {
            List<SecurityGroup> found = new ArrayList<>();
            for (GroupState group : selected(groups, request.groupIds(), "InvalidGroup.NotFound")) {
                if (matches(request.filters(), name -> switch (name) {
                    case "vpc-id" -> List.of(group.vpcId);
                    case "group-name" -> List.of(group.name);
                    case "group-id" -> List.of(group.id);
                    default -> unsupported("DescribeSecurityGroups", name);
                })) {
                    found.add(group(group));
                }
            }
            Page<SecurityGroup> page = page(found, request.nextToken(), request.maxResults());
            return DescribeSecurityGroupsResponse.builder().securityGroups(page.items).nextToken(page.nextToken).build();
        });
    }

    /** Interfaces are not modelled: every id is unknown, as for a task whose ENI is gone. */
    @Override
    public DescribeNetworkInterfacesResponse describeNetworkInterfaces(DescribeNetworkInterfacesRequest request) {
        return call("DescribeNetworkInterfaces", request, () -> {
            if (!request.networkInterfaceIds().isEmpty()) {
                throw error("InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '"
                        + request.networkInterfaceIds().get(0) + "' does not exist");
            }
            return DescribeNetworkInterfacesResponse.builder().networkInterfaces(List.<NetworkInterface>of()).build();
        });
    }

    // ------------------------------------------------------------------------------------ writes

    @Override
    public CreateSecurityGroupResponse createSecurityGroup(CreateSecurityGroupRequest request) {
        return call("CreateSecurityGroup", request, () -> {
            VpcState vpc = require(vpcs, request.vpcId(), "InvalidVpcID.NotFound");
            if (groups.values().stream().anyMatch(g -> g.vpcId.equals(vpc.id) && g.name.equals(request.groupName()))) {
                throw error("InvalidGroup.Duplicate", "The security group '" + request.groupName()
                        + "' already exists for VPC '" + vpc.id + "'");
            }
            GroupState group = new GroupState(id("sg"), vpc.id, request.groupName(),
                    tags(request.tagSpecifications(), ResourceType.SECURITY_GROUP));
            groups.put(group.id, group);
            return CreateSecurityGroupResponse.builder().groupId(group.id).build();
        });
    }

    @Override
    public AuthorizeSecurityGroupIngressResponse authorizeSecurityGroupIngress(AuthorizeSecurityGroupIngressRequest request) {
        return call("AuthorizeSecurityGroupIngress", request, () -> {
            GroupState group = require(groups, request.groupId(), "InvalidGroup.NotFound");
            List<Rule> rules = new ArrayList<>();
            for (IpPermission permission : request.ipPermissions()) {
                for (IpRange range : permission.ipRanges()) {
                    rules.add(new Rule(permission.ipProtocol(), permission.fromPort(), permission.toPort(),
                            range.cidrIp(), null));
                }
                permission.userIdGroupPairs().forEach(pair -> rules.add(new Rule(permission.ipProtocol(),
                        permission.fromPort(), permission.toPort(), null, pair.groupId())));
            }
            for (Rule rule : rules) {
                if (group.ingress.contains(rule)) {
                    throw error("InvalidPermission.Duplicate", "the specified rule \"peer: " + rule.peer() + ", "
                            + rule.protocol.toUpperCase(Locale.ROOT) + ", from port: " + rule.fromPort + ", to port: "
                            + rule.toPort + ", ALLOW\" already exists");
                }
            }
            group.ingress.addAll(rules);
            return AuthorizeSecurityGroupIngressResponse.builder().returnValue(true).build();
        });
    }

    @Override
    public CreateVpcEndpointResponse createVpcEndpoint(CreateVpcEndpointRequest request) {
        return call("CreateVpcEndpoint", request, () -> {
            CreateVpcEndpointRequest withoutToken = request.toBuilder().clientToken(null).dryRun(null).build();
            if (request.clientToken() != null && tokens.containsKey(request.clientToken())) {
                TokenUse first = tokens.get(request.clientToken());
                if (!first.request.equals(withoutToken)) {
                    throw error("IdempotentParameterMismatch", "Arguments on this idempotent request are "
                            + "inconsistent with arguments used in previous request(s).");
                }
                return CreateVpcEndpointResponse.builder().vpcEndpoint(endpoint(endpoints.get(first.endpointId)))
                        .clientToken(request.clientToken()).build();
            }
            VpcState vpc = require(vpcs, request.vpcId(), "InvalidVpcID.NotFound");
            boolean isInterface = request.vpcEndpointType() == VpcEndpointType.INTERFACE;
            EndpointState endpoint = new EndpointState(id("vpce"), vpc.id, request.serviceName(),
                    isInterface ? "Interface" : "Gateway", newEndpointState,
                    tags(request.tagSpecifications(), ResourceType.VPC_ENDPOINT));
            if (isInterface) {
                List<String> subnetIds = request.subnetIds();
                checkSubnets(vpc.id, List.of(), subnetIds);
                boolean privateDns = !Boolean.FALSE.equals(request.privateDnsEnabled());
                if (privateDns) {
                    checkPrivateDns(vpc, request.serviceName(), null);
                }
                List<String> groupIds = request.securityGroupIds().isEmpty()
                        ? List.of(defaultGroup(vpc.id)) : request.securityGroupIds();
                groupIds.forEach(id -> require(groups, id, "InvalidGroup.NotFound"));
                endpoint.privateDns = privateDns;
                endpoint.subnetIds.addAll(subnetIds);
                endpoint.groupIds.addAll(groupIds);
            } else {
                for (String tableId : request.routeTableIds()) {
                    checkRouteTableFree(require(routeTables, tableId, "InvalidRouteTableID.NotFound"),
                            request.serviceName(), null);
                }
                endpoint.routeTableIds.addAll(request.routeTableIds());
                request.routeTableIds().forEach(id -> routeTables.get(id).routes
                        .add(new RouteEntry(null, prefixList(request.serviceName()), endpoint.id)));
            }
            endpoints.put(endpoint.id, endpoint);
            if (request.clientToken() != null) {
                tokens.put(request.clientToken(), new TokenUse(withoutToken, endpoint.id));
            }
            return CreateVpcEndpointResponse.builder().vpcEndpoint(endpoint(endpoint))
                    .clientToken(request.clientToken()).build();
        });
    }

    @Override
    public ModifyVpcEndpointResponse modifyVpcEndpoint(ModifyVpcEndpointRequest request) {
        return call("ModifyVpcEndpoint", request, () -> {
            EndpointState endpoint = require(endpoints, request.vpcEndpointId(), "InvalidVpcEndpointId.NotFound");
            VpcState vpc = vpcs.get(endpoint.vpcId);
            boolean isInterface = endpoint.type.equals("Interface");
            // Validate everything before changing anything, as AWS does.
            if (isInterface && !request.addSubnetIds().isEmpty()) {
                checkSubnets(vpc.id, endpoint.subnetIds, request.addSubnetIds());
            }
            if (isInterface && Boolean.TRUE.equals(request.privateDnsEnabled()) && !endpoint.privateDns) {
                checkPrivateDns(vpc, endpoint.serviceName, endpoint.id);
            }
            request.addSecurityGroupIds().forEach(id -> require(groups, id, "InvalidGroup.NotFound"));
            List<String> newTables = request.addRouteTableIds().stream()
                    .filter(id -> !endpoint.routeTableIds.contains(id)).toList();
            for (String tableId : newTables) {
                checkRouteTableFree(require(routeTables, tableId, "InvalidRouteTableID.NotFound"),
                        endpoint.serviceName, endpoint.id);
            }
            request.addSubnetIds().stream().filter(id -> !endpoint.subnetIds.contains(id)).forEach(endpoint.subnetIds::add);
            request.addSecurityGroupIds().stream().filter(id -> !endpoint.groupIds.contains(id)).forEach(endpoint.groupIds::add);
            for (String tableId : newTables) {
                endpoint.routeTableIds.add(tableId);
                routeTables.get(tableId).routes.add(new RouteEntry(null, prefixList(endpoint.serviceName), endpoint.id));
            }
            if (isInterface && request.privateDnsEnabled() != null) {
                endpoint.privateDns = request.privateDnsEnabled();
            }
            return ModifyVpcEndpointResponse.builder().returnValue(true).build();
        });
    }

    @Override
    public ModifyVpcAttributeResponse modifyVpcAttribute(ModifyVpcAttributeRequest request) {
        return call("ModifyVpcAttribute", request, () -> {
            VpcState vpc = require(vpcs, request.vpcId(), "InvalidVpcID.NotFound");
            if ((request.enableDnsSupport() == null) == (request.enableDnsHostnames() == null)) {
                throw error("InvalidParameterCombination", "Only one attribute can be modified at a time");
            }
            if (request.enableDnsSupport() != null) {
                vpc.dnsSupport = request.enableDnsSupport().value();
            } else {
                vpc.dnsHostnames = request.enableDnsHostnames().value();
            }
            return ModifyVpcAttributeResponse.builder().build();
        });
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    // ------------------------------------------------------------------------------------ rules

    private void checkSubnets(String vpcId, Collection<String> kept, List<String> added) {
        Set<String> zones = new LinkedHashSet<>();
        for (String subnetId : kept) {
            zones.add(subnets.get(subnetId).az);
        }
        for (String subnetId : added) {
            SubnetState subnet = require(subnets, subnetId, "InvalidSubnetID.NotFound");
            if (!subnet.vpcId.equals(vpcId)) {
                throw error("InvalidParameter", "The subnet " + subnetId + " is not in VPC " + vpcId);
            }
            if (!zones.add(subnet.az) && !kept.contains(subnetId)) {
                throw error("DuplicateSubnetsInSameZone", "Found another VPC endpoint subnet in the availability zone of "
                        + subnetId + ". VPC endpoint subnets should be in different availability zones supported by the "
                        + "VPC endpoint service.");
            }
        }
    }

    private void checkPrivateDns(VpcState vpc, String serviceName, String exceptEndpointId) {
        if (!vpc.dnsSupport || !vpc.dnsHostnames) {
            throw error("InvalidParameter", "Enabling private DNS requires both enableDnsSupport and "
                    + "enableDnsHostnames VPC attributes set to true for " + vpc.id);
        }
        boolean taken = endpoints.values().stream().anyMatch(other -> !other.id.equals(exceptEndpointId)
                && other.vpcId.equals(vpc.id) && other.serviceName.equals(serviceName)
                && other.type.equals("Interface") && other.privateDns && isLive(other));
        if (taken) {
            throw error("InvalidParameter", "private-dns-enabled cannot be set because there is already a "
                    + "conflicting DNS domain for " + privateDnsName(serviceName) + " in the VPC " + vpc.id);
        }
    }

    private void checkRouteTableFree(RouteTableState table, String serviceName, String exceptEndpointId) {
        String prefixList = prefixList(serviceName);
        boolean taken = table.routes.stream().anyMatch(r -> prefixList.equals(r.prefixListId)
                && !Objects.equals(r.target, exceptEndpointId));
        if (taken) {
            throw error("RouteAlreadyExists", "route table " + table.id + " already has a route with "
                    + "destination-prefix-list-id " + prefixList);
        }
    }

    private static boolean isLive(EndpointState endpoint) {
        return !Set.of("deleted", "deleting", "rejected", "failed").contains(endpoint.state);
    }

    private String defaultGroup(String vpcId) {
        return groups.values().stream().filter(g -> g.vpcId.equals(vpcId) && g.name.equals("default"))
                .findFirst().orElseThrow().id;
    }

    private static String privateDnsName(String serviceName) {
        String prefix = "com.amazonaws." + REGION + ".";
        String shortName = serviceName.startsWith(prefix) ? serviceName.substring(prefix.length()) : serviceName;
        return switch (shortName) {
            case "ecr.api" -> "api.ecr." + REGION + ".amazonaws.com";
            case "ecr.dkr" -> "*.dkr.ecr." + REGION + ".amazonaws.com";
            default -> shortName + "." + REGION + ".amazonaws.com";
        };
    }

    private static String prefixList(String serviceName) {
        return "pl-" + Integer.toHexString(serviceName.hashCode() & 0x7fffffff);
    }

    // ------------------------------------------------------------------------------------ plumbing

    private interface Body<T> {
        T run();
    }

    private <T> T call(String operation, SdkRequest request, Body<T> body) {
        if (!hooksOff.get()) {
            for (Hook hook : hooks) {
                hook.before(operation, request);
            }
        }
        try {
            T result;
            synchronized (this) {
                result = body.run();
            }
            calls.add(new Call(operation, Thread.currentThread().getName(), null));
            return result;
        } catch (Ec2Exception e) {
            calls.add(new Call(operation, Thread.currentThread().getName(), e.awsErrorDetails().errorCode()));
            throw e;
        }
    }

    private static Ec2Exception error(String code, String message) {
        return (Ec2Exception) Ec2Exception.builder()
                .statusCode(400)
                .message(message + " (Service: Ec2, Status Code: 400)")
                .requestId("fake-" + Integer.toHexString(message.hashCode()))
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("Ec2").build())
                .build();
    }

    private static <T> T require(Map<String, T> map, String id, String notFoundCode) {
        T value = id == null ? null : map.get(id);
        if (value == null) {
            throw error(notFoundCode, "The ID '" + id + "' does not exist");
        }
        return value;
    }

    private static <T> List<T> selected(Map<String, T> map, List<String> ids, String notFoundCode) {
        if (ids.isEmpty()) {
            return List.copyOf(map.values());
        }
        return ids.stream().map(id -> require(map, id, notFoundCode)).toList();
    }

    private static List<String> unsupported(String operation, String filter) {
        throw new UnsupportedOperationException("FakeEc2: " + operation + " filter " + filter);
    }

    private interface FilterValues {
        List<String> of(String filterName);
    }

    private static boolean matches(List<Filter> filters, FilterValues values) {
        for (Filter filter : filters) {
            List<String> actual = values.of(filter.name());
            Predicate<String> wanted = filter.values()::contains;
            if (actual.stream().noneMatch(wanted)) {
                return false;
            }
        }
        return true;
    }

    private record Page<T>(List<T> items, String nextToken) {
    }

    private <T> Page<T> page(List<T> all, String nextToken, Integer maxResults) {
        int size = maxResults != null ? Math.min(maxResults, pageSize) : pageSize;
        int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
        int to = Math.min(all.size(), from + size);
        return new Page<>(List.copyOf(all.subList(from, to)), to < all.size() ? Integer.toString(to) : null);
    }

    private String id(String prefix) {
        return prefix + "-" + String.format("%017x", ids.incrementAndGet());
    }

    private static AttributeBooleanValue bool(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }

    private static Map<String, String> tags(List<TagSpecification> specifications, ResourceType type) {
        Map<String, String> tags = new LinkedHashMap<>();
        specifications.stream().filter(s -> s.resourceType() == type)
                .forEach(s -> s.tags().forEach(t -> tags.put(t.key(), t.value())));
        return tags;
    }

    private static List<Tag> sdkTags(Map<String, String> tags) {
        return tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }

    static String shortName(String serviceName) {
        String[] parts = serviceName.split("\\.", 4);
        return parts.length == 4 ? parts[3] : serviceName;
    }

    private String routeTableOf(String subnetId) {
        return routeTables.values().stream().filter(t -> t.subnetIds.contains(subnetId)).findFirst()
                .map(t -> t.id).orElseGet(() -> mainRouteTable(subnets.get(subnetId).vpcId));
    }

    private String mainRouteTable(String vpcId) {
        return routeTables.values().stream().filter(t -> t.vpcId.equals(vpcId) && t.main).findFirst().orElseThrow().id;
    }

    private VpcEndpoint endpoint(EndpointState e) {
        return VpcEndpoint.builder().vpcEndpointId(e.id).vpcId(e.vpcId).serviceName(e.serviceName)
                .vpcEndpointType(e.type).state(e.state).privateDnsEnabled(e.privateDns)
                .subnetIds(List.copyOf(e.subnetIds)).routeTableIds(List.copyOf(e.routeTableIds))
                .groups(e.groupIds.stream().map(id -> SecurityGroupIdentifier.builder().groupId(id)
                        .groupName(groups.get(id).name).build()).toList())
                .tags(sdkTags(e.tags)).ownerId(ACCOUNT_ID).build();
    }

    private SecurityGroup group(GroupState g) {
        return SecurityGroup.builder().groupId(g.id).groupName(g.name).vpcId(g.vpcId).ownerId(ACCOUNT_ID)
                .description(g.name).ipPermissions(permissions(g.ingress)).ipPermissionsEgress(permissions(g.egress))
                .tags(sdkTags(g.tags)).build();
    }

    /** Rules grouped as AWS answers them: one permission per protocol and port range. */
    private static List<IpPermission> permissions(List<Rule> rules) {
        Map<List<Object>, IpPermission.Builder> byPorts = new LinkedHashMap<>();
        Map<List<Object>, List<IpRange>> ranges = new LinkedHashMap<>();
        Map<List<Object>, List<software.amazon.awssdk.services.ec2.model.UserIdGroupPair>> pairs = new LinkedHashMap<>();
        for (Rule rule : rules) {
            List<Object> key = java.util.Arrays.asList(rule.protocol, rule.fromPort, rule.toPort);
            byPorts.computeIfAbsent(key, k -> IpPermission.builder().ipProtocol(rule.protocol)
                    .fromPort(rule.fromPort).toPort(rule.toPort));
            if (rule.cidr != null) {
                ranges.computeIfAbsent(key, k -> new ArrayList<>()).add(IpRange.builder().cidrIp(rule.cidr).build());
            }
            if (rule.groupId != null) {
                pairs.computeIfAbsent(key, k -> new ArrayList<>()).add(
                        software.amazon.awssdk.services.ec2.model.UserIdGroupPair.builder().groupId(rule.groupId)
                                .userId(ACCOUNT_ID).build());
            }
        }
        return byPorts.entrySet().stream().map(e -> e.getValue()
                .ipRanges(ranges.getOrDefault(e.getKey(), List.of()))
                .userIdGroupPairs(pairs.getOrDefault(e.getKey(), List.of())).build()).toList();
    }

    private RouteTable routeTable(RouteTableState t) {
        List<RouteTableAssociation> associations = new ArrayList<>();
        if (t.main) {
            associations.add(RouteTableAssociation.builder().main(true).routeTableId(t.id)
                    .routeTableAssociationId(t.id.replace("rtb-", "rtbassoc-")).build());
        }
        t.subnetIds.forEach(s -> associations.add(RouteTableAssociation.builder().main(false).routeTableId(t.id)
                .subnetId(s).routeTableAssociationId(s.replace("subnet-", "rtbassoc-")).build()));
        return RouteTable.builder().routeTableId(t.id).vpcId(t.vpcId).ownerId(ACCOUNT_ID).associations(associations)
                .routes(t.routes.stream().map(r -> Route.builder().destinationCidrBlock(r.cidr)
                        .destinationPrefixListId(r.prefixListId).gatewayId(r.target).state(RouteState.ACTIVE).build())
                        .toList())
                .build();
    }

    // ------------------------------------------------------------------------------------ state

    private static final class VpcState {
        final String id;
        final String cidr;
        boolean dnsSupport;
        boolean dnsHostnames;

        VpcState(String id, String cidr, boolean dnsSupport, boolean dnsHostnames) {
            this.id = id;
            this.cidr = cidr;
            this.dnsSupport = dnsSupport;
            this.dnsHostnames = dnsHostnames;
        }
    }

    private record SubnetState(String id, String vpcId, String az, String cidr) {
    }

    private static final class RouteTableState {
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

    private record RouteEntry(String cidr, String prefixListId, String target) {
    }

    private record Rule(String protocol, Integer fromPort, Integer toPort, String cidr, String groupId) {
        String peer() {
            return cidr != null ? cidr : groupId;
        }
    }

    private static final class GroupState {
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

    private static final class EndpointState {
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
    }

    private record TokenUse(CreateVpcEndpointRequest request, String endpointId) {
    }
}
