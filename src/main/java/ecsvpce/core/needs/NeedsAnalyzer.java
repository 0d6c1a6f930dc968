package ecsvpce.core.needs;

import ecsvpce.core.EndpointService;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out which endpoints a Fargate task needs to start, and why, from its task definition and
 * launch (docs/startup-needs.md).
 */
public final class NeedsAnalyzer {
    private static final String TASK = "(task)";

    private NeedsAnalyzer() {
    }

    public static TaskNeeds analyze(TaskDefinition definition, TaskLaunch launch) {
        Collector collector = new Collector(launch.region());
        boolean windows = definition.isWindows()
                || (launch.platformFamily() != null && launch.platformFamily().toUpperCase().startsWith("WINDOWS"));
        boolean ecrAuthThroughTask = PlatformVersion.fetchesEcrAuthThroughTaskEni(launch.platformVersion(), windows);
        for (ContainerDefinition container : definition.containers()) {
            image(collector, container, ecrAuthThroughTask, launch.platformVersion());
            logs(collector, container);
            for (SecretReference secret : container.secrets()) {
                secret(collector, container.name(), "secrets[" + secret.name() + "].valueFrom", secret.valueFrom());
            }
            if (container.repositoryCredentialsParameter() != null) {
                repositoryCredentials(collector, container);
            }
            for (String file : container.environmentFiles()) {
                collector.need(EndpointService.S3, new NeedReason(container.name(), "environmentFiles", file,
                        "environment file read from S3 (gateway)"));
            }
        }
        if (launch.executeCommandEnabled()) {
            collector.need(EndpointService.SSMMESSAGES, new NeedReason(TASK, "enableExecuteCommand", "true",
                    "ECS Exec opens its channel through SSM messages"));
            if (launch.execKmsKeyId() != null) {
                collector.need(EndpointService.KMS, new NeedReason(TASK, "cluster executeCommandConfiguration.kmsKeyId",
                        launch.execKmsKeyId(), "ECS Exec encrypts its sessions with this customer key from the task"));
            }
        }
        return collector.result();
    }

    private static void image(Collector collector, ContainerDefinition container, boolean ecrAuthThroughTask,
                              String platformVersion) {
        String image = container.image();
        if (image == null || image.isBlank()) {
            return;
        }
        Optional<String> ecrRegion = ImageReference.privateEcrRegion(image);
        if (ecrRegion.isEmpty()) {
            collector.unservable(new NeedReason(container.name(), "image", image,
                    "registry " + ImageReference.registryHost(image)
                            + " is outside AWS PrivateLink: needs a NAT gateway or a public IP with an internet gateway"));
            return;
        }
        if (!ecrRegion.get().equals(collector.region)) {
            collector.unservable(new NeedReason(container.name(), "image", image,
                    "ECR in " + ecrRegion.get() + ": endpoints are regional, so none in " + collector.region + " serves it"));
            return;
        }
        collector.need(EndpointService.ECR_DKR, new NeedReason(container.name(), "image", image,
                "image pulled from private ECR"));
        collector.need(EndpointService.S3, new NeedReason(container.name(), "image", image,
                "ECR image layers come from S3 (gateway endpoint)"));
        if (ecrAuthThroughTask) {
            collector.need(EndpointService.ECR_API, new NeedReason(container.name(), "image", image,
                    "registry auth fetched by the task on platform version "
                            + (platformVersion == null ? "unset (1.4.0 or later)" : platformVersion)));
        }
    }

    private static void logs(Collector collector, ContainerDefinition container) {
        LogConfiguration log = container.logConfiguration();
        if (log == null) {
            return;
        }
        if ("awsfirelens".equals(log.logDriver())) {
            FireLensOutput.of(log.options().get("Name")).ifPresent(endpoint -> collector.fireLensOutputs.add(
                    new NeedReason(container.name(), "logConfiguration.options.Name", log.options().get("Name"),
                            "FireLens sends this container's logs through " + endpoint + " once the task runs")));
        }
        if ("awslogs".equals(log.logDriver())) {
            String logRegion = log.options().get("awslogs-region");
            NeedReason reason = new NeedReason(container.name(), "logConfiguration.logDriver", "awslogs",
                    "log stream created in CloudWatch Logs"
                            + (logRegion == null ? "" : " in " + logRegion));
            if (logRegion != null && !logRegion.equals(collector.region)) {
                collector.unservable(new NeedReason(reason.container(), reason.field(), reason.value(),
                        "CloudWatch Logs in " + logRegion + ": endpoints are regional, so none in "
                                + collector.region + " serves it"));
            } else {
                collector.need(EndpointService.LOGS, reason);
            }
        }
        for (SecretReference option : log.secretOptions()) {
            secret(collector, container.name(), "logConfiguration.secretOptions[" + option.name() + "].valueFrom",
                    option.valueFrom());
        }
    }

    /** A secret reference: a Secrets Manager ARN, an SSM parameter ARN, or a bare parameter name. */
    private static void secret(Collector collector, String container, String field, String valueFrom) {
        if (valueFrom == null || valueFrom.isBlank()) {
            return;
        }
        Optional<AwsArn> arn = AwsArn.parse(valueFrom);
        if (arn.isEmpty()) {
            collector.need(EndpointService.SSM, new NeedReason(container, field, valueFrom,
                    "Parameter Store parameter (by name) read at start-up"));
            return;
        }
        EndpointService service = switch (arn.get().service()) {
            case "secretsmanager" -> EndpointService.SECRETSMANAGER;
            case "ssm" -> EndpointService.SSM;
            default -> null;
        };
        if (service == null) {
            collector.unservable(new NeedReason(container, field, valueFrom,
                    "ECS reads secrets only from Secrets Manager or Parameter Store"));
        } else if (!arn.get().region().equals(collector.region)) {
            collector.unservable(new NeedReason(container, field, valueFrom,
                    service.id() + " in " + arn.get().region() + ": endpoints are regional, so none in "
                            + collector.region + " serves it"));
        } else {
            collector.need(service, new NeedReason(container, field, valueFrom,
                    (service == EndpointService.SSM ? "Parameter Store parameter" : "Secrets Manager secret")
                            + " read at start-up"));
        }
    }

    private static void repositoryCredentials(Collector collector, ContainerDefinition container) {
        String parameter = container.repositoryCredentialsParameter();
        String field = "repositoryCredentials.credentialsParameter";
        Optional<AwsArn> arn = AwsArn.parse(parameter);
        if (arn.isPresent() && !arn.get().region().equals(collector.region)) {
            collector.unservable(new NeedReason(container.name(), field, parameter,
                    "secretsmanager in " + arn.get().region() + ": endpoints are regional, so none in "
                            + collector.region + " serves it"));
            return;
        }
        collector.need(EndpointService.SECRETSMANAGER, new NeedReason(container.name(), field, parameter,
                "private registry credentials read from Secrets Manager"));
    }

    /** Accumulates reasons per service in a stable order. */
    private static final class Collector {
        private final String region;
        private final Map<EndpointService, List<NeedReason>> reasons = new EnumMap<>(EndpointService.class);
        private final List<UnservableNeed> unservable = new ArrayList<>();
        private final List<NeedReason> fireLensOutputs = new ArrayList<>();

        Collector(String region) {
            this.region = region;
        }

        void need(EndpointService service, NeedReason reason) {
            reasons.computeIfAbsent(service, s -> new ArrayList<>()).add(reason);
        }

        void unservable(NeedReason reason) {
            unservable.add(new UnservableNeed(reason));
        }

        TaskNeeds result() {
            List<Need> needs = new ArrayList<>();
            reasons.forEach((service, list) -> needs.add(new Need(service, list)));
            return new TaskNeeds(needs, unservable, fireLensOutputs);
        }
    }
}
