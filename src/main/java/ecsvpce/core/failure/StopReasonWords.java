package ecsvpce.core.failure;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The words that mark each kind of stop reason, all lower case. Each list stands for a category seen
 * in public reports of stopped Fargate tasks, not for one message.
 */
final class StopReasonWords {
    static final List<String> CONTAINER_RUNTIME = List.of(
            "cannotstartcontainererror", "oci runtime", "failed to create new container runtime task");
    /** Under a container-runtime prefix, a logging-driver failure still has a cause of its own. */
    static final String LOGGING_DRIVER = "logging driver";
    static final List<String> ENI_CAPACITY = List.of(
            "timeout waiting for network interface provisioning");
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
            "accessdenied", "not authorized to perform", "403 forbidden", "unauthorizedoperation",
            "401 unauthorized", "unauthorized: incorrect username or password",
            "unauthorized: authentication required", "no basic auth credentials");
    static final List<String> MISSING_RESOURCE = List.of(
            "resourcenotfoundexception", "can't find the specified secret", "did not contain json key",
            "validationexception", "marked for deletion", "invalid ssm parameters", "parameternotfound",
            "does not exist", "manifest unknown", "image not found", "check whether the image exists",
            "missingendpoint", "invalidparameter", "validation error",
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
