package ecsvpce.core.failure;

import ecsvpce.core.EndpointService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies an ECS {@code stoppedReason} (FACTS.md section 3). Checks run from the most to the
 * least specific: a message that names an error code is never taken for a network failure, and
 * anything unrecognised is {@link FailureClass#UNKNOWN}.
 */
public final class StopReasonClassifier {
    private static final List<String> START_FAILURE_PREFIXES = List.of(
            "resourceinitializationerror", "cannotpullcontainererror", "cannotstartcontainererror",
            "cannotcreatecontainererror", "timeout waiting for network interface provisioning");

    private static final List<String> PERMISSION_WORDS = List.of(
            "accessdenied", "not authorized to perform", "403 forbidden", "unauthorizedoperation");
    private static final List<String> MISSING_RESOURCE_WORDS = List.of(
            "resourcenotfoundexception", "can't find the specified secret", "did not contain json key",
            "validationexception", "marked for deletion", "invalid ssm parameters", "parameternotfound",
            "does not exist");
    private static final Pattern MANIFEST_NOT_FOUND = Pattern.compile("manifest.{0,200}not found");
    private static final List<String> CONTAINER_RUNTIME_WORDS = List.of(
            "cannotstartcontainererror", "oci runtime", "failed to create new container runtime task");
    private static final List<String> EFS_WORDS = List.of(
            "failed to invoke efs utils", "mount attempt", ".efs.", "efs utils");
    private static final List<String> NETWORK_WORDS = List.of(
            "i/o timeout", "context deadline exceeded", "requestcanceled", "send request failed", "dial tcp",
            "statuscode: 0", "connection issue", "no such host", "connection refused", "tls handshake timeout",
            "request canceled", "signal: killed");
    private static final Pattern RETRIED = Pattern.compile("retried \\d+ time\\(s\\)");
    // An AWS error code such as InvalidSignatureException or ThrottlingException after the retry count.
    private static final Pattern ERROR_CODE = Pattern.compile("\\b[A-Z][A-Za-z]+(?:Exception|Error|Fault)\\b");
    private static final Pattern IAM_ACTION = Pattern.compile("not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9*]+)");

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
        String redacted = Redaction.redact(stoppedReason == null ? "" : stoppedReason);
        String text = redacted.toLowerCase(Locale.ROOT);
        Optional<EndpointService> service = pointedService(text);

        if (containsAny(text, CONTAINER_RUNTIME_WORDS)) {
            return result(FailureClass.NOT_NETWORK, Optional.empty(),
                    "the container runtime failed to start the container; the network is not the cause", redacted);
        }
        if (text.contains("timeout waiting for network interface provisioning")) {
            return result(FailureClass.NOT_NETWORK, Optional.empty(),
                    "Fargate could not attach the task's network interface in time (ENI capacity); retry or use another subnet",
                    redacted);
        }
        if (containsAny(text, EFS_WORDS)) {
            return result(FailureClass.NOT_NETWORK, Optional.empty(),
                    "EFS mount failed: check a mount target in the task's AZ, TCP 2049 and the VPC's DNS attributes; no endpoint fixes it",
                    redacted);
        }
        if (containsAny(text, PERMISSION_WORDS)) {
            Matcher action = IAM_ACTION.matcher(redacted);
            Optional<String> iamAction = action.find() ? Optional.of(action.group(1)) : Optional.empty();
            return new Classification(FailureClass.PERMISSION, service,
                    "a policy refused the call" + iamAction.map(a -> ": grant " + a).orElse("")
                            + " (task execution role, key or resource policy); no network change helps",
                    iamAction, redacted);
        }
        if (containsAny(text, MISSING_RESOURCE_WORDS) || MANIFEST_NOT_FOUND.matcher(text).find()) {
            return result(FailureClass.MISSING_RESOURCE, service,
                    "a secret, parameter, log group or image named by the task definition is missing or misconfigured",
                    redacted);
        }
        boolean networkWords = containsAny(text, NETWORK_WORDS)
                || (RETRIED.matcher(text).find() && !ERROR_CODE.matcher(afterRetryCount(redacted)).find());
        if (networkWords && (service.isPresent() || text.contains("pull command failed"))) {
            return result(FailureClass.NETWORK, service,
                    service.map(s -> "the task could not reach " + s.id() + " from its subnet")
                            .orElse("the image pull was killed, cause unknown: every need is checked"),
                    redacted);
        }
        return result(FailureClass.UNKNOWN, service,
                "unrecognised stop reason: every need is checked and only network gaps are fixed", redacted);
    }

    /** The service a message points at; more specific phrases first. */
    private static Optional<EndpointService> pointedService(String text) {
        if (text.contains("from asm") || text.contains("aws secrets manager")) {
            return Optional.of(EndpointService.SECRETSMANAGER);
        }
        if (text.contains("from ssm") || text.contains("parameter store")) {
            return Optional.of(EndpointService.SSM);
        }
        if (text.contains("ecr registry auth") || text.contains("api.ecr.")
                || text.contains("registry auth from amazon ecr")) {
            return Optional.of(EndpointService.ECR_API);
        }
        if (text.contains("failed to validate logger args") || text.contains("logs.")) {
            return Optional.of(EndpointService.LOGS);
        }
        if (text.contains("cannotpullcontainererror")) {
            if (text.contains("httpreadseeker") || text.contains("starport-layer-bucket") || text.contains(".s3.")
                    || text.contains("s3.amazonaws.com")) {
                return Optional.of(EndpointService.S3);
            }
            if (text.contains("dkr.ecr")) {
                return Optional.of(EndpointService.ECR_DKR);
            }
        }
        return Optional.empty();
    }

    private static String afterRetryCount(String text) {
        Matcher matcher = RETRIED.matcher(text.toLowerCase(Locale.ROOT));
        return matcher.find() ? text.substring(matcher.end()) : text;
    }

    private static boolean containsAny(String text, List<String> words) {
        return words.stream().anyMatch(text::contains);
    }

    private static Classification result(FailureClass failureClass, Optional<EndpointService> service,
                                         String explanation, String redacted) {
        return new Classification(failureClass, service, explanation, Optional.empty(), redacted);
    }
}
