package ecsvpce.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The seed article's isolated Fargate setup, and its variants, built through real SDK calls
 * (against moto in tests and the demo; the SDK's standard settings say where): the network
 * ({@link ScenarioNetwork}), the ECS resources ({@link ScenarioEcs}), and tasks that fail to start
 * with the event AWS sends for them ({@link TaskStoppedEvent}).
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
 * <p>moto differences handled (see {@code src/test/moto/README.md}): RunTask in a VPC with
 * enableDnsHostnames off answers HTTP 500, so the attribute is switched on around RunTask only;
 * RunTask/CreateService always get explicit security groups; every container has {@code memory};
 * the event adds what DescribeTasks lacks in moto.
 */
public final class FargateScenario implements AutoCloseable {

    public static final String TASK_SUBNET = "private-a";
    public static final String SEED_VPC_CIDR = "10.0.0.0/16";
    public static final String TASK_SUBNET_AZ = "us-east-1a";
    public static final String TASK_SUBNET_CIDR = "10.0.1.0/24";
    public static final String DEFAULT_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1";
    public static final String SSM_PARAMETER_ARN = "arn:aws:ssm:us-east-1:123456789012:parameter/app/db-user";
    public static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-pass-AbCdEf";
    /** The seed's error when secretsmanager's endpoint has private DNS off (its account and region made ours). */
    public static final String SEED_SECRETS_MANAGER_REASON = "ResourceInitializationError: unable to pull secrets or "
            + "registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has "
            + "been retried 1 time(s): failed to fetch secret " + SECRET_ARN;

    private final Ec2Client ec2;
    private final EcsClient ecs;
    private final boolean ownsClients;
    private final ScenarioNetwork network;
    private final ScenarioEcs ecsResources;

    private FargateScenario(Ec2Client ec2, EcsClient ecs, boolean ownsClients, ScenarioNetwork network,
                            ScenarioEcs ecsResources) {
        this.ec2 = ec2;
        this.ecs = ecs;
        this.ownsClients = ownsClients;
        this.network = network;
        this.ecsResources = ecsResources;
    }

    /** Creates the network, then the ECS resources unless {@code ecsSpec} is null. */
    static FargateScenario create(NetworkSpec networkSpec, ScenarioEcs.Spec ecsSpec, Ec2Client ec2, EcsClient ecs,
                                  boolean ownsClients) {
        ScenarioNetwork network = ScenarioNetwork.create(ec2, networkSpec);
        ScenarioEcs ecsResources = ecsSpec == null ? null
                : ScenarioEcs.create(ecs, ecsSpec, network.subnetId(TASK_SUBNET), network.taskSecurityGroupId());
        return new FargateScenario(ec2, ecs, ownsClients, network, ecsResources);
    }

    /** The isolated VPC, subnet, groups and ECS resources; no endpoints. */
    public static FargateScenarioBuilder builder() {
        return new FargateScenarioBuilder();
    }

    /** The seed's five interface endpoints and the S3 gateway, all private DNS on. */
    public static FargateScenarioBuilder seedEndpointsAllOn() {
        return builder().seedEndpoints();
    }

    /** The seed's experiment: its endpoints, but {@code secretsmanager} with private DNS off. */
    public static FargateScenarioBuilder seedArticle() {
        return builder().seedEndpoints().endpoint(EndpointSpec.interfaceEndpoint("secretsmanager").privateDns(false));
    }

    // ----------------------------------------------------------------------------------------- run

    /** Runs the task in {@code private-a}, stops it with this reason, returns AWS's event for it. */
    public TaskStoppedEvent runAndStopTask(String stoppedReason) {
        return runAndStopTask(TASK_SUBNET, stoppedReason);
    }

    /** Runs the task in the named subnet, stops it with this reason, returns AWS's event for it. */
    public TaskStoppedEvent runAndStopTask(String subnetName, String stoppedReason) {
        String subnetId = network.subnetId(subnetName);
        String taskArn = network.withDnsHostnamesOn(() -> ecsResources().runTask(subnetId));
        Task task = ecsResources().stop(taskArn, stoppedReason);
        Subnet subnet = ec2.describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0);
        TaskDefinition definition = ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinitionArn()))
                .taskDefinition();
        return TaskStoppedEvent.failedToStart(task, subnet, definition, stoppedReason,
                ecsResources().spec().executeCommand());
    }

    private ScenarioEcs ecsResources() {
        if (ecsResources == null) {
            throw new IllegalStateException("this scenario was built with noEcs(): it has no task to run");
        }
        return ecsResources;
    }

    // ----------------------------------------------------------------------------------------- accessors

    public VpcReadBack readBack() {
        return network.readBack();
    }

    public Ec2Client ec2() {
        return ec2;
    }

    public EcsClient ecs() {
        return ecs;
    }

    public String vpcId() {
        return network.vpcId();
    }

    /** {@code private-a}'s id. */
    public String subnetId() {
        return network.subnetId(TASK_SUBNET);
    }

    /** A subnet by name: {@code private-a}, an extra one, or {@code public} (NAT scenario). */
    public String subnetId(String name) {
        return network.subnetId(name);
    }

    public Map<String, String> subnetIds() {
        return network.subnetIds();
    }

    public String subnetCidr(String name) {
        return network.subnet(name).cidr();
    }

    public String availabilityZone(String subnetName) {
        return network.subnet(subnetName).az();
    }

    /** The route table serving {@code private-a}: its own, or the main one. */
    public String routeTableId() {
        return network.routeTableId(TASK_SUBNET);
    }

    public String routeTableId(String subnetName) {
        return network.routeTableId(subnetName);
    }

    public String mainRouteTableId() {
        return network.mainRouteTableId();
    }

    public String defaultSecurityGroupId() {
        return network.defaultSecurityGroupId();
    }

    public String taskSecurityGroupId() {
        return network.taskSecurityGroupId();
    }

    /** {@code vpc-endpoint}: TCP 443 in from the VPC CIDR. */
    public String endpointSecurityGroupId() {
        return network.endpointSecurityGroupId();
    }

    /** {@code vpc-endpoint-no-https}, if some endpoint asked for it. */
    public Optional<String> noHttpsSecurityGroupId() {
        return Optional.ofNullable(network.noHttpsSecurityGroupId());
    }

    public Optional<String> internetGatewayId() {
        return Optional.ofNullable(network.internetGatewayId());
    }

    public Optional<String> natGatewayId() {
        return Optional.ofNullable(network.natGatewayId());
    }

    /** The id of the (first) endpoint this scenario created for a service. */
    public String endpointId(String service) {
        List<String> ids = network.endpointIds().get(service);
        if (ids == null) {
            throw new IllegalArgumentException("this scenario created no " + service + " endpoint; it has "
                    + network.endpointIds().keySet());
        }
        return ids.get(0);
    }

    /** The ids of the endpoints this scenario created, by service, in creation order. */
    public Map<String, List<String>> endpointIds() {
        return network.endpointIds();
    }

    /** Null with {@code noEcs()}. */
    public String clusterArn() {
        return ecsResources == null ? null : ecsResources.clusterArn();
    }

    /** Null with {@code noEcs()}. */
    public String taskDefinitionArn() {
        return ecsResources == null ? null : ecsResources.taskDefinitionArn();
    }

    public Optional<String> serviceArn() {
        return Optional.ofNullable(ecsResources == null ? null : ecsResources.serviceArn());
    }

    public String platformVersion() {
        return ecsResources().spec().platformVersion();
    }

    @Override
    public void close() {
        if (ownsClients) {
            ec2.close();
            ecs.close();
        }
    }
}
