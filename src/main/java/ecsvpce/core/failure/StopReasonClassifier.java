package ecsvpce.core.failure;

import static ecsvpce.core.failure.StopReasonWords.containsAny;

import ecsvpce.core.EndpointService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;

/**
 * Classifies an ECS {@code stoppedReason}. Checks run from the most to the least definite: a message
 * that shows the service answered (an error code, a throttle, a missing resource) is never taken for
 * a network failure, a network failure is never dropped into a class that forbids fixing, and anything
 * unrecognised is {@link FailureClass#UNKNOWN}.
 */
public final class StopReasonClassifier {
    private static final List<String> START_FAILURE_PREFIXES = List.of(
            "resourceinitializationerror", "cannotpullcontainererror", "cannotstartcontainererror",
            "cannotcreatecontainererror", "timeout waiting for network interface provisioning");
    private static final String NOT_THE_NETWORK = "; the network is not the cause";
    private static final String THROTTLED = "the registry or service answered but throttled the task (pull rate limit "
            + "or API quota): wait, authenticate to the registry, or copy the image to private ECR";
    /** Causes that rule the network out whatever else the message says, checked in this order. */
    private static final List<DefiniteCause> NOT_NETWORK_CAUSES = List.of(
            new DefiniteCause(StopReasonWords.VOLUME_CREATION, "the container runtime could not create the task's "
                    + "volume or copy the image's content into it (an image VOLUME the platform refuses, or a copy "
                    + "that failed on the host): check the image's VOLUME instructions and the task's mount points"),
            new DefiniteCause(StopReasonWords.TASK_PROVISIONING, "Fargate could not provision, attach or tag the task's "
                    + "network interface or storage (capacity, rate, free addresses in the subnet, an EC2 or tag "
                    + "policy refusal): retry, or use a subnet with free addresses"),
            new DefiniteCause(StopReasonWords.EFS, "EFS mount failed: check a mount target in the task's AZ, TCP 2049 and "
                    + "the VPC's DNS attributes; no endpoint fixes it"),
            new DefiniteCause(StopReasonWords.THROTTLED, THROTTLED),
            new DefiniteCause(StopReasonWords.DISK_FULL, "the image does not fit in the task's storage (no space left on "
                    + "device): raise the task's ephemeral storage or shrink the image"),
            new DefiniteCause(StopReasonWords.PLATFORM_MISMATCH, "the image has no variant for the task's platform: build "
                    + "it for the task's runtimePlatform (e.g. linux/amd64) or change the task's runtimePlatform"));
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;
    private static final int TOO_MANY_REQUESTS = 429;

    private StopReasonClassifier() {
    }

    /**
     * Whether a stopped task failed while starting (and so is ours to look at); tasks that ran and
     * exited, were scaled in or stopped by a user are not.
     */
    public static boolean isStartFailure(String stopCode, String stoppedReason) {
        if ("TaskFailedToStart".equals(stopCode)) {
            return true;
        }
        if (stoppedReason == null) {
            return false;
        }
        String reason = stoppedReason.trim().toLowerCase(Locale.ROOT);
        return START_FAILURE_PREFIXES.stream().anyMatch(reason::startsWith);
    }

    public static Classification classify(String stoppedReason) {
        Message message = Message.of(Redaction.redact(stoppedReason == null ? "" : stoppedReason));
        String text = message.text();
        ServicePointer.Destination destination = ServicePointer.pointedAt(text);
        Optional<EndpointService> service = destination.service();

        if (containsAny(text, StopReasonWords.MALFORMED_IMAGE_REFERENCE)) {
            return message.result(FailureClass.MISSING_RESOURCE, service, "the image reference in the task definition "
                    + "cannot be parsed (a malformed name, tag or digest): no such image can exist; fix the reference");
        }
        if (containsAny(text, StopReasonWords.CONTAINER_RUNTIME) && !text.contains(StopReasonWords.LOGGING_DRIVER)) {
            return message.notNetwork("the container runtime failed to create or start the container");
        }
        for (DefiniteCause cause : NOT_NETWORK_CAUSES) {
            if (containsAny(text, cause.words())) {
                return message.notNetwork(cause.explanation());
            }
        }
        if (containsAny(text, StopReasonWords.PERMISSION)) {
            return permission(message, service);
        }
        if (containsAny(text, StopReasonWords.MISSING_RESOURCE) || StopReasonWords.MISSING_IMAGE.matcher(text).find()) {
            return message.result(FailureClass.MISSING_RESOURCE, service, "a secret, parameter, log group, image "
                    + "(repository or tag) or setting named by the task definition is missing or misconfigured");
        }
        if (text.contains(StopReasonWords.LOGGING_DRIVER) && destination.equals(ServicePointer.Destination.NONE)) {
            return message.result(FailureClass.NOT_NETWORK, Optional.empty(), "a logging driver other than "
                    + "CloudWatch Logs (FireLens, fluentd, syslog, Splunk, ...) could not start: check the container's "
                    + "log configuration and the log router or server it sends to, which no VPC endpoint serves");
        }
        OptionalInt status = clientErrorStatus(text);
        if (status.isPresent()) {
            return answered(message, service, status.getAsInt());
        }
        boolean networkWords = containsAny(text, StopReasonWords.NETWORK);
        if (!networkWords && containsAny(text, StopReasonWords.REGISTRY_AUTH)) {
            return permission(message, service);
        }
        if (!networkWords && containsAny(text, StopReasonWords.UNPACK)) {
            return message.notNetwork("the image was downloaded but could not be unpacked: check the image and the "
                    + "task's storage");
        }
        if (!networkWords && text.contains(StopReasonWords.REGISTRY_ANSWERED)) {
            return message.notNetwork("the registry answered with an error status, so it was reached");
        }
        if (networkWords || retriedWithoutAnswer(message.redacted())) {
            Optional<Classification> network = network(message, destination);
            if (network.isPresent()) {
                return network.get();
            }
        }
        return message.unknown(destination);
    }

    /** A service answered with a 4xx status: it was reached, whatever network words surround the answer. */
    private static Classification answered(Message message, Optional<EndpointService> service, int status) {
        if (status == TOO_MANY_REQUESTS) {
            return message.notNetwork(THROTTLED);
        }
        if (status == UNAUTHORIZED || status == FORBIDDEN) {
            Classification refused = permission(message, service);
            return new Classification(refused.failureClass(), refused.service(), "the service answered HTTP " + status
                    + ": " + refused.explanation() + (service.equals(Optional.of(EndpointService.S3)) ? "; S3 also "
                    + "answers 403 for an object that does not exist when the role may not list the bucket" : ""),
                    refused.missingIamAction(), refused.redactedReason(), refused.dialedAddress(), refused.scope());
        }
        return message.result(FailureClass.MISSING_RESOURCE, service, "the service answered HTTP " + status
                + ": the resource the task definition names does not exist or the request is malformed; "
                + "no network change helps");
    }

    private static OptionalInt clientErrorStatus(String text) {
        Matcher matcher = StopReasonWords.CLIENT_ERROR_STATUS.matcher(text);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    private static Optional<Classification> network(Message message, ServicePointer.Destination destination) {
        if (destination.hostOutsideAws().isPresent()) {
            String host = destination.hostOutsideAws().get();
            return Optional.of(message.result(FailureClass.NETWORK_OUTSIDE_AWS, Optional.empty(),
                    message.text().contains(StopReasonWords.LOGGING_DRIVER)
                            ? "the logging driver could not reach " + host + ", a log server no VPC endpoint serves: "
                            + "give the subnet a route to it (a NAT gateway, or a private path to the server)"
                            : "the task could not reach " + host + ", an image registry no VPC endpoint serves: give the "
                            + "subnet a route to the internet (a NAT gateway), or copy the image to a private ECR "
                            + "repository (or an ECR pull-through cache rule) in the task's region and point the task "
                            + "definition at it"));
        }
        if (destination.service().isPresent()) {
            return Optional.of(message.result(FailureClass.NETWORK, destination.service(),
                    "the task could not reach " + destination.service().get().id() + " from its subnet"));
        }
        if (message.text().contains(StopReasonWords.PULL_KILLED)) {
            return Optional.of(message.result(FailureClass.NETWORK, Optional.empty(),
                    "the image pull was killed, cause unknown: every need is checked"));
        }
        return Optional.empty();
    }

    private static Classification permission(Message message, Optional<EndpointService> service) {
        Matcher action = StopReasonWords.IAM_ACTION.matcher(message.redacted());
        Optional<String> iamAction = action.find() ? Optional.of(action.group(1)) : Optional.empty();
        Optional<EndpointService> refused = service.or(() -> iamAction.flatMap(ServicePointer::requestedBy));
        String explanation = StopReasonWords.KMS.matcher(message.text()).find()
                ? "KMS refused to decrypt for " + refused.map(EndpointService::id).orElse("the service")
                        + ": allow kms:Decrypt on the key to the task execution role (key policy and IAM); the service "
                        + "decrypts on its side, so no network change and no kms endpoint helps"
                : "a policy refused the call" + iamAction.map(a -> ": grant " + a).orElse("")
                        + " (task execution role, registry credentials, key or resource policy); no network change helps";
        return new Classification(FailureClass.PERMISSION, refused, explanation, iamAction, message.redacted(),
                message.dialedAddress(), ChangeScope.NONE);
    }

    /** A retry count followed by no error code: the calls got no answer at all. */
    private static boolean retriedWithoutAnswer(String redacted) {
        Matcher retried = StopReasonWords.RETRIED.matcher(redacted.toLowerCase(Locale.ROOT));
        return retried.find() && !StopReasonWords.ERROR_CODE.matcher(redacted.substring(retried.end())).find();
    }

    private record DefiniteCause(List<String> words, String explanation) {
    }

    /** A redacted stop reason, its lower-case text, and the address it dialled. */
    private record Message(String redacted, String text, Optional<String> dialedAddress) {
        static Message of(String redacted) {
            // The agent's newer sentences use typographic apostrophes ("can’t"); the words are written with plain ones.
            String text = redacted.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'')
                    .replace('\u02bc', '\'');
            return new Message(redacted, text, MessageHosts.dialedAddress(text));
        }

        Classification result(FailureClass failureClass, Optional<EndpointService> service, String explanation) {
            ChangeScope scope = failureClass == FailureClass.NETWORK ? ChangeScope.EVERY_NEED : ChangeScope.NONE;
            return new Classification(failureClass, service, explanation, Optional.empty(), redacted, dialedAddress,
                    scope);
        }

        /**
         * Unrecognised: only the gaps that could explain it may be fixed, those of the service it names, none
         * for a registry no endpoint serves, every need's when it names nothing.
         */
        Classification unknown(ServicePointer.Destination destination) {
            ChangeScope scope = destination.hostOutsideAws().isPresent() ? ChangeScope.NONE
                    : destination.service().map(ChangeScope::pointedAt).orElse(ChangeScope.EVERY_NEED);
            return new Classification(FailureClass.UNKNOWN, destination.service(), "unrecognised stop reason: "
                    + (scope.everyNeed() ? "every need is checked and only network gaps are fixed"
                    : "only a gap on its way to " + destination.hostOutsideAws().orElse(scope.toString())
                    + " could explain it, so only that is fixed; the other needs are checked and reported"),
                    Optional.empty(), redacted, dialedAddress, scope);
        }

        Classification notNetwork(String explanation) {
            return result(FailureClass.NOT_NETWORK, Optional.empty(), explanation + NOT_THE_NETWORK);
        }
    }
}
