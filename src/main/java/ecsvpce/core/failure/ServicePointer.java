package ecsvpce.core.failure;

import static ecsvpce.core.failure.StopReasonWords.containsAny;

import ecsvpce.core.EndpointService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a stop reason says the task was trying to go: an AWS service an endpoint can serve, or a
 * host no endpoint serves. Reads lower-case text.
 */
final class ServicePointer {
    /** The task's destination: at most one of the two is present. */
    record Destination(Optional<EndpointService> service, Optional<String> hostOutsideAws) {
        static final Destination NONE = new Destination(Optional.empty(), Optional.empty());

        static Destination of(EndpointService service) {
            return new Destination(Optional.of(service), Optional.empty());
        }

        static Destination outside(String host) {
            return new Destination(Optional.empty(), Optional.of(host));
        }
    }

    private static final List<String> IMAGE_PULL = List.of(
            "cannotpullcontainererror", "cannotpullecrcontainererror", "pull image", "pulling image", "ref pull",
            "inspect image", "failed to resolve ref", "cannot pull", "can't pull");
    // A blob (layer or image configuration) download: from ECR it is served by S3, whatever host is quoted.
    private static final List<String> LAYER_DOWNLOAD = List.of(
            "httpreadseeker", "httpreaderseeker", "failed to copy", "pulling image configuration");
    private static final List<String> AWS_DOMAINS = List.of(
            ".amazonaws.com", ".amazonaws.com.cn", ".api.aws", ".on.aws", ".amazon.com");
    private static final Pattern S3_HOST = Pattern.compile("(?:^|\\.)s3[.-]|starport-layer-bucket");
    private static final Pattern ECR_DKR_HOST = Pattern.compile("(?:^|\\.)dkr[.-]ecr\\.");
    private static final Pattern ECR_API_HOST = Pattern.compile("^(?:api\\.)?ecr\\.");

    private ServicePointer() {
    }

    static Destination pointedAt(String lowerCaseText) {
        String text = MessageHosts.unmasked(lowerCaseText);
        Optional<EndpointService> named = namedService(text);
        if (named.isPresent()) {
            return Destination.of(named.get());
        }
        if (text.contains(StopReasonWords.LOGGING_DRIVER)) {
            return firstRequested(text).orElse(Destination.NONE);
        }
        if (containsAny(text, IMAGE_PULL)) {
            return imagePull(text);
        }
        return MessageHosts.requested(text).stream().map(ServicePointer::awsService).flatMap(Optional::stream)
                .findFirst().map(Destination::of).orElse(Destination.NONE);
    }

    /**
     * The service whose request a refused IAM action was for, when the message quotes no host: ECR's
     * token comes from its API, the image's manifest and layers from its registry.
     */
    static Optional<EndpointService> requestedBy(String iamAction) {
        String action = iamAction.toLowerCase(Locale.ROOT);
        if (action.startsWith("ecr:")) {
            return Optional.of(action.equals("ecr:getauthorizationtoken") ? EndpointService.ECR_API
                    : EndpointService.ECR_DKR);
        }
        String prefix = action.substring(0, action.indexOf(':'));
        return Stream.of(EndpointService.S3, EndpointService.LOGS, EndpointService.SSM, EndpointService.SECRETSMANAGER)
                .filter(service -> service.id().equals(prefix)).findFirst();
    }

    /** The agent's own wording names the service outright; more specific phrases first. */
    private static Optional<EndpointService> namedService(String text) {
        if (text.contains("from asm") || text.contains("aws secrets manager")) {
            return Optional.of(EndpointService.SECRETSMANAGER);
        }
        if (text.contains("from ssm") || text.contains("parameter store")) {
            return Optional.of(EndpointService.SSM);
        }
        if (text.contains("ecr registry auth") || text.contains("registry auth from amazon ecr")) {
            return Optional.of(EndpointService.ECR_API);
        }
        if (containsAny(text, StopReasonWords.CLOUDWATCH_LOGGING)) {
            return Optional.of(EndpointService.LOGS);
        }
        if (text.contains("env files") || text.contains("environment file")) {
            return Optional.of(EndpointService.S3);
        }
        return Optional.empty();
    }

    /**
     * The host the task asked for decides; when the message hides it behind the image reference (the
     * newer "connection issue between the task and the registry" wording), the registry does, and a
     * blob download from ECR is S3's.
     */
    private static Destination imagePull(String text) {
        Optional<Destination> requested = firstRequested(text);
        if (requested.isPresent()) {
            return requested.get();
        }
        Optional<String> registry = MessageHosts.imageRegistry(text);
        if (registry.isEmpty()) {
            return Destination.NONE;
        }
        if (!isAws(registry.get())) {
            return Destination.outside(registry.get());
        }
        Optional<EndpointService> service = awsService(registry.get());
        boolean blob = service.equals(Optional.of(EndpointService.ECR_DKR)) && containsAny(text, LAYER_DOWNLOAD);
        return blob ? Destination.of(EndpointService.S3) : service.map(Destination::of).orElse(Destination.NONE);
    }

    /** The first host the message quotes that is outside AWS or served by an endpoint. */
    private static Optional<Destination> firstRequested(String text) {
        for (String host : MessageHosts.requested(text)) {
            if (!isAws(host)) {
                return Optional.of(Destination.outside(host));
            }
            Optional<EndpointService> service = awsService(host);
            if (service.isPresent()) {
                return Optional.of(Destination.of(service.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean isAws(String host) {
        return AWS_DOMAINS.stream().anyMatch(host::endsWith);
    }

    /** The endpoint service behind an AWS host name, if an endpoint serves it. */
    private static Optional<EndpointService> awsService(String host) {
        if (!isAws(host)) {
            return Optional.empty();
        }
        if (S3_HOST.matcher(host).find()) {
            return Optional.of(EndpointService.S3);
        }
        if (ECR_DKR_HOST.matcher(host).find()) {
            return Optional.of(EndpointService.ECR_DKR);
        }
        if (ECR_API_HOST.matcher(host).find()) {
            return Optional.of(EndpointService.ECR_API);
        }
        for (EndpointService service : List.of(EndpointService.LOGS, EndpointService.SECRETSMANAGER,
                EndpointService.SSM, EndpointService.SSMMESSAGES)) {
            if (host.startsWith(service.id() + ".")) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
