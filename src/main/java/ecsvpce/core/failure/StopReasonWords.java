package ecsvpce.core.failure;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The words that mark each kind of stop reason, all lower case. Each list stands for a category seen
 * in public reports of stopped Fargate tasks, not for one message.
 */
final class StopReasonWords {
    static final List<String> CONTAINER_RUNTIME = List.of(
            "cannotstartcontainererror", "cannotcreatecontainererror", "cannotinspectcontainererror", "oci runtime",
            "failed to create new container runtime task", "failed to create container model");
    /**
     * Under a container-runtime prefix, a logging-driver failure still has a cause of its own: CloudWatch
     * Logs (awslogs) when its words or a {@code logs.} host say so, otherwise a log router or log server
     * of the task's own (FireLens, fluentd, syslog, Splunk), which no VPC endpoint serves.
     */
    static final String LOGGING_DRIVER = "logging driver";
    /** The awslogs driver's own words: the destination is CloudWatch Logs. */
    static final List<String> CLOUDWATCH_LOGGING = List.of("logger args", "cloudwatch log", "awslogs");
    /**
     * Fargate could not provision, attach or tag the task's network interface (capacity, rate, free
     * addresses, an EC2 refusal), or its ephemeral storage: the platform's side, before any traffic.
     */
    static final List<String> TASK_PROVISIONING = List.of(
            "timeout waiting for network interface provisioning", "network interface provision",
            "while attempting to create network interface", "while attempting to attach network interface",
            "while attempting to tag the network interface", "preparing network interface",
            "insufficientfreeaddressesinsubnet", "failed to configure eni", "failed to setup regular eni",
            "ephemeralstorage provisioning");
    /**
     * The runtime could not create a volume or copy the image's content into one (an image that
     * declares a VOLUME where the platform refuses it, a copy that failed or ran out of time on the host).
     */
    static final List<String> VOLUME_CREATION = List.of(
            "cannotcreatevolumeerror", "createvolumeerror", "volume instruction", "volume on host", "task volume",
            "/var/lib/ecs/volumes/", "unable mirror");
    /** An image reference the runtime cannot parse or normalise: a malformed name is a missing image. */
    static final List<String> MALFORMED_IMAGE_REFERENCE = List.of(
            "normalize image reference", "invalid reference format", "repository name must be lowercase",
            "could not parse reference", "failed to parse image reference");
    static final List<String> EFS = List.of("failed to invoke efs utils", "mount attempt", ".efs.", "efs utils");
    /** The registry or service answered, and said "slow down": the network works. */
    static final List<String> THROTTLED = List.of(
            "toomanyrequests", "too many requests", "pull rate limit", "throttlingexception", "rate exceeded",
            "requestlimitexceeded", "operations are being throttled");
    static final List<String> DISK_FULL = List.of("no space left on device");
    static final List<String> PLATFORM_MISMATCH = List.of(
            "no matching manifest", "descriptor matching platform", "descriptor for platform", "no match for platform",
            "does not match the specified platform");
    /** The image arrived but could not be unpacked; a network word beside it wins (a dropped download). */
    static final List<String> UNPACK = List.of(
            "failed to register layer", "failed to extract layer", "error processing tar file", "applylayer",
            "apply failure");
    static final List<String> PERMISSION = List.of(
            "accessdenied", "not authorized to perform", "unauthorizedoperation",
            // the agent's newer headline for a refused pull, whatever detail follows it
            "check that the role has the permissions",
            // (a bare 401 or 403 is an answered status: see CLIENT_ERROR_STATUS)
            "unauthorized: incorrect username or password",
            "unauthorized: authentication required", "no basic auth credentials");
    static final List<String> MISSING_RESOURCE = List.of(
            "resourcenotfoundexception", "can't find the specified secret", "did not contain json key",
            "validationexception", "marked for deletion", "invalid ssm parameters", "parameternotfound",
            "does not exist", "manifest unknown", "image not found", "check whether the image exists",
            "check whether the secret exists",
            // The registry's own answers for content it does not hold (distribution error codes).
            "unknown blob", "blob unknown", "repository name not known",
            // The agent's SDK client was given a setting it cannot use: a value in the task definition.
            "missingendpoint", "missingregion", "invalidparameter", "validation error",
            // Docker's wording for a repository that does not exist or needs registry credentials.
            "pull access denied",
            // The service's answer did not parse as the task expected: a malformed secret value or reference.
            "looking for beginning of value", "unexpected end of json input", "cannot unmarshal");
    /** The registry's token handshake failed; a network word beside it means the token server was not reached. */
    static final List<String> REGISTRY_AUTH = List.of(
            "failed to authorize", "failed to fetch anonymous token", "failed to fetch oauth token");
    static final Pattern MISSING_IMAGE = Pattern.compile(
            "(?:repository|tag|image|manifest for) \\S+ not found|failed to resolve (?:ref|reference) .{1,400}?: not found");
    static final List<String> NETWORK = List.of(
            "i/o timeout", "context deadline exceeded", "requestcanceled", "send request failed", "dial tcp",
            "statuscode: 0", "connection issue", "no such host", "connection refused", "tls handshake timeout",
            "request canceled", "signal: killed", "net/http", "client.timeout exceeded", "connection timed out",
            "connection reset", "network is unreachable", "no route to host", "could not reach any registry endpoint",
            "check your network configuration", "check your task network configuration");
    /** A retry count with no error code after it: the calls never got an answer. */
    static final Pattern RETRIED = Pattern.compile("retried \\d+ time(?:\\(s\\)|s\\b)");
    /** An AWS error code such as InvalidSignatureException or ThrottlingException (case kept). */
    static final Pattern ERROR_CODE = Pattern.compile("\\b[A-Z][A-Za-z]+(?:Exception|Error|Fault)\\b");
    /**
     * An HTTP status of 400-499 in the forms the SDKs, containerd and Docker print it: the service
     * answered, so it was reached. 5xx is left out: Docker wraps its own connection errors in "API error (500)".
     */
    static final Pattern CLIENT_ERROR_STATUS = Pattern.compile(
            "(?:statuscode: |status code:? |api error \\(|\\b(?=4\\d\\d (?:forbidden|not found|unauthorized)))(4\\d\\d)");
    /** An HTTP status came back from the registry: it was reached. */
    static final String REGISTRY_ANSWERED = "unexpected status code";
    static final String PULL_KILLED = "pull command failed";
    /** KMS named in a refusal: the secret's service decrypts on its side, so only a policy change helps. */
    static final Pattern KMS = Pattern.compile("\\bkms\\b");
    static final Pattern IAM_ACTION = Pattern.compile("not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9*]+)");

    private StopReasonWords() {
    }

    static boolean containsAny(String text, List<String> words) {
        return words.stream().anyMatch(text::contains);
    }
}
