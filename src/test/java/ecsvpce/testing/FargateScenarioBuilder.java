package ecsvpce.testing;

import ecsvpce.testing.NetworkSpec.Internet;
import ecsvpce.testing.NetworkSpec.SubnetSpec;
import ecsvpce.testing.NetworkSpec.TcpRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Options of a {@link FargateScenario}; every one has the seed's value by default. The builder
 * can be changed and used again after {@link #create}: each scenario gets a snapshot.
 */
public final class FargateScenarioBuilder {
    /** The five interface endpoints of the seed's Terraform (plus the S3 gateway). */
    private static final List<String> SEED_INTERFACE_SERVICES = List.of("ecr.dkr", "ecr.api", "secretsmanager", "ssm", "logs");

    private String namePrefix = "seed";
    private String vpcCidr = FargateScenario.SEED_VPC_CIDR;
    private boolean dnsSupport = true;
    private boolean dnsHostnames = true;
    private final Map<String, SubnetSpec> subnets = new LinkedHashMap<>();
    private Internet internet = Internet.NONE;
    private List<TcpRule> taskEgress;   // null: all traffic out
    private final List<EndpointSpec> endpoints = new ArrayList<>();
    private String clusterName = "app-cluster";
    private String family = "app";
    private String cpu = "256";
    private String memory = "512";
    private final List<TaskDefinitionSpec.Container> containers =
            new ArrayList<>(List.of(new TaskDefinitionSpec.Container("app", FargateScenario.DEFAULT_IMAGE)));
    private boolean logs = true;
    private String logRegion = "us-east-1";
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private String repositoryCredentials;
    private String environmentFile;
    private boolean executeCommand;
    private String platformVersion = "1.4.0";
    private String serviceName;
    private boolean ecs = true;

    FargateScenarioBuilder() {
        subnets.put(FargateScenario.TASK_SUBNET,
                new SubnetSpec(FargateScenario.TASK_SUBNET_AZ, FargateScenario.TASK_SUBNET_CIDR, true));
        secrets.put("DB_USER", FargateScenario.SSM_PARAMETER_ARN);
        secrets.put("DB_PASS", FargateScenario.SECRET_ARN);
    }

    // ----------------------------------------------------------------------------------------- network

    /** Prefix of the Name tags and group names ({@code seed}). */
    public FargateScenarioBuilder namePrefix(String prefix) {
        this.namePrefix = prefix;
        return this;
    }

    /** The VPC CIDR; give {@link #subnetCidr} too if {@code 10.0.1.0/24} is not inside it. */
    public FargateScenarioBuilder vpcCidr(String cidr) {
        this.vpcCidr = cidr;
        return this;
    }

    public FargateScenarioBuilder dnsSupport(boolean on) {
        this.dnsSupport = on;
        return this;
    }

    public FargateScenarioBuilder dnsHostnames(boolean on) {
        this.dnsHostnames = on;
        return this;
    }

    /** {@code private-a}'s CIDR ({@code 10.0.1.0/24}). */
    public FargateScenarioBuilder subnetCidr(String cidr) {
        SubnetSpec a = subnets.get(FargateScenario.TASK_SUBNET);
        subnets.put(FargateScenario.TASK_SUBNET, new SubnetSpec(a.az(), cidr, a.ownRouteTable()));
        return this;
    }

    /** {@code private-a} without a route table of its own: the VPC's main table serves it. */
    public FargateScenarioBuilder subnetOnMainRouteTable() {
        SubnetSpec a = subnets.get(FargateScenario.TASK_SUBNET);
        subnets.put(FargateScenario.TASK_SUBNET, new SubnetSpec(a.az(), a.cidr(), false));
        return this;
    }

    /** Another isolated subnet with its own route table (same AZ as another one is allowed). */
    public FargateScenarioBuilder extraSubnet(String name, String az, String cidr) {
        subnets.put(name, new SubnetSpec(az, cidr, true));
        return this;
    }

    /** A default route from {@code private-a}'s route table to an internet gateway. */
    public FargateScenarioBuilder internetGatewayRoute() {
        this.internet = Internet.INTERNET_GATEWAY;
        return this;
    }

    /** A NAT gateway in a public subnet ({@code 10.0.100.0/24}) and a default route to it. */
    public FargateScenarioBuilder natGatewayRoute() {
        this.internet = Internet.NAT_GATEWAY;
        return this;
    }

    /** The task group lets out only TCP on this port to this CIDR (call again to add rules). */
    public FargateScenarioBuilder taskEgressTcp(int port, String cidr) {
        if (taskEgress == null) {
            taskEgress = new ArrayList<>();
        }
        taskEgress.add(new TcpRule(port, cidr));
        return this;
    }

    /** The task group lets nothing out. */
    public FargateScenarioBuilder taskEgressNone() {
        this.taskEgress = new ArrayList<>();
        return this;
    }

    /** Adds an endpoint, replacing an earlier one of the same service and type. */
    public FargateScenarioBuilder endpoint(EndpointSpec endpoint) {
        endpoints.removeIf(e -> e.service().equals(endpoint.service()) && e.gateway() == endpoint.gateway());
        endpoints.add(endpoint);
        return this;
    }

    /** Adds an endpoint even if the service has one already (e.g. a second one, private DNS off). */
    public FargateScenarioBuilder additionalEndpoint(EndpointSpec endpoint) {
        endpoints.add(endpoint);
        return this;
    }

    /** Drops the endpoints of a service. */
    public FargateScenarioBuilder withoutEndpoint(String service) {
        endpoints.removeIf(e -> e.service().equals(service));
        return this;
    }

    /** The seed's five interface endpoints in {@code private-a} and the S3 gateway on its table. */
    FargateScenarioBuilder seedEndpoints() {
        endpoint(EndpointSpec.gateway("s3"));
        SEED_INTERFACE_SERVICES.forEach(s -> endpoint(EndpointSpec.interfaceEndpoint(s)));
        return this;
    }

    // ----------------------------------------------------------------------------------------- ECS

    public FargateScenarioBuilder clusterName(String name) {
        this.clusterName = name;
        return this;
    }

    public FargateScenarioBuilder family(String family) {
        this.family = family;
        return this;
    }

    /** Task-level CPU units and memory (MiB), as strings like the API: "256", "512". */
    public FargateScenarioBuilder cpuMemory(String cpu, String memory) {
        this.cpu = cpu;
        this.memory = memory;
        return this;
    }

    /** The image of the first container {@code app} (a private ECR image by default). */
    public FargateScenarioBuilder image(String image) {
        containers.set(0, new TaskDefinitionSpec.Container(containers.get(0).name(), image));
        return this;
    }

    /** Another container (a sidecar) with its own image. */
    public FargateScenarioBuilder container(String name, String image) {
        containers.add(new TaskDefinitionSpec.Container(name, image));
        return this;
    }

    /** No log configuration at all (no logs endpoint needed). */
    public FargateScenarioBuilder noLogs() {
        this.logs = false;
        return this;
    }

    /** awslogs to another region (no endpoint can serve it). */
    public FargateScenarioBuilder logRegion(String region) {
        this.logRegion = region;
        return this;
    }

    public FargateScenarioBuilder noSecrets() {
        this.secrets.clear();
        return this;
    }

    /** Adds a secret ({@code valueFrom}: SSM parameter ARN or name, or Secrets Manager ARN). */
    public FargateScenarioBuilder secret(String name, String valueFrom) {
        this.secrets.put(name, valueFrom);
        return this;
    }

    /** Private registry credentials from Secrets Manager on the first container. */
    public FargateScenarioBuilder repositoryCredentials(String secretArn) {
        this.repositoryCredentials = secretArn;
        return this;
    }

    /** An S3 environment file ({@code arn:aws:s3:::bucket/key.env}) on the first container. */
    public FargateScenarioBuilder environmentFile(String s3Arn) {
        this.environmentFile = s3Arn;
        return this;
    }

    /** ECS Exec on the task (and the service). */
    public FargateScenarioBuilder executeCommand() {
        this.executeCommand = true;
        return this;
    }

    /** {@code 1.4.0} by default; {@code LATEST}, {@code 1.3.0}, ... */
    public FargateScenarioBuilder platformVersion(String version) {
        this.platformVersion = Objects.requireNonNull(version);
        return this;
    }

    /** A service of this name; tasks then run in group {@code service:NAME}. */
    public FargateScenarioBuilder service(String name) {
        this.serviceName = name;
        return this;
    }

    /**
     * The network only: no cluster, task definition or service (for fleets whose clusters and
     * services are made by the test, several VPCs to one cluster). {@link FargateScenario#clusterArn()},
     * {@link FargateScenario#taskDefinitionArn()} are then null and no task can be run.
     */
    public FargateScenarioBuilder noEcs() {
        this.ecs = false;
        return this;
    }

    // ----------------------------------------------------------------------------------------- create

    /** Creates everything with clients built from the SDK's standard settings (closed by {@link FargateScenario#close()}). */
    public FargateScenario create() {
        return FargateScenario.create(networkSpec(), ecsSpec(), FixtureClients.ec2(), FixtureClients.ecs(), true);
    }

    /** Creates everything with these clients (not closed by the scenario). */
    public FargateScenario create(Ec2Client ec2, EcsClient ecsClient) {
        return FargateScenario.create(networkSpec(), ecsSpec(), ec2, ecsClient, false);
    }

    private NetworkSpec networkSpec() {
        return new NetworkSpec(namePrefix, vpcCidr, dnsSupport, dnsHostnames, subnets, internet, taskEgress, endpoints);
    }

    /** Null with {@link #noEcs()}. */
    private ScenarioEcs.Spec ecsSpec() {
        if (!ecs) {
            return null;
        }
        TaskDefinitionSpec taskDefinition = new TaskDefinitionSpec(family, cpu, memory, containers, logs, logRegion,
                secrets, repositoryCredentials, environmentFile);
        return new ScenarioEcs.Spec(clusterName, taskDefinition, platformVersion, executeCommand, serviceName);
    }
}
