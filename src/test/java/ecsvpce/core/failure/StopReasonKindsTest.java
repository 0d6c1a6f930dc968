package ecsvpce.core.failure;

import static ecsvpce.core.EndpointService.ECR_API;
import static ecsvpce.core.EndpointService.ECR_DKR;
import static ecsvpce.core.EndpointService.LOGS;
import static ecsvpce.core.EndpointService.S3;
import static ecsvpce.core.EndpointService.SECRETSMANAGER;
import static ecsvpce.core.EndpointService.SSM;
import static ecsvpce.core.failure.FailureClass.MISSING_RESOURCE;
import static ecsvpce.core.failure.FailureClass.NETWORK;
import static ecsvpce.core.failure.FailureClass.NOT_NETWORK;
import static ecsvpce.core.failure.FailureClass.PERMISSION;
import static ecsvpce.core.failure.FailureClass.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ecsvpce.core.EndpointService;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table per kind of stop reason that public reports show the classifier must read by meaning
 * (docs/stop-reasons.md#kinds-read-by-meaning): each row varies the words around the kind, so a
 * rule written for one message fails the others.
 */
class StopReasonKindsTest {
    private static final String ENV_FILES = "ResourceInitializationError: failed to download env files: ";
    private static final String ASM = "ResourceInitializationError: unable to pull secrets or registry auth: "
            + "execution resource retrieval failed: unable to retrieve secret from asm: ";

    /** Kind 1: a service answered with a status; network words around it do not make it a timeout. */
    static Stream<Arguments> answers() {
        return Stream.of(
                arguments(PERMISSION, S3, ENV_FILES + "service call has been retried 1 time(s): operation error S3: "
                        + "HeadObject, https response error StatusCode: 403, api error Forbidden: Forbidden."),
                arguments(PERMISSION, S3, ENV_FILES + "file download command: non empty error stream: service call has "
                        + "been retried 5 time(s): operation error S3: HeadObject, https response error StatusCode: 403, "
                        + "RequestID: 7Q2W, HostID: abc=, api error Forbidden: Forbidden: context deadline exceeded"),
                arguments(MISSING_RESOURCE, S3, ENV_FILES + "service call has been retried 1 time(s): operation error S3: "
                        + "HeadObject, https response error StatusCode: 404, RequestID: 4A14, HostID: XEc=, api error "
                        + "NotFound: Not Found"),
                arguments(MISSING_RESOURCE, SECRETSMANAGER, ASM + "service call has been retried 3 time(s): operation "
                        + "error Secrets Manager: GetSecretValue, https response error StatusCode: 400, RequestID: 1f2e, "
                        + "i/o timeout after retries"),
                arguments(PERMISSION, ECR_DKR, "CannotPullContainerError: pull image manifest has been retried 5 time(s): "
                        + "failed to resolve ref 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1: unexpected status "
                        + "code 401 Unauthorized, dial tcp 10.0.1.5:443 was retried"),
                arguments(MISSING_RESOURCE, ECR_DKR, "CannotPullContainerError: ref pull has been retried 1 time(s): "
                        + "failed to copy: httpReadSeeker: failed open: unexpected status code "
                        + "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/app/blobs/sha256:ab12: 404 Not Found"),
                arguments(PERMISSION, S3, "CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: "
                        + "httpReadSeeker: failed open: unexpected status code https://prod-eu-west-1-starport-layer-bucket"
                        + ".s3.eu-west-1.amazonaws.com/9f3a/77b1?X-Amz-Signature=abc: 403 Forbidden"),
                arguments(MISSING_RESOURCE, ECR_DKR, "CannotPullContainerError: API error (409): conflict for "
                        + "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/app/manifests/1, context deadline exceeded"),
                arguments(NOT_NETWORK, null, ENV_FILES + "service call has been retried 5 time(s): operation error S3: "
                        + "HeadObject, https response error StatusCode: 429, api error SlowDown"));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("answers")
    void anAnswerIsNotATimeout(FailureClass expected, EndpointService service, String stoppedReason) {
        Classification classification = StopReasonClassifier.classify(stoppedReason);

        assertThat(classification.failureClass()).isEqualTo(expected);
        assertThat(classification.service()).isEqualTo(Optional.ofNullable(service));
        assertThat(classification.scope()).isEqualTo(ChangeScope.NONE);
        assertThat(classification.failureClass().mayBeFixedByEndpoints()).isFalse();
        if (expected != NOT_NETWORK) {
            assertThat(classification.explanation()).contains("answered HTTP 4");
        }
        if (expected == PERMISSION) {
            assertThat(classification.explanation().contains("S3 also answers 403 for an object that does not exist"))
                    .as("the S3 reading only for S3").isEqualTo(service == S3);
        }
    }

    /** Kind 2: the runtime's own failures, a malformed image reference, the platform's provisioning. */
    static Stream<Arguments> runtimeFailures() {
        return Stream.of(
                arguments(NOT_NETWORK, "CannotCreateVolumeError: unsupported: Dockerfile contains VOLUME instruction"),
                arguments(NOT_NETWORK, "CannotCreateVolumeError: unable to copy contents to volume on host: containerd: "
                        + "failed to get image reference: context deadline exceeded"),
                arguments(NOT_NETWORK, "CannotCreateContainerError: Error response from daemon: failed to copy file info "
                        + "for /var/lib/ecs/volumes/ecs-app-1-data-aa11: failed to chown: i/o timeout"),
                arguments(NOT_NETWORK, "CannotCreateVolumeError: failed to copy existing contents to task volume: "
                        + "dial tcp 10.0.0.2:53: no route to host"),
                arguments(MISSING_RESOURCE, "InternalError: failed to create container model: failed to normalize image "
                        + "reference \"latest:latest\". Launch a new task to retry."),
                arguments(MISSING_RESOURCE, "CannotPullContainerError: invalid reference format: repository name must be "
                        + "lowercase, dial tcp: lookup registry on 10.0.0.2:53"),
                arguments(MISSING_RESOURCE, "CannotPullContainerError: pull image manifest has been retried 1 time(s): "
                        + "failed to parse image reference \"123456789012.dkr.ecr.us-east-1.amazonaws.com/App:Latest\""),
                arguments(NOT_NETWORK, "Unexpected EC2 error while attempting to Create Network Interface in subnet "
                        + "'subnet-0a1b': InsufficientFreeAddressesInSubnet"),
                arguments(NOT_NETWORK, "Unexpected EC2 error while attempting to attach network interface to instance"),
                arguments(NOT_NETWORK, "Rate limit exceeded while preparing network interface to be attached to instance"),
                arguments(NOT_NETWORK, "ResourceInitializationError: failed to configure ENI: failed to setup regular eni: "
                        + "netplugin failed with no error message"),
                arguments(NOT_NETWORK, "Unexpected EC2 error while attempting to tag the network interface: "
                        + "TagPolicyViolation"),
                arguments(NOT_NETWORK, "Timeout waiting for EphemeralStorage provisioning to complete."),
                arguments(NOT_NETWORK, "CannotInspectContainerError: Could not transition to inspecting; timed out after "
                        + "waiting 30s"),
                arguments(NOT_NETWORK, "CannotInspectContainerError: Error response from daemon: No such container: "
                        + "0a1b2c"),
                arguments(MISSING_RESOURCE, "CannotPullContainerError: unknown blob"),
                arguments(MISSING_RESOURCE, "CannotPullContainerError: ref pull has been retried 1 time(s): failed to "
                        + "copy: blob unknown: blob unknown to registry"),
                arguments(MISSING_RESOURCE, "Unable to download firelens s3 config file: unable to download s3 config "
                        + "extra.conf from bucket team-config: MissingRegion: could not find region configuration"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("runtimeFailures")
    void runtimeAndPlatformFailuresAreNeverFixedWithEndpoints(FailureClass expected, String stoppedReason) {
        Classification classification = StopReasonClassifier.classify(stoppedReason);

        assertThat(classification.failureClass()).isEqualTo(expected);
        assertThat(classification.scope().services()).isEmpty();
        assertThat(classification.scope().everyNeed()).isFalse();
    }

    /** Kind 3: masked hosts still name their service by the labels left. */
    static Stream<Arguments> maskedHosts() {
        String tail = "/v2/: net/http: request canceled while waiting for connection (Client.Timeout exceeded while "
                + "awaiting headers)";
        return Stream.of(
                arguments(ECR_DKR, "CannotPullContainerError: API error (500): Get https://████████████.dkr.ecr."
                        + "us-east-1.amazonaws.com" + tail),
                arguments(ECR_DKR, "CannotPullContainerError: API error (500): Get https://************.dkr.ecr."
                        + "us-east-1.amazonaws.com" + tail),
                arguments(ECR_DKR, "CannotPullContainerError: API error (500): Get https://<account-id>.dkr.ecr."
                        + "<region>.amazonaws.com" + tail),
                arguments(ECR_DKR, "CannotPullContainerError: API error (500): Get https://xxxxxxxxxxxx.dkr.ecr."
                        + "eu-west-1.amazonaws.com" + tail),
                arguments(ECR_DKR, "CannotPullContainerError: API error (500): Get https://.dkr.ecr.us-west-2."
                        + "amazonaws.com" + tail),
                arguments(ECR_API, "ResourceInitializationError: unable to pull secrets or registry auth: RequestError: "
                        + "send request failed caused by: Post \"https://api.ecr.<region>.amazonaws.com/\": dial tcp "
                        + "[REDACTED]: i/o timeout"),
                arguments(LOGS, "ResourceInitializationError: RequestError: send request failed caused by: Post "
                        + "\"https://logs.█████.amazonaws.com/\": dial tcp 10.1.2.3:443: i/o timeout"),
                arguments(S3, "CannotPullContainerError: failed to copy: httpReadSeeker: failed open: failed to do "
                        + "request: Get \"https://prod-<region>-starport-layer-bucket.s3.<region>.amazonaws.com/a/b\": "
                        + "dial tcp 52.216.1.2:443: i/o timeout"),
                arguments(SSM, "ResourceInitializationError: RequestError: send request failed caused by: Post "
                        + "\"https://ssm.***.amazonaws.com/\": dial tcp 10.1.2.3:443: i/o timeout"),
                arguments(ECR_DKR, "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to "
                        + "resolve ref _accountid_.dkr-ecr._region_.on.aws/_myimage_:_mytag_: dial tcp 10.1.2.3:443: "
                        + "i/o timeout"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("maskedHosts")
    void maskedHostsStillNameTheirService(EndpointService service, String stoppedReason) {
        Classification classification = StopReasonClassifier.classify(stoppedReason);

        assertThat(classification.failureClass()).isEqualTo(NETWORK);
        assertThat(classification.service()).contains(service);
    }

    /**
     * A logging driver is CloudWatch's only when its words or a {@code logs.} host say so; any other
     * (FireLens, fluentd, syslog, Splunk) sends to a router or server of the task's own, which no endpoint serves.
     */
    static Stream<Arguments> loggingDrivers() {
        String driver = "CannotStartContainerError: Error response from daemon: failed to initialize logging driver: ";
        return Stream.of(
                arguments(NETWORK, LOGS, driver + "failed to create Cloudwatch log stream: RequestError: send request "
                        + "failed caused by: context deadline exceeded"),
                arguments(NETWORK, LOGS, driver + "RequestError: send request failed caused by: Post "
                        + "https://logs.eu-west-1.amazonaws.com/: dial tcp 10.0.0.9:443: i/o timeout"),
                arguments(PERMISSION, LOGS, driver + "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/"
                        + "exec/abc is not authorized to perform: logs:CreateLogStream on resource: arn:aws:logs:eu-west-1"),
                arguments(NOT_NETWORK, null, "CannotStartContainerError: ResourceInitializationError: failed to "
                        + "initialize logging driver: failed to get fluentd log driver arguments: logging driver specified "
                        + "of container app, but no log configuration specified"),
                arguments(NOT_NETWORK, null, driver + "dial tcp 127.0.0.1:514: connect: connection refused"),
                arguments(NOT_NETWORK, null, driver + "dial unix /var/run/fluent.sock: connect: no such file or "
                        + "directory"),
                arguments(FailureClass.NETWORK_OUTSIDE_AWS, null, driver + "Options \"https://splunk.example.com:8088/"
                        + "services/collector/event/1.0\": dial tcp 203.0.113.7:8088: i/o timeout"));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("loggingDrivers")
    void aLoggingDriverIsCloudWatchsOnlyWhenItSaysSo(FailureClass expected, EndpointService service,
            String stoppedReason) {
        Classification classification = StopReasonClassifier.classify(stoppedReason);

        assertThat(classification.failureClass()).isEqualTo(expected);
        assertThat(classification.service()).isEqualTo(Optional.ofNullable(service));
        if (service == null) {
            assertThat(classification.scope()).isEqualTo(ChangeScope.NONE);
            assertThat(classification.explanation()).contains("no VPC endpoint serves");
        }
    }

    /** A refusal that quotes no host names the service its IAM action was for. */
    static Stream<Arguments> refusedActions() {
        String refused = "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec/abc is not "
                + "authorized to perform: ";
        return Stream.of(
                arguments(ECR_API, "CannotPullECRContainerError: " + refused + "ecr:GetAuthorizationToken on r"),
                arguments(ECR_DKR, "CannotPullContainerError: " + refused + "ecr:BatchGetImage on resource"),
                arguments(LOGS, "ResourceInitializationError: failed to validate logger args: " + refused
                        + "logs:CreateLogStream"),
                arguments(S3, "ResourceInitializationError: " + refused + "s3:GetObject on resource"),
                arguments(null, "ResourceInitializationError: " + refused + "sts:AssumeRole on resource"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refusedActions")
    void aRefusalNamesTheServiceOfItsAction(EndpointService service, String stoppedReason) {
        Classification classification = StopReasonClassifier.classify(stoppedReason);

        assertThat(classification.failureClass()).isEqualTo(PERMISSION);
        assertThat(classification.service()).isEqualTo(Optional.ofNullable(service));
    }

    /** Kind 4: the agent's newer sentences, with typographic or plain apostrophes. */
    static Stream<Arguments> newestWordings() {
        String detail = " Error response from daemon: pull access denied for 123456789012.dkr.ecr.us-east-1.amazonaws.com/"
                + "app, repository does not exist or may require 'docker login': denied";
        return Stream.of(
                arguments(PERMISSION, "CannotPullContainerError: The task can’t pull the image. Check that the role has "
                        + "the permissions to pull images from the registry." + detail),
                arguments(PERMISSION, "CannotPullContainerError: The task can\u02bct pull the image. Check that the role "
                        + "has the permissions to pull images from the registry." + detail),
                arguments(NETWORK, "CannotPullContainerError: The task can\u2018t pull the image. Check your network "
                        + "configuration. Error response from daemon: Get https://123456789012.dkr.ecr.us-east-1."
                        + "amazonaws.com/v2/: net/http: request canceled while waiting for connection"),
                arguments(PERMISSION, "CannotPullContainerError: The task can't pull the image. Check that the role has "
                        + "the permissions to pull images from the registry. Error response from daemon: pull access de"),
                arguments(MISSING_RESOURCE, "CannotPullContainerError: The task can’t pull the image. Check whether the "
                        + "image exists." + detail + ": requested access to the resource is denied"),
                arguments(NETWORK, "CannotPullContainerError: The task can’t pull the image. Check your network "
                        + "configuration. Error response from daemon: Get https://123456789012.dkr.ecr.us-east-1."
                        + "amazonaws.com/v2/: net/http: request canceled while waiting for connection"),
                arguments(NETWORK, "CannotPullContainerError: The task cannot pull ‘app’ from the Amazon ECR repository "
                        + "‘123456789012.dkr.ecr.us-east-1.amazonaws.com/app’. There is a connection issue between the "
                        + "task and Amazon ECR. Check your task network configuration."),
                arguments(MISSING_RESOURCE, ASM + "ResourceNotFoundException: The task can’t retrieve the secret with ARN "
                        + "'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' from AWS Secrets Manager. "
                        + "Check whether the secret exists in the specified Region"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("newestWordings")
    void theNewestWordingsAreReadByMeaning(FailureClass expected, String stoppedReason) {
        assertThat(StopReasonClassifier.classify(stoppedReason).failureClass()).isEqualTo(expected);
    }

    /** Unknown fixes only what could explain it: the named service (ECR's registry with its layers), or nothing. */
    static Stream<Arguments> unknownScopes() {
        return Stream.of(
                arguments("ResourceInitializationError: unable to pull secrets or registry auth: execution resource "
                        + "retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time...",
                        new ChangeScope(false, Set.of(SSM))),
                arguments("CannotPullContainerError: error pulling image configuration: Get https://prod-us-east-1-"
                        + "starport-layer-bucket.s3.amazonaws.com/61d6/d834?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-A",
                        new ChangeScope(false, Set.of(S3))),
                arguments("CannotPullContainerError: failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/"
                        + "app:1: unexpected commit digest sha256:1f9e22, expected sha256:75f7d0: failed precondition",
                        new ChangeScope(false, Set.of(ECR_DKR, S3))),
                arguments("CannotPullContainerError: failed to resolve ref quay.io/team/app:1: filesystem layer "
                        + "verification failed for digest sha256:75f7d0", ChangeScope.NONE),
                arguments("CannotPullContainerError: context canceled", ChangeScope.EVERY_NEED),
                arguments("Essential container in task exited", ChangeScope.EVERY_NEED));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("unknownScopes")
    void unknownMayChangeOnlyWhatTheMessageLeavesOpen(String stoppedReason, ChangeScope scope) {
        Classification classification = StopReasonClassifier.classify(stoppedReason);

        assertThat(classification.failureClass()).isEqualTo(UNKNOWN);
        assertThat(classification.scope()).isEqualTo(scope);
        assertThat(classification.explanation()).contains(scope.everyNeed() ? "every need is checked"
                : "only a gap on its way to ");
    }
}
