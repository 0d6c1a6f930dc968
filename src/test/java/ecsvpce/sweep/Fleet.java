package ecsvpce.sweep;

import ecsvpce.testing.FixtureClients;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.FargateScenarioBuilder;
import ecsvpce.testing.TaskDefinitionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.LaunchType;

/**
 * A fleet for the sweep, built through the SDK against moto: VPCs (each a {@link FargateScenario}
 * without ECS resources), clusters, task definitions and services, any service in any VPC. It
 * remembers what it made, so tests can state the sweep's expected AWS calls as formulas over it.
 *
 * <pre>{@code
 * try (Fleet fleet = new Fleet()) {
 *     FargateScenario a = fleet.vpc("a", FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs"));
 *     String orders = fleet.cluster("orders");
 *     String api = fleet.taskDefinition("api", Fleet.Definition.seed());
 *     fleet.service(Fleet.Service.of(orders, "api", api, a).platformVersion("1.3.0"));
 * }
 * }</pre>
 *
 * <p>The fixture's own calls go through clients of its own, not the recorded ones of the function.
 */
final class Fleet implements AutoCloseable {
    private final Ec2Client ec2 = FixtureClients.ec2();
    private final EcsClient ecs = FixtureClients.ecs();
    private final Map<String, FargateScenario> vpcs = new LinkedHashMap<>();
    private final Map<String, String> clusters = new LinkedHashMap<>();
    private final List<Created> services = new ArrayList<>();
    private final MotoServiceFields motoServiceFields = new MotoServiceFields();
    private int nextCidr = 1;

    /**
     * A VPC from this builder, without its cluster and task, with a CIDR of its own: {@code 10.N.0.0/16},
     * {@code private-a} = {@code 10.N.1.0/24} in {@code us-east-1a}, and one extra isolated subnet (own
     * route table) per AZ given, named {@code private-b}, {@code private-c}, ... = {@code 10.N.2.0/24}, ...
     * Name tags and group names start with {@code label}.
     */
    FargateScenario vpc(String label, FargateScenarioBuilder builder, String... extraSubnetAzs) {
        int n = nextCidr++;
        builder.namePrefix(label).vpcCidr("10." + n + ".0.0/16").subnetCidr("10." + n + ".1.0/24").noEcs();
        for (int k = 0; k < extraSubnetAzs.length; k++) {
            builder.extraSubnet("private-" + (char) ('b' + k), extraSubnetAzs[k], "10." + n + "." + (k + 2) + ".0/24");
        }
        FargateScenario scenario = builder.create(ec2, ecs);
        vpcs.put(label, scenario);
        return scenario;
    }

    String cluster(String name) {
        String arn = ecs.createCluster(r -> r.clusterName(name)).cluster().clusterArn();
        clusters.put(name, arn);
        return arn;
    }

    /** Registers a revision of the family (one container {@code app}, 256 CPU / 512 MiB); returns its ARN. */
    String taskDefinition(String family, Definition definition) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (int i = 0; i < definition.secrets().size(); i++) {
            secrets.put("SECRET_" + i, definition.secrets().get(i));
        }
        TaskDefinitionSpec.Container app = new TaskDefinitionSpec.Container("app", definition.image());
        return new TaskDefinitionSpec(family, "256", "512", List.of(app), definition.awslogs(), "us-east-1", secrets,
                null, null).register(ecs);
    }

    /** Deregisters and deletes a task definition revision: DescribeTaskDefinition then fails as on AWS. */
    void deleteTaskDefinition(String taskDefinitionArn) {
        ecs.deregisterTaskDefinition(r -> r.taskDefinition(taskDefinitionArn));
        ecs.deleteTaskDefinitions(r -> r.taskDefinitions(taskDefinitionArn));
    }

    String service(Service spec) {
        List<String> subnetIds = spec.subnets().stream().map(spec.vpc()::subnetId).toList();
        CreateServiceRequest.Builder request = CreateServiceRequest.builder()
                .cluster(spec.clusterArn())
                .serviceName(spec.name())
                .taskDefinition(spec.taskDefinitionArn())
                .desiredCount(1)
                .enableExecuteCommand(spec.executeCommand())
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnetIds)
                        .securityGroups(spec.vpc().taskSecurityGroupId())));   // moto answers HTTP 500 without
        switch (spec.launch()) {
            case FARGATE -> request.launchType(LaunchType.FARGATE);
            case FARGATE_SPOT -> request.capacityProviderStrategy(c -> c.capacityProvider("FARGATE_SPOT").weight(1));
            case EC2 -> request.launchType(LaunchType.EC2);
        }
        if (spec.platformVersion() != null) {
            request.platformVersion(spec.platformVersion());
        }
        String arn = ecs.createService(request.build()).service().serviceArn();
        motoServiceFields.created(arn, spec.executeCommand(), spec.launch() == Launch.FARGATE_SPOT);
        services.add(new Created(arn, spec, subnetIds));
        return arn;
    }

    /** Put this on the function's ECS client: see {@link MotoServiceFields}. */
    MotoServiceFields motoServiceFields() {
        return motoServiceFields;
    }

    FargateScenario vpc(String label) {
        return Objects.requireNonNull(vpcs.get(label), label);
    }

    Map<String, FargateScenario> vpcs() {
        return Map.copyOf(vpcs);
    }

    String clusterArn(String name) {
        return Objects.requireNonNull(clusters.get(name), name);
    }

    List<Created> services() {
        return List.copyOf(services);
    }

    Ec2Client ec2() {
        return ec2;
    }

    EcsClient ecs() {
        return ecs;
    }

    // ------------------------------------------------------------------------------ expectations

    /** Services listed per cluster (every launch type: ListServices and DescribeServices see them all). */
    Map<String, Long> listedServicesByCluster() {
        Map<String, Long> counts = new LinkedHashMap<>();
        clusters.values().forEach(arn -> counts.put(arn, 0L));
        services.forEach(s -> counts.merge(s.spec().clusterArn(), 1L, Long::sum));
        return counts;
    }

    /** The services the sweep checks: Fargate (launch type or capacity provider), awsvpc. */
    List<Created> fargateServices() {
        return services.stream().filter(s -> s.spec().launch() != Launch.EC2).toList();
    }

    Set<String> distinctTaskDefinitions() {
        return fargateServices().stream().map(s -> s.spec().taskDefinitionArn())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    Set<String> distinctSubnets() {
        return fargateServices().stream().flatMap(s -> s.subnetIds().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    Set<String> vpcsWithServices() {
        return fargateServices().stream().map(s -> s.spec().vpc().vpcId())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public void close() {
        ec2.close();
        ecs.close();
    }

    // ------------------------------------------------------------------------------ specs

    enum Launch { FARGATE, FARGATE_SPOT, EC2 }

    /** The container of a task definition: private ECR image, awslogs, secrets by {@code valueFrom}. */
    record Definition(String image, boolean awslogs, List<String> secrets) {
        Definition {
            secrets = List.copyOf(secrets);
        }

        /** The seed's: private ECR image, awslogs, an SSM parameter and a Secrets Manager secret. */
        static Definition seed() {
            return new Definition(FargateScenario.DEFAULT_IMAGE, true,
                    List.of(FargateScenario.SSM_PARAMETER_ARN, FargateScenario.SECRET_ARN));
        }

        Definition withoutSecrets() {
            return new Definition(image, awslogs, List.of());
        }
    }

    /**
     * A service: FARGATE launch type, platform version {@code 1.4.0}, in the VPC's {@code private-a}, no ECS Exec,
     * unless changed.
     *
     * @param platformVersion null: not set on the service
     */
    record Service(String clusterArn, String name, String taskDefinitionArn, FargateScenario vpc,
                   List<String> subnets, String platformVersion, boolean executeCommand, Launch launch) {
        Service {
            subnets = List.copyOf(subnets);
        }

        static Service of(String clusterArn, String name, String taskDefinitionArn, FargateScenario vpc) {
            return new Service(clusterArn, name, taskDefinitionArn, vpc, List.of(FargateScenario.TASK_SUBNET),
                    "1.4.0", false, Launch.FARGATE);
        }

        /** The VPC's subnets by name ({@code private-a}, extra ones). */
        Service subnets(String... names) {
            return new Service(clusterArn, name, taskDefinitionArn, vpc, List.of(names), platformVersion,
                    executeCommand, launch);
        }

        Service platformVersion(String version) {
            return new Service(clusterArn, name, taskDefinitionArn, vpc, subnets, version, executeCommand, launch);
        }

        /** ECS Exec on ({@code enableExecuteCommand}). */
        Service ecsExec() {
            return new Service(clusterArn, name, taskDefinitionArn, vpc, subnets, platformVersion, true, launch);
        }

        Service launch(Launch other) {
            return new Service(clusterArn, name, taskDefinitionArn, vpc, subnets, platformVersion, executeCommand,
                    other);
        }
    }

    /** A service as created. */
    record Created(String serviceArn, Service spec, List<String> subnetIds) {
    }
}
