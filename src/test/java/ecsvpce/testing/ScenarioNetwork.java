package ecsvpce.testing;

import ecsvpce.testing.NetworkSpec.Internet;
import ecsvpce.testing.NetworkSpec.SubnetSpec;
import ecsvpce.testing.NetworkSpec.TcpRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * The network side of a {@link FargateScenario}, created through EC2 from a {@link NetworkSpec}:
 * the VPC, its subnets and route tables, the path to the internet if any, the task and endpoint
 * security groups, the endpoints; and the ids of all of them, by the names the spec gave.
 */
final class ScenarioNetwork {
    static final String PUBLIC_SUBNET = "public";

    private final Ec2Client ec2;
    private final NetworkSpec spec;
    private final Map<String, SubnetSpec> subnets = new LinkedHashMap<>();
    private final Map<String, String> subnetIds = new LinkedHashMap<>();
    private final Map<String, String> routeTableIds = new LinkedHashMap<>();
    private final Map<String, List<String>> endpointIds = new LinkedHashMap<>();
    private String vpcId;
    private String mainRouteTableId;
    private String defaultSecurityGroupId;
    private String taskSecurityGroupId;
    private String endpointSecurityGroupId;
    private String noHttpsSecurityGroupId;
    private String internetGatewayId;
    private String natGatewayId;

    private ScenarioNetwork(Ec2Client ec2, NetworkSpec spec) {
        this.ec2 = ec2;
        this.spec = spec;
    }

    static ScenarioNetwork create(Ec2Client ec2, NetworkSpec spec) {
        ScenarioNetwork network = new ScenarioNetwork(ec2, spec);
        network.build();
        return network;
    }

    private void build() {
        vpcId = ec2.createVpc(r -> r.cidrBlock(spec.vpcCidr()).tagSpecifications(nameTag(ResourceType.VPC, "vpc")))
                .vpc().vpcId();
        // Both on while building: private DNS endpoints need them (like AWS, with the moto
        // extension); the requested values are applied at the end.
        setDnsAttributes(true, true);
        mainRouteTableId = readBack().mainRouteTableId();
        spec.subnets().forEach((name, subnet) -> addSubnet(name, subnet));
        buildInternetPath();
        buildSecurityGroups();
        spec.endpoints().forEach(this::createEndpoint);
        setDnsAttributes(spec.dnsSupport(), spec.dnsHostnames());
    }

    private String addSubnet(String name, SubnetSpec subnet) {
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(subnet.cidr()).availabilityZone(subnet.az())
                .tagSpecifications(nameTag(ResourceType.SUBNET, name))).subnet().subnetId();
        subnets.put(name, subnet);
        subnetIds.put(name, subnetId);
        if (subnet.ownRouteTable()) {
            String routeTableId = ec2.createRouteTable(r -> r.vpcId(vpcId)
                    .tagSpecifications(nameTag(ResourceType.ROUTE_TABLE, name))).routeTable().routeTableId();
            ec2.associateRouteTable(r -> r.routeTableId(routeTableId).subnetId(subnetId));
            routeTableIds.put(name, routeTableId);
        } else {
            routeTableIds.put(name, mainRouteTableId);
        }
        return subnetId;
    }

    private void buildInternetPath() {
        if (spec.internet() == Internet.NONE) {
            return;
        }
        internetGatewayId = ec2.createInternetGateway(r -> r.tagSpecifications(
                nameTag(ResourceType.INTERNET_GATEWAY, "igw"))).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(internetGatewayId).vpcId(vpcId));
        String taskRouteTable = routeTableIds.get(FargateScenario.TASK_SUBNET);
        if (spec.internet() == Internet.INTERNET_GATEWAY) {
            ec2.createRoute(r -> r.routeTableId(taskRouteTable).destinationCidrBlock("0.0.0.0/0").gatewayId(internetGatewayId));
            return;
        }
        String publicSubnet = addSubnet(PUBLIC_SUBNET, new SubnetSpec(
                subnets.get(FargateScenario.TASK_SUBNET).az(), NetworkSpec.NAT_PUBLIC_SUBNET_CIDR, true));
        ec2.createRoute(r -> r.routeTableId(routeTableId(PUBLIC_SUBNET)).destinationCidrBlock("0.0.0.0/0")
                .gatewayId(internetGatewayId));
        String allocation = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
        natGatewayId = ec2.createNatGateway(r -> r.subnetId(publicSubnet).allocationId(allocation)).natGateway().natGatewayId();
        ec2.createRoute(r -> r.routeTableId(taskRouteTable).destinationCidrBlock("0.0.0.0/0").natGatewayId(natGatewayId));
    }

    private void buildSecurityGroups() {
        defaultSecurityGroupId = ec2.describeSecurityGroups(r -> r.filters(
                        VpcReadBack.filter("vpc-id", vpcId), VpcReadBack.filter("group-name", "default")))
                .securityGroups().get(0).groupId();

        taskSecurityGroupId = createGroup("task", "Fargate task");
        if (spec.taskEgress() != null) {   // replace the default all-traffic egress rule
            ec2.revokeSecurityGroupEgress(r -> r.groupId(taskSecurityGroupId).ipPermissions(
                    IpPermission.builder().ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
            for (TcpRule rule : spec.taskEgress()) {
                ec2.authorizeSecurityGroupEgress(r -> r.groupId(taskSecurityGroupId).ipPermissions(rule.permission()));
            }
        }

        endpointSecurityGroupId = createGroup("vpc-endpoint", "VPC endpoints: HTTPS from the VPC");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(endpointSecurityGroupId)
                .ipPermissions(new TcpRule(443, spec.vpcCidr()).permission()));

        boolean noHttpsWanted = spec.endpoints().stream()
                .anyMatch(e -> e.securityGroup() == EndpointSpec.SecurityGroupChoice.NO_HTTPS);
        if (noHttpsWanted) {
            noHttpsSecurityGroupId = createGroup("vpc-endpoint-no-https", "VPC endpoints: HTTP only, no 443");
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(noHttpsSecurityGroupId)
                    .ipPermissions(new TcpRule(80, spec.vpcCidr()).permission()));
        }
    }

    private String createGroup(String groupName, String description) {
        String fullName = spec.namePrefix() + "-" + groupName;
        return ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName(fullName).description(description)
                .tagSpecifications(nameTag(ResourceType.SECURITY_GROUP, groupName))).groupId();
    }

    private void createEndpoint(EndpointSpec endpoint) {
        String region = ec2.serviceClientConfiguration().region().id();
        CreateVpcEndpointRequest.Builder request = CreateVpcEndpointRequest.builder()
                .vpcId(vpcId)
                .serviceName("com.amazonaws." + region + "." + endpoint.service())
                .tagSpecifications(nameTag(ResourceType.VPC_ENDPOINT, endpoint.service()));
        if (endpoint.gateway()) {
            request.vpcEndpointType(VpcEndpointType.GATEWAY)
                    .routeTableIds(endpoint.routeTables().stream()
                            .map(n -> EndpointSpec.MAIN.equals(n) ? mainRouteTableId : routeTableId(n))
                            .distinct().toList());
        } else {
            request.vpcEndpointType(VpcEndpointType.INTERFACE)
                    .privateDnsEnabled(endpoint.privateDns())
                    .subnetIds(endpoint.subnets().stream().map(this::subnetId).toList());
            switch (endpoint.securityGroup()) {
                case HTTPS_FROM_VPC -> request.securityGroupIds(endpointSecurityGroupId);
                case NO_HTTPS -> request.securityGroupIds(noHttpsSecurityGroupId);
                case VPC_DEFAULT -> request.securityGroupIds(defaultSecurityGroupId);
                case NONE -> { }
            }
        }
        String id = ec2.createVpcEndpoint(request.build()).vpcEndpoint().vpcEndpointId();
        endpointIds.computeIfAbsent(endpoint.service(), k -> new ArrayList<>()).add(id);
    }

    /** One attribute per call (EC2's rule); hostnames before support when switching off. */
    private void setDnsAttributes(boolean support, boolean hostnames) {
        if (support) {
            ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(on(true)));
        }
        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(on(hostnames)));
        if (!support) {
            ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(on(false)));
        }
    }

    /**
     * Runs {@code action} with enableDnsHostnames on, and puts it back off afterwards if it was off:
     * moto answers RunTask (awsvpc) in a VPC with the attribute off with HTTP 500; AWS runs it.
     */
    <T> T withDnsHostnamesOn(Supplier<T> action) {
        boolean hostnamesOff = !readBack().dnsAttributes().enableDnsHostnames();
        if (hostnamesOff) {
            ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(on(true)));
        }
        try {
            return action.get();
        } finally {
            if (hostnamesOff) {
                ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(on(false)));
            }
        }
    }

    private static AttributeBooleanValue on(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }

    private TagSpecification nameTag(ResourceType type, String name) {
        return TagSpecification.builder().resourceType(type)
                .tags(Tag.builder().key("Name").value(spec.namePrefix() + "-" + name).build()).build();
    }

    private static <T> T require(Map<String, T> byName, String name) {
        T value = byName.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no subnet named '" + name + "' in this scenario; known: " + byName.keySet());
        }
        return value;
    }

    // ----------------------------------------------------------------------------------------- ids

    VpcReadBack readBack() {
        return new VpcReadBack(ec2, vpcId);
    }

    String vpcId() {
        return vpcId;
    }

    String subnetId(String name) {
        return require(subnetIds, name);
    }

    Map<String, String> subnetIds() {
        return Map.copyOf(subnetIds);
    }

    SubnetSpec subnet(String name) {
        return require(subnets, name);
    }

    String routeTableId(String subnetName) {
        return require(routeTableIds, subnetName);
    }

    String mainRouteTableId() {
        return mainRouteTableId;
    }

    String defaultSecurityGroupId() {
        return defaultSecurityGroupId;
    }

    String taskSecurityGroupId() {
        return taskSecurityGroupId;
    }

    String endpointSecurityGroupId() {
        return endpointSecurityGroupId;
    }

    String noHttpsSecurityGroupId() {
        return noHttpsSecurityGroupId;
    }

    String internetGatewayId() {
        return internetGatewayId;
    }

    String natGatewayId() {
        return natGatewayId;
    }

    Map<String, List<String>> endpointIds() {
        return Map.copyOf(endpointIds);
    }
}
