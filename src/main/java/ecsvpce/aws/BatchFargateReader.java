package ecsvpce.aws;

import ecsvpce.app.port.BatchEnvironments;
import ecsvpce.core.needs.ContainerDefinition;
import ecsvpce.core.needs.LogConfiguration;
import ecsvpce.core.needs.SecretReference;
import ecsvpce.core.needs.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.ComputeResource;
import software.amazon.awssdk.services.batch.model.ContainerProperties;
import software.amazon.awssdk.services.batch.model.JobDefinition;
import software.amazon.awssdk.services.batch.model.Secret;
import software.amazon.awssdk.services.batch.model.TaskContainerProperties;

/**
 * AWS Batch compute environments on Fargate (or Fargate Spot) and the ACTIVE job definitions that
 * run on Fargate, as the task definitions their jobs start with (docs/cost.md#aws-batch-on-fargate).
 * A job definition without a log configuration logs with awslogs: Batch's default.
 */
public final class BatchFargateReader implements BatchEnvironments {
    /** What Batch gives a job that names no log driver. */
    static final LogConfiguration BATCH_DEFAULT_LOGS = new LogConfiguration("awslogs", Map.of(), List.of());

    private final BatchClient batch;

    public BatchFargateReader(BatchClient batch) {
        this.batch = batch;
    }

    @Override
    public List<FargateEnvironment> fargateEnvironments() {
        return AwsCall.run("batch:DescribeComputeEnvironments", () -> batch.describeComputeEnvironmentsPaginator(r -> { })
                .computeEnvironments().stream()
                .filter(e -> isFargate(e.computeResources()))
                .map(e -> new FargateEnvironment(e.computeEnvironmentArn(), e.computeResources().subnets()))
                .toList());
    }

    @Override
    public List<FargateJobDefinition> fargateJobDefinitions() {
        return AwsCall.run("batch:DescribeJobDefinitions", () -> batch.describeJobDefinitionsPaginator(r -> r.status("ACTIVE"))
                .jobDefinitions().stream()
                .filter(d -> d.platformCapabilitiesAsStrings().contains("FARGATE"))
                .map(BatchFargateReader::asTaskDefinition)
                .toList());
    }

    private static boolean isFargate(ComputeResource resources) {
        return resources != null && resources.typeAsString() != null && resources.typeAsString().startsWith("FARGATE");
    }

    static FargateJobDefinition asTaskDefinition(JobDefinition job) {
        List<ContainerDefinition> containers = new ArrayList<>();
        String platformVersion = null;
        ContainerProperties single = job.containerProperties();
        if (single != null) {
            containers.add(container("default", single.image(), logs(single.logConfiguration()), single.secrets(),
                    single.repositoryCredentials() == null ? null : single.repositoryCredentials().credentialsParameter()));
            platformVersion = single.fargatePlatformConfiguration() == null ? null
                    : single.fargatePlatformConfiguration().platformVersion();
        }
        if (job.ecsProperties() != null) {
            for (var task : job.ecsProperties().taskProperties()) {
                for (TaskContainerProperties c : task.containers()) {
                    containers.add(container(c.name(), c.image(), logs(c.logConfiguration()), c.secrets(),
                            c.repositoryCredentials() == null ? null : c.repositoryCredentials().credentialsParameter()));
                }
                platformVersion = task.platformVersion();
            }
        }
        return new FargateJobDefinition(new TaskDefinition(job.jobDefinitionArn(), containers, null), platformVersion);
    }

    private static ContainerDefinition container(String name, String image, LogConfiguration logs, List<Secret> secrets,
                                                 String credentials) {
        return new ContainerDefinition(name, image, logs,
                secrets.stream().map(s -> new SecretReference(s.name(), s.valueFrom())).toList(), credentials, List.of());
    }

    private static LogConfiguration logs(software.amazon.awssdk.services.batch.model.LogConfiguration given) {
        return given == null ? BATCH_DEFAULT_LOGS : new LogConfiguration(given.logDriverAsString(), given.options(),
                given.secretOptions().stream().map(s -> new SecretReference(s.name(), s.valueFrom())).toList());
    }
}
