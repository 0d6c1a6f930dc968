package ecsvpce.support.fakeec2;

import ecsvpce.support.CallRecorder;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.VpcReadBack;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ec2.Ec2Client;
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
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointResponse;

/**
 * An in-memory EC2 that answers the calls the product makes, with AWS's conflict rules, for fast
 * and deterministic race tests (no moto, no HTTP, no SDK retries).
 *
 * <p>SDK v2 client interfaces implement every operation as a default method that throws
 * {@code UnsupportedOperationException}; the {@code Consumer<Builder>} overloads and the
 * paginators delegate to the request overloads, so only those are overridden here: the reads
 * ({@link Describes}: {@code DescribeVpcs}, {@code DescribeVpcAttribute}, {@code DescribeSubnets},
 * {@code DescribeRouteTables}, {@code DescribeVpcEndpoints}, {@code DescribeSecurityGroups},
 * {@code DescribeNetworkInterfaces}; the paginated ones really paginate) and the writes
 * ({@link Writes}: {@code CreateSecurityGroup}, {@code AuthorizeSecurityGroupIngress},
 * {@code CreateVpcEndpoint}, {@code ModifyVpcEndpoint}, {@code ModifyVpcAttribute}).
 *
 * <p>AWS's rules it enforces, each as one atomic check-then-act:
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
 * (outside the lock), e.g. a barrier that holds each caller's first write until every invocation
 * has read the VPC.
 */
public final class FakeEc2 implements Ec2Client {
    public static final String REGION = "us-east-1";

    /** Called before each operation, on the caller's thread. */
    @FunctionalInterface
    public interface Hook {
        void before(String operation, SdkRequest request);
    }

    /** One logged call: the operation, the calling thread, and how it ended (null: success). */
    public record Call(String operation, String thread, String errorCode) {
        public boolean isWrite() {
            return CallRecorder.isWrite(operation);
        }
    }

    /** Ids of a seed VPC. */
    public record Seed(String vpcId, String subnetId, String taskSecurityGroupId) {
    }

    private final Ec2State state = new Ec2State();
    private final SdkModel model = new SdkModel(state);
    private final Describes describes = new Describes(state, model);
    private final Writes writes = new Writes(state, model);
    private final CallRunner calls = new CallRunner(state);

    // ------------------------------------------------------------------------------------ set-up

    /** The state of a new endpoint: {@code available} (moto, default) or {@code pending} (AWS). */
    public FakeEc2 newEndpointState(String endpointState) {
        writes.newEndpointState(endpointState);
        return this;
    }

    /** Runs before every call on the caller's thread, outside the lock; hooks run in the order added. */
    public FakeEc2 beforeEachCall(Hook hook) {
        calls.addHook(hook);
        return this;
    }

    /**
     * Runs calls as another invocation would, from inside a hook: no hook sees them (so a hook can
     * make the write it is about to let through, without calling itself).
     */
    public <T> T asAnotherCaller(Supplier<T> otherCalls) {
        return calls.withoutHooks(otherCalls);
    }

    /** The seed article's isolated VPC: what {@code FargateScenario.builder()} builds, with no endpoints. */
    /** The VPC belongs to another account, which shares its subnets with ours through AWS RAM. */
    public void shareVpcFrom(String vpcId, String ownerAccount) {
        synchronized (state) {
            state.vpcs.get(vpcId).ownerId = ownerAccount;
        }
    }

    public Seed seedVpc() {
        synchronized (state) {
            String vpcId = state.addVpc(FargateScenario.SEED_VPC_CIDR, true, true);
            String subnetId = state.addSubnet(vpcId, FargateScenario.TASK_SUBNET_AZ, FargateScenario.TASK_SUBNET_CIDR,
                    true);
            String taskGroup = state.addGroup(vpcId, "seed-task", Map.of("Name", "seed-task"));
            return new Seed(vpcId, subnetId, taskGroup);
        }
    }

    /** A subnet, with a route table of its own (explicitly associated) or on the main table. */
    public String addSubnet(String vpcId, String az, String cidr, boolean ownRouteTable) {
        synchronized (state) {
            return state.addSubnet(vpcId, az, cidr, ownRouteTable);
        }
    }

    /** Deletes an endpoint as DeleteVpcEndpoints does: it stays listed as {@code deleted}, its routes go. */
    public void deleteEndpoint(String endpointId) {
        synchronized (state) {
            writes.deleteVpcEndpoint(endpointId);
        }
    }

    // ------------------------------------------------------------------------------------ read-back

    /**
     * The VPC as it is now, read through this client's describe calls: they are logged and hooks
     * see them like any read (the hooks of the race tests act on writes only).
     */
    public VpcReadBack readBack(String vpcId) {
        return new VpcReadBack(this, vpcId);
    }

    public long count(String operation) {
        return calls.log().stream().filter(c -> c.operation().equals(operation)).count();
    }

    /** How many calls failed with this error code. */
    public long errors(String errorCode) {
        return calls.log().stream().filter(c -> errorCode.equals(c.errorCode())).count();
    }

    public List<Call> writes() {
        return calls.log().stream().filter(Call::isWrite).toList();
    }

    // ------------------------------------------------------------------------------------ reads

    @Override
    public DescribeVpcsResponse describeVpcs(DescribeVpcsRequest request) {
        return calls.run("DescribeVpcs", request, () -> describes.describeVpcs(request));
    }

    @Override
    public DescribeNetworkAclsResponse describeNetworkAcls(DescribeNetworkAclsRequest request) {
        return calls.run("DescribeNetworkAcls", request, () -> describes.describeNetworkAcls(request));
    }

    @Override
    public DescribeVpcAttributeResponse describeVpcAttribute(DescribeVpcAttributeRequest request) {
        return calls.run("DescribeVpcAttribute", request, () -> describes.describeVpcAttribute(request));
    }

    @Override
    public DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest request) {
        return calls.run("DescribeSubnets", request, () -> describes.describeSubnets(request));
    }

    @Override
    public DescribeRouteTablesResponse describeRouteTables(DescribeRouteTablesRequest request) {
        return calls.run("DescribeRouteTables", request, () -> describes.describeRouteTables(request));
    }

    @Override
    public DescribeVpcEndpointsResponse describeVpcEndpoints(DescribeVpcEndpointsRequest request) {
        return calls.run("DescribeVpcEndpoints", request, () -> describes.describeVpcEndpoints(request));
    }

    @Override
    public DescribeSecurityGroupsResponse describeSecurityGroups(DescribeSecurityGroupsRequest request) {
        return calls.run("DescribeSecurityGroups", request, () -> describes.describeSecurityGroups(request));
    }

    @Override
    public DescribeNetworkInterfacesResponse describeNetworkInterfaces(DescribeNetworkInterfacesRequest request) {
        return calls.run("DescribeNetworkInterfaces", request, () -> describes.describeNetworkInterfaces(request));
    }

    // ------------------------------------------------------------------------------------ writes

    @Override
    public CreateSecurityGroupResponse createSecurityGroup(CreateSecurityGroupRequest request) {
        return calls.run("CreateSecurityGroup", request, () -> writes.createSecurityGroup(request));
    }

    @Override
    public AuthorizeSecurityGroupIngressResponse authorizeSecurityGroupIngress(AuthorizeSecurityGroupIngressRequest request) {
        return calls.run("AuthorizeSecurityGroupIngress", request, () -> writes.authorizeSecurityGroupIngress(request));
    }

    @Override
    public CreateVpcEndpointResponse createVpcEndpoint(CreateVpcEndpointRequest request) {
        return calls.run("CreateVpcEndpoint", request, () -> writes.createVpcEndpoint(request));
    }

    @Override
    public ModifyVpcEndpointResponse modifyVpcEndpoint(ModifyVpcEndpointRequest request) {
        return calls.run("ModifyVpcEndpoint", request, () -> writes.modifyVpcEndpoint(request));
    }

    @Override
    public ModifyVpcAttributeResponse modifyVpcAttribute(ModifyVpcAttributeRequest request) {
        return calls.run("ModifyVpcAttribute", request, () -> writes.modifyVpcAttribute(request));
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
