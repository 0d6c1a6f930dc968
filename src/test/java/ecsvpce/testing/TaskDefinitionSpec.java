package ecsvpce.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.EnvironmentFile;
import software.amazon.awssdk.services.ecs.model.EnvironmentFileType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Secret;

/**
 * A Fargate task definition (awsvpc, the seed's execution role), registered through the SDK. The
 * first container is the essential one and carries the secrets, the registry credentials and the
 * environment file; the task's memory is shared out evenly, since moto answers RunTask with HTTP
 * 500 for a container without {@code memory}.
 *
 * @param cpu                   task CPU units, as the API takes them ({@code "256"})
 * @param memory                task memory in MiB ({@code "512"})
 * @param awslogs               the awslogs driver on every container, to {@code logRegion}
 * @param secrets               name to {@code valueFrom} (SSM parameter or Secrets Manager ARN), in order
 * @param repositoryCredentials Secrets Manager ARN, or null
 * @param environmentFile       S3 ARN of an environment file, or null
 */
public record TaskDefinitionSpec(String family, String cpu, String memory, List<Container> containers, boolean awslogs,
                                 String logRegion, Map<String, String> secrets, String repositoryCredentials,
                                 String environmentFile) {

    static final String EXECUTION_ROLE_ARN = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";

    public TaskDefinitionSpec {
        containers = List.copyOf(containers);
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    }

    public record Container(String name, String image) {
    }

    /** Registers a revision of the family; returns its ARN. */
    public String register(EcsClient ecs) {
        return ecs.registerTaskDefinition(r -> r.family(family)
                        .networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilities(Compatibility.FARGATE)
                        .cpu(cpu)
                        .memory(memory)
                        .executionRoleArn(EXECUTION_ROLE_ARN)
                        .containerDefinitions(containerDefinitions()))
                .taskDefinition().taskDefinitionArn();
    }

    private List<ContainerDefinition> containerDefinitions() {
        List<ContainerDefinition> definitions = new ArrayList<>();
        int memoryEach = Integer.parseInt(memory) / containers.size();
        for (int i = 0; i < containers.size(); i++) {
            Container container = containers.get(i);
            ContainerDefinition.Builder definition = ContainerDefinition.builder()
                    .name(container.name())
                    .image(container.image())
                    .essential(i == 0)
                    .memory(memoryEach);
            if (awslogs) {
                definition.logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of(
                        "awslogs-group", "/ecs/" + family,
                        "awslogs-region", logRegion,
                        "awslogs-stream-prefix", container.name())));
            }
            if (i == 0) {
                definition.secrets(secrets.entrySet().stream()
                        .map(s -> Secret.builder().name(s.getKey()).valueFrom(s.getValue()).build()).toList());
                if (repositoryCredentials != null) {
                    definition.repositoryCredentials(c -> c.credentialsParameter(repositoryCredentials));
                }
                if (environmentFile != null) {
                    definition.environmentFiles(EnvironmentFile.builder().type(EnvironmentFileType.S3)
                            .value(environmentFile).build());
                }
            }
            definitions.add(definition.build());
        }
        return definitions;
    }
}
