package ecsvpce.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.EnvironmentFile;
import software.amazon.awssdk.services.ecs.model.EnvironmentFileType;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The seed article's isolated Fargate setup, and its variants, built through real SDK calls
 * (against moto in tests and the demo; the SDK's standard settings say where).
 *
 * <p>Defaults, as the article's Terraform: VPC {@code 10.0.0.0/16} with enableDnsSupport and
 * enableDnsHostnames on; subnet {@code private-a} in {@code us-east-1a} ({@code 10.0.1.0/24}) with
 * its own, explicitly associated route table and no route to an internet or NAT gateway; a task
 * security group {@code task} (all egress) and an endpoint group {@code vpc-endpoint} (TCP 443 in
 * from the VPC CIDR). ECS: cluster {@code app-cluster}, Fargate task definition {@code app}
 * (awsvpc, 256 CPU / 512 MiB) with one container {@code app} running
 * {@value #DEFAULT_IMAGE}, the awslogs driver, a secret from SSM ({@value #SSM_PARAMETER_ARN})
 * and one from Secrets Manager ({@value #SECRET_ARN}); platform version 1.4.0. No endpoints
 * unless asked.
 *
 * <pre>{@code
 * FargateScenario scenario = FargateScenario.seedArticle().create();   // secretsmanager private DNS off
 * TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
 * // hand event.json() to the handler, then:
 * assertThat(scenario.readBack().endpoint("secretsmanager").orElseThrow().privateDns()).isTrue();
 *
 * FargateScenario.builder()                       // nothing but the isolated subnet
 *     .dnsHostnames(false)
 *     .extraSubnet("private-b", "us-east-1b", "10.0.2.0/24")
 *     .endpoint(EndpointSpec.interfaceEndpoint("ssm").securityGroup(SecurityGroupChoice.NO_HTTPS))
 *     .endpoint(EndpointSpec.gateway("s3").mainRouteTable())
 *     .image("docker.io/library/nginx:1.27").noSecrets().service("web")
 *     .create();
 * }</pre>
 *
 * <p>moto differences handled here (see {@code src/test/moto/README.md}): RunTask in a VPC with
 * enableDnsHostnames off answers HTTP 500, so the attribute is switched on around RunTask only;
 * RunTask/CreateService always get explicit security groups; every container has {@code memory};
 * the event adds what DescribeTasks lacks in moto.
 */
public final class FargateScenario implements AutoCloseable {

    public static final String TASK_SUBNET = "private-a";
    public static final String DEFAULT_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1";
    public static final String SSM_PARAMETER_ARN = "arn:aws:ssm:us-east-1:123456789012:parameter/app/db-user";
    public static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-pass-AbCdEf";
    public static final String EXECUTION_ROLE_ARN = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
    /** The five interface endpoints of the seed's Terraform (plus the S3 gateway). */
    public static final List<String> SEED_INTERFACE_SERVICES = List.of("ecr.dkr", "ecr.api", "secretsmanager", "ssm", "logs");
    /** The seed's error when secretsmanager's endpoint has private DNS off (its account and region made ours). */
    public static final String SEED_SECRETS_MANAGER_REASON = "ResourceInitializationError: unable to pull secrets or "
            + "registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has "
            + "been retried 1 time(s): failed to fetch secret " + SECRET_ARN;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Builder spec;
    private final Ec2Client ec2;
    private final EcsClient ecs;
    private final boolean ownsClients;
    private final String region;

    private String vpcId;
    private String mainRouteTableId;
    private String defaultSecurityGroupId;
    private String taskSecurityGroupId;
    private String endpointSecurityGroupId;
    private String noHttpsSecurityGroupId;
    private String internetGatewayId;
    private String natGatewayId;
    private final Map<String, String> subnetIds = new LinkedHashMap<>();
    private final Map<String, String> routeTableIds = new LinkedHashMap<>();
    private final Map<String, List<String>> endpointIds = new LinkedHashMap<>();
    private String clusterArn;
    private String taskDefinitionArn;
    private String serviceArn;

    private FargateScenario(Builder spec, Ec2Client ec2, EcsClient ecs, boolean ownsClients) {
        this.spec = spec;
        this.ec2 = ec2;
        this.ecs = ecs;
        this.ownsClients = ownsClients;
        this.region = ec2.serviceClientConfiguration().region().id();
    }

    /** The isolated VPC, subnet, groups and ECS resources; no endpoints. */
    public static Builder builder() {
        return new Builder();
    }

    /** The seed's five interface endpoints and the S3 gateway, all private DNS on. */
    public static Builder seedEndpointsAllOn() {
        return builder().seedEndpoints();
    }

    /** The seed's experiment: its endpoints, but {@code secretsmanager} with private DNS off. */
    public static Builder seedArticle() {
        return builder().seedEndpoints().endpoint(EndpointSpec.interfaceEndpoint("secretsmanager").privateDns(false));
    }

    // ----------------------------------------------------------------------------------------- build

    private FargateScenario build() {
        String name = spec.namePrefix;
        vpcId = ec2.createVpc(r -> r.cidrBlock(spec.vpcCidr).tagSpecifications(tags(ResourceType.VPC, name + "-vpc")))
                .vpc().vpcId();
        // Both on while building: private DNS endpoints need them (like AWS, with the moto
        // extension); the requested values are applied at the end.
        setDnsAttributes(true, true);
        mainRouteTableId = ec2.describeRouteTables(r -> r.filters(
                        VpcReadBack.filter("vpc-id", vpcId), VpcReadBack.filter("association.main", "true")))
                .routeTables().get(0).routeTableId();

        spec.subnets.forEach((subnetName, subnet) -> {
            String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(subnet.cidr()).availabilityZone(subnet.az())
                    .tagSpecifications(tags(ResourceType.SUBNET, name + "-" + subnetName))).subnet().subnetId();
            subnetIds.put(subnetName, subnetId);
            if (subnet.ownRouteTable()) {
                String routeTableId = ec2.createRouteTable(r -> r.vpcId(vpcId)
                        .tagSpecifications(tags(ResourceType.ROUTE_TABLE, name + "-" + subnetName))).routeTable().routeTableId();
                ec2.associateRouteTable(r -> r.routeTableId(routeTableId).subnetId(subnetId));
                routeTableIds.put(subnetName, routeTableId);
            } else {
                routeTableIds.put(subnetName, mainRouteTableId);
            }
        });

        buildInternetPath();
        buildSecurityGroups();
        for (EndpointSpec endpoint : spec.endpoints) {
            createEndpoint(endpoint);
        }
        setDnsAttributes(spec.dnsSupport, spec.dnsHostnames);
        if (spec.ecs) {
            buildEcs();
        }
        return this;
    }

    private void buildInternetPath() {
        if (spec.internet == Internet.NONE) {
            return;
        }
        internetGatewayId = ec2.createInternetGateway(r -> r.tagSpecifications(
                tags(ResourceType.INTERNET_GATEWAY, spec.namePrefix + "-igw"))).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(internetGatewayId).vpcId(vpcId));
        String taskRouteTable = routeTableIds.get(TASK_SUBNET);
        if (spec.internet == Internet.INTERNET_GATEWAY) {
            ec2.createRoute(r -> r.routeTableId(taskRouteTable).destinationCidrBlock("0.0.0.0/0").gatewayId(internetGatewayId));
            return;
        }
        String publicSubnet = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(spec.natPublicSubnetCidr)
                .availabilityZone(spec.subnets.get(TASK_SUBNET).az())
                .tagSpecifications(tags(ResourceType.SUBNET, spec.namePrefix + "-public"))).subnet().subnetId();
        subnetIds.put("public", publicSubnet);
        String publicRouteTable = ec2.createRouteTable(r -> r.vpcId(vpcId)
                .tagSpecifications(tags(ResourceType.ROUTE_TABLE, spec.namePrefix + "-public"))).routeTable().routeTableId();
        ec2.associateRouteTable(r -> r.routeTableId(publicRouteTable).subnetId(publicSubnet));
        routeTableIds.put("public", publicRouteTable);
        ec2.createRoute(r -> r.routeTableId(publicRouteTable).destinationCidrBlock("0.0.0.0/0").gatewayId(internetGatewayId));
        String allocation = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
        natGatewayId = ec2.createNatGateway(r -> r.subnetId(publicSubnet).allocationId(allocation)).natGateway().natGatewayId();
        ec2.createRoute(r -> r.routeTableId(taskRouteTable).destinationCidrBlock("0.0.0.0/0").natGatewayId(natGatewayId));
    }

    private void buildSecurityGroups() {
        defaultSecurityGroupId = ec2.describeSecurityGroups(r -> r.filters(
                        VpcReadBack.filter("vpc-id", vpcId), VpcReadBack.filter("group-name", "default")))
                .securityGroups().get(0).groupId();

        taskSecurityGroupId = createGroup("task", "Fargate task");
        if (spec.taskEgress != null) {   // replace the default all-traffic egress rule
            ec2.revokeSecurityGroupEgress(r -> r.groupId(taskSecurityGroupId).ipPermissions(
                    IpPermission.builder().ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
            for (TcpRule rule : spec.taskEgress) {
                ec2.authorizeSecurityGroupEgress(r -> r.groupId(taskSecurityGroupId).ipPermissions(rule.permission()));
            }
        }

        endpointSecurityGroupId = createGroup("vpc-endpoint", "VPC endpoints: HTTPS from the VPC");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(endpointSecurityGroupId)
                .ipPermissions(new TcpRule(443, spec.vpcCidr).permission()));

        boolean noHttpsWanted = spec.endpoints.stream()
                .anyMatch(e -> e.securityGroup() == EndpointSpec.SecurityGroupChoice.NO_HTTPS);
        if (noHttpsWanted) {
            noHttpsSecurityGroupId = createGroup("vpc-endpoint-no-https", "VPC endpoints: HTTP only, no 443");
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(noHttpsSecurityGroupId)
                    .ipPermissions(new TcpRule(80, spec.vpcCidr).permission()));
        }
    }

    private String createGroup(String groupName, String description) {
        String fullName = spec.namePrefix + "-" + groupName;
        return ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName(fullName).description(description)
                .tagSpecifications(tags(ResourceType.SECURITY_GROUP, fullName))).groupId();
    }

    private void createEndpoint(EndpointSpec endpoint) {
        CreateVpcEndpointRequest.Builder request = CreateVpcEndpointRequest.builder()
                .vpcId(vpcId)
                .serviceName(serviceName(endpoint.service()))
                .tagSpecifications(tags(ResourceType.VPC_ENDPOINT, spec.namePrefix + "-" + endpoint.service()));
        if (endpoint.gateway()) {
            request.vpcEndpointType(VpcEndpointType.GATEWAY)
                    .routeTableIds(endpoint.routeTables().stream()
                            .map(n -> EndpointSpec.MAIN.equals(n) ? mainRouteTableId : require(routeTableIds, n, "subnet"))
                            .distinct().toList());
        } else {
            request.vpcEndpointType(VpcEndpointType.INTERFACE)
                    .privateDnsEnabled(endpoint.privateDns())
                    .subnetIds(endpoint.subnets().stream().map(n -> require(subnetIds, n, "subnet")).toList());
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

    private void buildEcs() {
        String clusterName = spec.clusterName;
        clusterArn = ecs.createCluster(r -> r.clusterName(clusterName)).cluster().clusterArn();

        List<ContainerDefinition> containers = new ArrayList<>();
        int memoryEach = Integer.parseInt(spec.memory) / spec.containers.size();
        for (int i = 0; i < spec.containers.size(); i++) {
            ContainerSpec container = spec.containers.get(i);
            ContainerDefinition.Builder definition = ContainerDefinition.builder()
                    .name(container.name())
                    .image(container.image())
                    .essential(i == 0)
                    .memory(memoryEach);   // moto answers HTTP 500 to RunTask without it
            if (spec.logs) {
                definition.logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of(
                        "awslogs-group", "/ecs/" + spec.family,
                        "awslogs-region", spec.logRegion,
                        "awslogs-stream-prefix", container.name())));
            }
            if (i == 0) {
                definition.secrets(spec.secrets.entrySet().stream()
                        .map(s -> Secret.builder().name(s.getKey()).valueFrom(s.getValue()).build()).toList());
                if (spec.repositoryCredentials != null) {
                    definition.repositoryCredentials(c -> c.credentialsParameter(spec.repositoryCredentials));
                }
                if (spec.environmentFile != null) {
                    definition.environmentFiles(EnvironmentFile.builder().type(EnvironmentFileType.S3).value(spec.environmentFile).build());
                }
            }
            containers.add(definition.build());
        }
        taskDefinitionArn = ecs.registerTaskDefinition(r -> r.family(spec.family)
                        .networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilities(Compatibility.FARGATE)
                        .cpu(spec.cpu)
                        .memory(spec.memory)
                        .executionRoleArn(EXECUTION_ROLE_ARN)
                        .containerDefinitions(containers))
                .taskDefinition().taskDefinitionArn();

        if (spec.serviceName != null) {
            serviceArn = ecs.createService(r -> r.cluster(clusterArn)
                            .serviceName(spec.serviceName)
                            .taskDefinition(taskDefinitionArn)
                            .desiredCount(1)
                            .launchType(LaunchType.FARGATE)
                            .platformVersion(spec.platformVersion)
                            .enableExecuteCommand(spec.executeCommand)
                            .networkConfiguration(networkConfiguration(subnetIds.get(TASK_SUBNET))))
                    .service().serviceArn();
        }
    }

    private NetworkConfiguration networkConfiguration(String subnetId) {
        return NetworkConfiguration.builder().awsvpcConfiguration(a -> a
                        .subnets(subnetId)
                        .securityGroups(taskSecurityGroupId)   // moto answers HTTP 500 without them
                        .assignPublicIp(spec.assignPublicIp ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED))
                .build();
    }

    // ----------------------------------------------------------------------------------------- run

    /** Runs the task in {@code private-a}, stops it with this reason, returns AWS's event for it. */
    public TaskStoppedEvent runAndStopTask(String stoppedReason) {
        return runAndStopTask(TASK_SUBNET, stoppedReason);
    }

    /** Runs the task in the named subnet, stops it with this reason, returns AWS's event for it. */
    public TaskStoppedEvent runAndStopTask(String subnetName, String stoppedReason) {
        String subnetId = require(subnetIds, subnetName, "subnet");
        // moto: RunTask (awsvpc) in a VPC with enableDnsHostnames off answers HTTP 500; AWS runs it.
        boolean hostnamesOff = !dnsAttribute(false);
        if (hostnamesOff) {
            ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
        }
        RunTaskResponse run;
        try {
            run = ecs.runTask(r -> {
                r.cluster(clusterArn)
                        .taskDefinition(taskDefinitionArn)
                        .count(1)
                        .launchType(LaunchType.FARGATE)
                        .platformVersion(spec.platformVersion)
                        .enableExecuteCommand(spec.executeCommand)
                        .networkConfiguration(networkConfiguration(subnetId));
                if (spec.serviceName != null) {
                    r.group("service:" + spec.serviceName).startedBy(serviceStartedBy());
                }
            });
        } finally {
            if (hostnamesOff) {
                ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(AttributeBooleanValue.builder().value(false).build()));
            }
        }
        if (run.tasks().isEmpty()) {
            throw new IllegalStateException("RunTask started nothing: " + run.failures());
        }
        String taskArn = run.tasks().get(0).taskArn();
        ecs.stopTask(r -> r.cluster(clusterArn).task(taskArn).reason(stoppedReason));
        Task task = ecs.describeTasks(r -> r.cluster(clusterArn).tasks(taskArn)).tasks().get(0);
        return event(task, subnetId, stoppedReason);
    }

    private TaskStoppedEvent event(Task task, String subnetId, String stoppedReason) {
        var subnet = ec2.describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0);
        var definition = ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinitionArn)).taskDefinition();
        String[] arn = task.taskArn().split(":");
        String eventRegion = arn[3];
        String account = arn[4];
        String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        String clusterName = task.clusterArn().substring(task.clusterArn().lastIndexOf('/') + 1);
        Instant stoppedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant createdAt = stoppedAt.minus(Duration.ofSeconds(42));

        // detail: DescribeTasks' task as JSON, then what moto leaves out or gets wrong.
        ObjectNode detail = SdkJson.toJson(task);
        detail.put("availabilityZone", subnet.availabilityZone());
        detail.put("lastStatus", "STOPPED");
        detail.put("desiredStatus", "STOPPED");
        detail.put("stopCode", "TaskFailedToStart");
        detail.put("stoppedReason", stoppedReason);
        detail.put("createdAt", createdAt.toString());
        detail.put("stoppingAt", stoppedAt.minus(Duration.ofSeconds(2)).toString());
        detail.put("executionStoppedAt", stoppedAt.minus(Duration.ofSeconds(1)).toString());
        detail.put("stoppedAt", stoppedAt.toString());
        detail.put("updatedAt", stoppedAt.toString());
        detail.put("version", 4);   // incremented per state change; a failed start sees a few
        detail.put("cpu", definition.cpu());
        detail.put("memory", definition.memory());
        detail.put("enableExecuteCommand", spec.executeCommand);   // moto drops it
        if (detail.path("startedBy").asText().isEmpty()) {
            detail.remove("startedBy");
        }
        detail.remove("tags");   // EventBridge events carry no tags

        // attachments: events spell the ENI type "eni"; moto picks an address outside the subnet.
        String address = addressIn(subnet.cidrBlock(), task.taskArn());
        String attachmentId = null;
        for (var attachmentNode : detail.withArray("attachments")) {
            ObjectNode attachment = (ObjectNode) attachmentNode;
            if ("ElasticNetworkInterface".equals(attachment.path("type").asText())) {
                attachment.put("type", "eni");
                attachment.put("status", "DELETED");
                attachmentId = attachment.path("id").asText();
                for (var d : attachment.withArray("details")) {
                    ObjectNode item = (ObjectNode) d;
                    switch (item.path("name").asText()) {
                        case "privateIPv4Address" -> item.put("value", address);
                        case "privateDnsName" -> item.put("value", "ip-" + address.replace('.', '-') + ".ec2.internal");
                        default -> { }
                    }
                }
            }
        }

        // containers: moto lists only the first one, with the task definition's ARN as taskArn.
        ArrayNode containers = NODES.arrayNode();
        ArrayNode overrides = NODES.arrayNode();
        for (var container : definition.containerDefinitions()) {
            ObjectNode c = containers.addObject();
            c.put("containerArn", "arn:aws:ecs:" + eventRegion + ":" + account + ":container/" + clusterName + "/"
                    + taskId + "/" + UUID.randomUUID());
            c.put("lastStatus", "STOPPED");
            c.put("name", container.name());
            c.put("image", container.image());
            c.put("taskArn", task.taskArn());
            ObjectNode nic = c.putArray("networkInterfaces").addObject();
            if (attachmentId != null) {
                nic.put("attachmentId", attachmentId);
            }
            nic.put("privateIpv4Address", address);
            c.put("cpu", String.valueOf(container.cpu() == null ? 0 : container.cpu()));
            if (container.memory() != null) {
                c.put("memory", String.valueOf(container.memory()));
            }
            overrides.addObject().put("name", container.name());
        }
        detail.set("containers", containers);
        detail.putObject("overrides").set("containerOverrides", overrides);

        ObjectNode event = NODES.objectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "ECS Task State Change");
        event.put("source", "aws.ecs");
        event.put("account", account);
        event.put("time", stoppedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", eventRegion);
        event.putArray("resources").add(task.taskArn());
        event.set("detail", detail);
        return new TaskStoppedEvent(event, task.taskArn(), task.clusterArn(), subnetId, subnet.availabilityZone());
    }

    /** A host address inside the subnet (past AWS's 4 reserved ones), stable for one task. */
    static String addressIn(String cidr, String seed) {
        String[] parts = cidr.split("/");
        int prefix = Integer.parseInt(parts[1]);
        long base = 0;
        for (String octet : parts[0].split("\\.")) {
            base = (base << 8) | Integer.parseInt(octet);
        }
        long size = 1L << (32 - prefix);
        long usable = Math.max(1, size - 5);   // .0-.3 and the broadcast address are reserved
        long address = base + 4 + Math.floorMod(seed.hashCode(), usable);
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }

    private static String serviceStartedBy() {
        return "ecs-svc/" + String.format("%019d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000_000L));
    }

    // ----------------------------------------------------------------------------------------- helpers

    private void setDnsAttributes(boolean support, boolean hostnames) {
        // One attribute per call (EC2's rule); hostnames before support when switching off.
        if (support) {
            ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(AttributeBooleanValue.builder().value(true).build()));
        }
        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(AttributeBooleanValue.builder().value(hostnames).build()));
        if (!support) {
            ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(AttributeBooleanValue.builder().value(false).build()));
        }
    }

    private boolean dnsAttribute(boolean support) {
        return support ? readBack().dnsAttributes().enableDnsSupport() : readBack().dnsAttributes().enableDnsHostnames();
    }

    private String serviceName(String shortName) {
        return "com.amazonaws." + region + "." + shortName;
    }

    private static TagSpecification tags(ResourceType type, String name) {
        return TagSpecification.builder().resourceType(type).tags(Tag.builder().key("Name").value(name).build()).build();
    }

    private static String require(Map<String, String> map, String key, String what) {
        String value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + what + " named '" + key + "' in this scenario; known: " + map.keySet());
        }
        return value;
    }

    // ----------------------------------------------------------------------------------------- accessors

    public VpcReadBack readBack() {
        return new VpcReadBack(ec2, vpcId);
    }

    public Ec2Client ec2() {
        return ec2;
    }

    public EcsClient ecs() {
        return ecs;
    }

    public String region() {
        return region;
    }

    public String vpcId() {
        return vpcId;
    }

    public String vpcCidr() {
        return spec.vpcCidr;
    }

    /** {@code private-a}'s id. */
    public String subnetId() {
        return subnetIds.get(TASK_SUBNET);
    }

    /** A subnet by name: {@code private-a}, an extra one, or {@code public} (NAT scenario). */
    public String subnetId(String name) {
        return require(subnetIds, name, "subnet");
    }

    public Map<String, String> subnetIds() {
        return Map.copyOf(subnetIds);
    }

    public String subnetCidr(String name) {
        return "public".equals(name) ? spec.natPublicSubnetCidr : spec.subnets.get(name).cidr();
    }

    public String availabilityZone(String subnetName) {
        return "public".equals(subnetName) ? spec.subnets.get(TASK_SUBNET).az() : spec.subnets.get(subnetName).az();
    }

    /** The route table serving {@code private-a}: its own, or the main one. */
    public String routeTableId() {
        return routeTableIds.get(TASK_SUBNET);
    }

    public String routeTableId(String subnetName) {
        return require(routeTableIds, subnetName, "subnet");
    }

    public String mainRouteTableId() {
        return mainRouteTableId;
    }

    public String defaultSecurityGroupId() {
        return defaultSecurityGroupId;
    }

    public String taskSecurityGroupId() {
        return taskSecurityGroupId;
    }

    /** {@code vpc-endpoint}: TCP 443 in from the VPC CIDR. */
    public String endpointSecurityGroupId() {
        return endpointSecurityGroupId;
    }

    /** {@code vpc-endpoint-no-https}, if some endpoint asked for it. */
    public Optional<String> noHttpsSecurityGroupId() {
        return Optional.ofNullable(noHttpsSecurityGroupId);
    }

    public Optional<String> internetGatewayId() {
        return Optional.ofNullable(internetGatewayId);
    }

    public Optional<String> natGatewayId() {
        return Optional.ofNullable(natGatewayId);
    }

    /** The id of the (first) endpoint this scenario created for a service. */
    public String endpointId(String service) {
        List<String> ids = endpointIds.get(service);
        if (ids == null) {
            throw new IllegalArgumentException("this scenario created no " + service + " endpoint; it has " + endpointIds.keySet());
        }
        return ids.get(0);
    }

    public Map<String, List<String>> endpointIds() {
        return Map.copyOf(endpointIds);
    }

    public String clusterArn() {
        return clusterArn;
    }

    public String clusterName() {
        return spec.clusterName;
    }

    public String taskDefinitionArn() {
        return taskDefinitionArn;
    }

    public Optional<String> serviceArn() {
        return Optional.ofNullable(serviceArn);
    }

    public Optional<String> serviceName() {
        return Optional.ofNullable(spec.serviceName);
    }

    public String platformVersion() {
        return spec.platformVersion;
    }

    @Override
    public void close() {
        if (ownsClients) {
            ec2.close();
            ecs.close();
        }
    }

    // ----------------------------------------------------------------------------------------- builder

    enum Internet { NONE, INTERNET_GATEWAY, NAT_GATEWAY }

    record SubnetSpec(String az, String cidr, boolean ownRouteTable) {
    }

    record ContainerSpec(String name, String image) {
    }

    /** An allowed TCP port to a CIDR. */
    record TcpRule(int port, String cidr) {
        IpPermission permission() {
            return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                    .ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
        }
    }

    /** Options of a {@link FargateScenario}; every one has the seed's value by default. */
    public static final class Builder {
        private String namePrefix = "seed";
        private String vpcCidr = "10.0.0.0/16";
        private boolean dnsSupport = true;
        private boolean dnsHostnames = true;
        private final Map<String, SubnetSpec> subnets = new LinkedHashMap<>();
        private Internet internet = Internet.NONE;
        private String natPublicSubnetCidr = "10.0.100.0/24";
        private List<TcpRule> taskEgress;   // null: all traffic out
        private final List<EndpointSpec> endpoints = new ArrayList<>();
        private String clusterName = "app-cluster";
        private String family = "app";
        private String cpu = "256";
        private String memory = "512";
        private final List<ContainerSpec> containers = new ArrayList<>(List.of(new ContainerSpec("app", DEFAULT_IMAGE)));
        private boolean logs = true;
        private String logRegion = "us-east-1";
        private final Map<String, String> secrets = new LinkedHashMap<>();
        private String repositoryCredentials;
        private String environmentFile;
        private boolean executeCommand;
        private String platformVersion = "1.4.0";
        private String serviceName;
        private boolean assignPublicIp;
        private boolean ecs = true;

        private Builder() {
            subnets.put(TASK_SUBNET, new SubnetSpec("us-east-1a", "10.0.1.0/24", true));
            secrets.put("DB_USER", SSM_PARAMETER_ARN);
            secrets.put("DB_PASS", SECRET_ARN);
        }

        /** Prefix of the Name tags and group names ({@code seed}). */
        public Builder namePrefix(String prefix) {
            this.namePrefix = prefix;
            return this;
        }

        /** The VPC CIDR; give {@link #subnetCidr} too if {@code 10.0.1.0/24} is not inside it. */
        public Builder vpcCidr(String cidr) {
            this.vpcCidr = cidr;
            return this;
        }

        public Builder dnsSupport(boolean on) {
            this.dnsSupport = on;
            return this;
        }

        public Builder dnsHostnames(boolean on) {
            this.dnsHostnames = on;
            return this;
        }

        /** {@code private-a}'s CIDR ({@code 10.0.1.0/24}). */
        public Builder subnetCidr(String cidr) {
            SubnetSpec a = subnets.get(TASK_SUBNET);
            subnets.put(TASK_SUBNET, new SubnetSpec(a.az(), cidr, a.ownRouteTable()));
            return this;
        }

        /** {@code private-a}'s AZ ({@code us-east-1a}). */
        public Builder subnetAz(String az) {
            SubnetSpec a = subnets.get(TASK_SUBNET);
            subnets.put(TASK_SUBNET, new SubnetSpec(az, a.cidr(), a.ownRouteTable()));
            return this;
        }

        /** {@code private-a} without a route table of its own: the VPC's main table serves it. */
        public Builder subnetOnMainRouteTable() {
            SubnetSpec a = subnets.get(TASK_SUBNET);
            subnets.put(TASK_SUBNET, new SubnetSpec(a.az(), a.cidr(), false));
            return this;
        }

        /** Another isolated subnet with its own route table (same AZ as another one is allowed). */
        public Builder extraSubnet(String name, String az, String cidr) {
            subnets.put(name, new SubnetSpec(az, cidr, true));
            return this;
        }

        /** A default route from {@code private-a}'s route table to an internet gateway. */
        public Builder internetGatewayRoute() {
            this.internet = Internet.INTERNET_GATEWAY;
            return this;
        }

        /** A NAT gateway in a public subnet ({@code 10.0.100.0/24}) and a default route to it. */
        public Builder natGatewayRoute() {
            this.internet = Internet.NAT_GATEWAY;
            return this;
        }

        public Builder natGatewayRoute(String publicSubnetCidr) {
            this.natPublicSubnetCidr = publicSubnetCidr;
            return natGatewayRoute();
        }

        /** The task group lets out only TCP on this port to this CIDR (call again to add rules). */
        public Builder taskEgressTcp(int port, String cidr) {
            if (taskEgress == null) {
                taskEgress = new ArrayList<>();
            }
            taskEgress.add(new TcpRule(port, cidr));
            return this;
        }

        /** The task group lets nothing out. */
        public Builder taskEgressNone() {
            this.taskEgress = new ArrayList<>();
            return this;
        }

        /** The task group lets everything out (the default). */
        public Builder taskEgressAll() {
            this.taskEgress = null;
            return this;
        }

        /** Adds an endpoint, replacing an earlier one of the same service and type. */
        public Builder endpoint(EndpointSpec endpoint) {
            endpoints.removeIf(e -> e.service().equals(endpoint.service()) && e.gateway() == endpoint.gateway());
            endpoints.add(endpoint);
            return this;
        }

        /** Adds an endpoint even if the service has one already (e.g. a second one, private DNS off). */
        public Builder additionalEndpoint(EndpointSpec endpoint) {
            endpoints.add(endpoint);
            return this;
        }

        /** Drops the endpoints of a service. */
        public Builder withoutEndpoint(String service) {
            endpoints.removeIf(e -> e.service().equals(service));
            return this;
        }

        /** The seed's five interface endpoints in {@code private-a} and the S3 gateway on its table. */
        public Builder seedEndpoints() {
            endpoint(EndpointSpec.gateway("s3"));
            SEED_INTERFACE_SERVICES.forEach(s -> endpoint(EndpointSpec.interfaceEndpoint(s)));
            return this;
        }

        public Builder clusterName(String name) {
            this.clusterName = name;
            return this;
        }

        public Builder family(String family) {
            this.family = family;
            return this;
        }

        /** Task-level CPU units and memory (MiB), as strings like the API: "256", "512". */
        public Builder cpuMemory(String cpu, String memory) {
            this.cpu = cpu;
            this.memory = memory;
            return this;
        }

        /** The image of the first container {@code app} (a private ECR image by default). */
        public Builder image(String image) {
            containers.set(0, new ContainerSpec(containers.get(0).name(), image));
            return this;
        }

        /** Another container (a sidecar) with its own image. */
        public Builder container(String name, String image) {
            containers.add(new ContainerSpec(name, image));
            return this;
        }

        /** No log configuration at all (no logs endpoint needed). */
        public Builder noLogs() {
            this.logs = false;
            return this;
        }

        /** awslogs to another region (no endpoint can serve it). */
        public Builder logRegion(String region) {
            this.logRegion = region;
            return this;
        }

        public Builder noSecrets() {
            this.secrets.clear();
            return this;
        }

        /** Adds a secret ({@code valueFrom}: SSM parameter ARN or name, or Secrets Manager ARN). */
        public Builder secret(String name, String valueFrom) {
            this.secrets.put(name, valueFrom);
            return this;
        }

        /** Private registry credentials from Secrets Manager on the first container. */
        public Builder repositoryCredentials(String secretArn) {
            this.repositoryCredentials = secretArn;
            return this;
        }

        /** An S3 environment file ({@code arn:aws:s3:::bucket/key.env}) on the first container. */
        public Builder environmentFile(String s3Arn) {
            this.environmentFile = s3Arn;
            return this;
        }

        /** ECS Exec on the task (and the service). */
        public Builder executeCommand() {
            this.executeCommand = true;
            return this;
        }

        /** {@code 1.4.0} by default; {@code LATEST}, {@code 1.3.0}, ... */
        public Builder platformVersion(String version) {
            this.platformVersion = Objects.requireNonNull(version);
            return this;
        }

        /** A service of this name; tasks then run in group {@code service:NAME}. */
        public Builder service(String name) {
            this.serviceName = name;
            return this;
        }

        public Builder assignPublicIp(boolean on) {
            this.assignPublicIp = on;
            return this;
        }

        /**
         * The network only: no cluster, task definition or service (for fleets whose clusters and
         * services are made by the test, several VPCs to one cluster). {@link #clusterArn()},
         * {@link #taskDefinitionArn()} are then null and {@link #runAndStopTask} cannot be used.
         */
        public Builder noEcs() {
            this.ecs = false;
            return this;
        }

        /**
         * Creates everything with clients built from the SDK's standard settings (closed by
         * {@link FargateScenario#close()}). The builder can be changed and used again afterwards.
         */
        public FargateScenario create() {
            return new FargateScenario(copy(), FixtureClients.ec2(), FixtureClients.ecs(), true).build();
        }

        /** Creates everything with these clients (not closed by the scenario). */
        public FargateScenario create(Ec2Client ec2, EcsClient ecs) {
            return new FargateScenario(copy(), ec2, ecs, false).build();
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.namePrefix = namePrefix;
            copy.vpcCidr = vpcCidr;
            copy.dnsSupport = dnsSupport;
            copy.dnsHostnames = dnsHostnames;
            copy.subnets.clear();
            copy.subnets.putAll(subnets);
            copy.internet = internet;
            copy.natPublicSubnetCidr = natPublicSubnetCidr;
            copy.taskEgress = taskEgress == null ? null : List.copyOf(taskEgress);
            copy.endpoints.addAll(endpoints);
            copy.clusterName = clusterName;
            copy.family = family;
            copy.cpu = cpu;
            copy.memory = memory;
            copy.containers.clear();
            copy.containers.addAll(containers);
            copy.logs = logs;
            copy.logRegion = logRegion;
            copy.secrets.clear();
            copy.secrets.putAll(secrets);
            copy.repositoryCredentials = repositoryCredentials;
            copy.environmentFile = environmentFile;
            copy.executeCommand = executeCommand;
            copy.platformVersion = platformVersion;
            copy.serviceName = serviceName;
            copy.assignPublicIp = assignPublicIp;
            copy.ecs = ecs;
            return copy;
        }
    }
}
