package ecsvpce.core.failure;

import static ecsvpce.core.failure.FailureClass.MISSING_RESOURCE;
import static ecsvpce.core.failure.FailureClass.NETWORK;
import static ecsvpce.core.failure.FailureClass.NETWORK_OUTSIDE_AWS;
import static ecsvpce.core.failure.FailureClass.NOT_NETWORK;
import static ecsvpce.core.failure.FailureClass.PERMISSION;
import static ecsvpce.core.failure.FailureClass.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ecsvpce.core.EndpointService;
import ecsvpce.core.fixtures.Tasks;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The message table the classifier implements, one realistic stoppedReason per row (and per alternative
 * within a row), and the categories it generalises to. Messages quoted from public reports are in
 * {@link StopReasonClassifierFieldTest}.
 */
class StopReasonClassifierTest {
    private static final String ASM = "ResourceInitializationError: unable to pull secrets or registry auth: "
            + "execution resource retrieval failed: unable to retrieve secret from asm: ";
    private static final String SSM = "ResourceInitializationError: unable to pull secrets or registry auth: "
            + "execution resource retrieval failed: unable to retrieve secrets from ssm: ";
    private static final String ECR_AUTH = "ResourceInitializationError: unable to pull secrets or registry auth: "
            + "execution resource retrieval failed: unable to retrieve ecr registry auth: ";
    private static final String LOGGER = "ResourceInitializationError: failed to validate logger args: ";

    static Stream<Arguments> networkRows() {
        return Stream.of(
                // asm + network words -> secretsmanager
                arguments("asm i/o timeout", ASM + "service call has been retried 5 time(s): RequestError: send request "
                        + "failed caused by: Post \"https://secretsmanager.ap-northeast-1.amazonaws.com/\": dial tcp "
                        + "52.119.0.10:443: i/o timeout", EndpointService.SECRETSMANAGER),
                arguments("asm context deadline exceeded", ASM + "service call has been retried 5 time(s): "
                        + "RequestCanceled: request context canceled caused by: context deadline exceeded",
                        EndpointService.SECRETSMANAGER),
                arguments("asm StatusCode: 0 / connection issue", "ResourceInitializationError: unable to pull secrets or "
                        + "registry auth: unable to retrieve secret from asm: There is a connection issue between the task "
                        + "and AWS Secrets Manager. Check your task network configuration. failed to fetch secret "
                        + "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf from secrets manager: "
                        + "operation error Secrets Manager: GetSecretValue, exceeded maximum number of attempts, 3, "
                        + "https response error StatusCode: 0, RequestID: , request send failed",
                        EndpointService.SECRETSMANAGER),
                arguments("seed article's exact asm message (retried, no error code)", Tasks.SEED_STOPPED_REASON,
                        EndpointService.SECRETSMANAGER),
                // ssm + network words -> ssm
                arguments("ssm RequestCanceled", SSM + "service call has been retried 5 time(s): RequestCanceled: "
                        + "request context canceled caused by: context deadline exceeded", EndpointService.SSM),
                arguments("ssm connection issue with Parameter Store", "ResourceInitializationError: unable to pull "
                        + "secrets or registry auth: unable to retrieve secrets from ssm: There is a connection issue "
                        + "between the task and AWS Systems Manager Parameter Store. Check your task network configuration. "
                        + "operation error SSM: GetParameters, exceeded maximum number of attempts, 3, https response "
                        + "error StatusCode: 0, RequestID: , request send failed", EndpointService.SSM),
                // ECR auth -> ecr.api
                arguments("ecr registry auth i/o timeout", ECR_AUTH + "service call has been retried 3 time(s): "
                        + "RequestError: send request failed caused by: Post \"https://api.ecr.ap-northeast-1.amazonaws.com/\": "
                        + "dial tcp 54.239.0.20:443: i/o timeout", EndpointService.ECR_API),
                arguments("api.ecr. dial tcp", "CannotPullContainerError: error pulling image configuration: "
                        + "Post \"https://api.ecr.ap-northeast-1.amazonaws.com/\": dial tcp 54.239.0.20:443: connect: "
                        + "connection timed out", EndpointService.ECR_API),
                arguments("cannot pull registry auth from Amazon ECR", "ResourceInitializationError: unable to pull "
                        + "secrets or registry auth: The task cannot pull registry auth from Amazon ECR: There is a "
                        + "connection issue between the task and Amazon ECR. Check your task network configuration. "
                        + "RequestError: send request failed caused by: Post \"https://api.ecr.ap-northeast-1.amazonaws.com/\": "
                        + "dial tcp 54.239.0.20:443: i/o timeout", EndpointService.ECR_API),
                // logger -> logs
                arguments("logger args + network words", LOGGER + "create stream has been retried 1 times: failed to "
                        + "create Cloudwatch log stream: RequestError: send request failed caused by: Post "
                        + "\"https://logs.ap-northeast-1.amazonaws.com/\": dial tcp 52.95.0.30:443: i/o timeout : exit status 1",
                        EndpointService.LOGS),
                arguments("logger args + signal: killed", LOGGER + ": signal: killed", EndpointService.LOGS),
                // image pull -> s3 / ecr.dkr
                arguments("CannotPullContainerError to S3 (httpReadSeeker)", "CannotPullContainerError: ref pull has been "
                        + "retried 1 time(s): failed to copy: httpReadSeeker: failed open: failed to do request: Get "
                        + "\"https://prod-ap-northeast-1-starport-layer-bucket.s3.ap-northeast-1.amazonaws.com/a1b2-123456789012-"
                        + "0f1e/4c5d?X-Amz-Algorithm=AWS4-HMAC-SHA256\": dial tcp 52.219.0.40:443: i/o timeout",
                        EndpointService.S3),
                arguments("CannotPullContainerError to an S3 address", "CannotPullContainerError: error pulling image "
                        + "configuration: Get https://prod-ap-northeast-1-starport-layer-bucket.s3.ap-northeast-1.amazonaws.com/"
                        + "e0f1-123456789012-a1b2/0a1b: dial tcp 52.219.0.40:443: i/o timeout", EndpointService.S3),
                arguments("CannotPullContainerError dkr.ecr", "CannotPullContainerError: pull image manifest has been "
                        + "retried 1 time(s): failed to resolve ref 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app:latest: "
                        + "failed to do request: Head \"https://123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/v2/app/"
                        + "manifests/latest\": dial tcp 10.0.1.57:443: i/o timeout", EndpointService.ECR_DKR),
                arguments("CannotPullContainerError dkr.ecr context deadline", "CannotPullContainerError: Error response "
                        + "from daemon: Get https://123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/v2/: net/http: request "
                        + "canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)",
                        EndpointService.ECR_DKR));
    }

    @ParameterizedTest(name = "{0} -> network, {2}")
    @MethodSource("networkRows")
    void networkRowsPointAtTheirService(String row, String stoppedReason, EndpointService service) {
        Classification classification = StopReasonClassifier.classify(stoppedReason);

        assertThat(classification.failureClass()).isEqualTo(NETWORK);
        assertThat(classification.service()).contains(service);
        assertThat(classification.failureClass().mayBeFixedByEndpoints()).isTrue();
        assertThat(classification.explanation()).isNotBlank().contains(service.id());
    }

    @ParameterizedTest(name = "only the host {0} is named")
    @ValueSource(strings = {"logs", "secretsmanager", "ssm", "ssmmessages"})
    void aMessageThatNamesOnlyTheHostItDialledPointsAtThatHostsService(String id) {
        Classification classification = StopReasonClassifier.classify("ResourceInitializationError: RequestError: send "
                + "request failed caused by: Post \"https://" + id + ".ap-northeast-1.amazonaws.com/\": dial tcp "
                + "52.119.0.10:443: i/o timeout");

        assertThat(classification.failureClass()).isEqualTo(NETWORK);
        assertThat(classification.service()).isEqualTo(EndpointService.fromId(id));
    }

    @Test
    void pullKilledIsNetworkWithCauseUnknownSoEveryNeedIsChecked() {
        Classification classification = StopReasonClassifier.classify(
                "CannotPullContainerError: pull command failed: : signal: killed");

        assertThat(classification.failureClass()).isEqualTo(NETWORK);
        assertThat(classification.service()).isEmpty();
        assertThat(classification.explanation()).contains("every need");
    }

    @Test
    void theSeedsExactMessageIsNetworkAtSecretsManager() {
        Classification classification = StopReasonClassifier.classify(Tasks.SEED_STOPPED_REASON);

        assertThat(classification.failureClass()).isEqualTo(NETWORK);
        assertThat(classification.service()).contains(EndpointService.SECRETSMANAGER);
        assertThat(classification.redactedReason()).isEqualTo(Tasks.SEED_STOPPED_REASON);
    }

    @Test
    void aRetryCountFollowedByAnAwsErrorCodeIsNotANetworkFailure() {
        Classification classification = StopReasonClassifier.classify(ASM
                + "service call has been retried 5 time(s): ThrottlingException: Rate exceeded");

        assertThat(classification.failureClass()).isNotEqualTo(NETWORK);
    }

    static Stream<Arguments> permissionRows() {
        return Stream.of(
                arguments("AccessDeniedException on asm", ASM + "service call has been retried 1 time(s): "
                        + "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/"
                        + "0123456789abcdef is not authorized to perform: secretsmanager:GetSecretValue on resource: "
                        + "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf because no identity-based "
                        + "policy allows the secretsmanager:GetSecretValue action", "secretsmanager:GetSecretValue"),
                arguments("not authorized to perform on ssm", SSM + "service call has been retried 1 time(s): "
                        + "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/abc "
                        + "is not authorized to perform: ssm:GetParameters on resource: "
                        + "arn:aws:ssm:ap-northeast-1:123456789012:parameter/prod/api-key", "ssm:GetParameters"),
                arguments("not authorized on ecr auth", "ResourceInitializationError: unable to pull secrets or registry "
                        + "auth: The task cannot pull registry auth from Amazon ECR: The task execution role does not have "
                        + "permission to call ecr:GetAuthorizationToken. User: arn:aws:sts::123456789012:assumed-role/"
                        + "ecsTaskExecutionRole/abc is not authorized to perform: ecr:GetAuthorizationToken on resource: *",
                        "ecr:GetAuthorizationToken"),
                arguments("403 Forbidden from S3", "CannotPullContainerError: ref pull has been retried 1 time(s): "
                        + "failed to copy: httpReadSeeker: failed open: unexpected status code "
                        + "https://prod-ap-northeast-1-starport-layer-bucket.s3.ap-northeast-1.amazonaws.com/a1b2/0c: "
                        + "403 Forbidden", null),
                arguments("a registry's token handshake that was answered", "CannotPullContainerError: pull image "
                        + "manifest has been retried 5 time(s): failed to resolve ref registry.example.com/team/app:1.2: "
                        + "failed to authorize: failed to fetch oauth token: unexpected status: 400 Bad Request", null));
    }

    @Test
    void aRegistryTokenHandshakeThatNeverGotThroughIsNetworkNotPermission() {
        Classification classification = StopReasonClassifier.classify("CannotPullContainerError: pull image manifest "
                + "has been retried 5 time(s): failed to resolve ref docker.io/library/nginx:latest: failed to authorize: "
                + "failed to fetch anonymous token: Get \"https://auth.docker.io/token?scope=repository%3Alibrary%2Fnginx"
                + "%3Apull&service=registry.docker.io\": dial tcp 3.216.34.172:443: i/o timeout");

        assertThat(classification.failureClass()).isEqualTo(NETWORK_OUTSIDE_AWS);
    }

    @ParameterizedTest(name = "{0} -> permission")
    @MethodSource("permissionRows")
    void permissionRowsChangeNothingAndNameTheIamAction(String row, String stoppedReason, String iamAction) {
        Classification classification = StopReasonClassifier.classify(stoppedReason);

        assertThat(classification.failureClass()).isEqualTo(PERMISSION);
        assertThat(classification.failureClass().mayBeFixedByEndpoints()).isFalse();
        assertThat(classification.missingIamAction()).isEqualTo(Optional.ofNullable(iamAction));
        if (iamAction != null) {
            assertThat(classification.explanation()).contains(iamAction);
        }
    }

    @ParameterizedTest(name = "{0} -> missing resource")
    @ValueSource(strings = {
            ASM + "service call has been retried 1 time(s): failed to fetch secret "
                    + "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf from secrets manager: "
                    + "ResourceNotFoundException: Secrets Manager can't find the specified secret.",
            "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval "
                    + "failed: unable to retrieve secret from asm: Secrets Manager can't find the specified secret",
            "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval "
                    + "failed: unable to retrieve secret from asm: secret arn:aws:secretsmanager:ap-northeast-1:"
                    + "123456789012:secret:db-AbCdEf: retrieved secret from Secrets Manager did not contain json key password",
            SSM + "service call has been retried 1 time(s): ValidationException: Parameter name: can't be prefixed "
                    + "with \"aws\" or \"ssm\" (case-insensitive).",
            ASM + "service call has been retried 1 time(s): InvalidRequestException: You can't perform this operation "
                    + "on the secret because it was marked for deletion.",
            "CannotPullContainerError: Error response from daemon: manifest for "
                    + "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app:v9 not found: manifest unknown: "
                    + "Requested image not found",
            SSM + "invalid ssm parameters: /prod/api-key",
            // a malformed reference fails the SDK's own validation: no request is sent at all
            ASM + "service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:"
                    + "ap-northeast-1:123456789012:secret:db from secrets manager: InvalidParameter: 1 validation "
                    + "error(s) found. - minimum field size of 32, GetSecretValueInput.VersionId.",
            // the service answered with a value that does not parse: a malformed secret
            ASM + "service call has been retried 1 time(s): unexpected end of JSON input",
            "CannotPullContainerError: pull access denied",
            ASM + "service call has been retried 1 time(s): json: cannot unmarshal number into Go value of type string"})
    void missingResourceRows(String stoppedReason) {
        Classification classification = StopReasonClassifier.classify(stoppedReason);

        assertThat(classification.failureClass()).isEqualTo(MISSING_RESOURCE);
        assertThat(classification.failureClass().mayBeFixedByEndpoints()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> not network, no service")
    @ValueSource(strings = {
            "CannotStartContainerError: Error response from daemon: failed to create shim task: OCI runtime create "
                    + "failed: runc create failed: unable to start container process: exec: \"/app/start.sh\": permission denied",
            "CannotCreateContainerError: OCI runtime create failed: container_linux.go:380: starting container process "
                    + "caused: exec: \"nodee\": executable file not found in $PATH: unknown",
            "ResourceInitializationError: failed to create new container runtime task: failed to create shim task: "
                    + "context deadline exceeded",
            "Timeout waiting for network interface provisioning to complete.",
            "ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: Failed "
                    + "to resolve \"fs-0123456789abcdef0.efs.ap-northeast-1.amazonaws.com\" - check that your file system "
                    + "ID is correct",
            "ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: "
                    + "Mount attempt 1/3 failed due to timeout after 15 sec, wait 0 sec before next attempt.",
            "CannotPullContainerError: ref pull has been retried 1 time(s): image with reference "
                    + "registry.example.com/app:1.2 was found but does not match the specified platform: wanted "
                    + "linux/arm64, actual: linux/amd64"})
    void notNetworkRowsAreNeverRemediated(String stoppedReason) {
        Classification classification = StopReasonClassifier.classify(stoppedReason);

        assertThat(classification.failureClass()).isEqualTo(NOT_NETWORK);
        assertThat(classification.service()).isEmpty();
        assertThat(classification.failureClass().mayBeFixedByEndpoints()).isFalse();
    }

    @ParameterizedTest(name = "unrecognised: \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"Essential container in task exited",
            "ResourceInitializationError: something new happened",
            "ResourceInitializationError: dial tcp 10.0.0.1:443: i/o timeout",
            // content that does not match its digest: a proxying registry, or a layer download cut short
            "CannotPullContainerError: inspect image has been retried 1 time(s): failed commit on ref "
                    + "\"manifest-sha256:75f7d0\": commit failed: unexpected commit digest sha256:1f9e22, expected "
                    + "sha256:75f7d0: failed precondition",
            "CannotPullContainerError: filesystem layer verification failed for digest sha256:75f7d0"})
    void unrecognisedReasonsAreUnknownAndCheckEveryNeed(String stoppedReason) {
        Classification classification = StopReasonClassifier.classify(stoppedReason);

        assertThat(classification.failureClass()).isEqualTo(UNKNOWN);
        assertThat(classification.failureClass().mayBeFixedByEndpoints()).isTrue();
        assertThat(classification.redactedReason()).isNotNull();
    }

    // Variations on the containerd wording quoted in the field test, one per registry: the category is
    // "an image registry no endpoint serves", not one message.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"registry-1.docker.io", "quay.io", "ghcr.io", "public.ecr.aws", "mcr.microsoft.com"})
    void aRegistryOutsideAwsIsNetworkThatNoEndpointFixesAndTheExplanationSaysWhatDoes(String registry) {
        Classification classification = StopReasonClassifier.classify("CannotPullContainerError: pull image manifest "
                + "has been retried 5 time(s): failed to resolve ref " + registry + "/acme/app:1.0: failed to do request: "
                + "Head \"https://" + registry + "/v2/acme/app/manifests/1.0\": dial tcp 198.51.100.7:443: i/o timeout");

        assertThat(classification.failureClass()).isEqualTo(NETWORK_OUTSIDE_AWS);
        assertThat(classification.failureClass().mayBeFixedByEndpoints()).isFalse();
        assertThat(classification.service()).isEmpty();
        assertThat(classification.explanation()).contains(registry, "NAT gateway", "private ECR", "pull-through cache");
    }

    @Test
    void theRegistryStandsInForTheHostWhenTheNewerWordingHidesTheUrl() {
        String hidden = "CannotPullContainerError: The task cannot pull docker.io/library/nginx:1 from the registry "
                + "docker.io/library/nginx:1. There is a connection issue between the task and the registry. Check your "
                + "task network configuration. : failed to do request: Head docker.io/library/nginx:1: dial tcp "
                + "198.51.100.7:443: i/o timeout";

        assertThat(StopReasonClassifier.classify(hidden).failureClass()).isEqualTo(NETWORK_OUTSIDE_AWS);
        assertThat(StopReasonClassifier.classify(hidden).explanation()).contains("docker.io");
    }

    @Test
    void underTheNewerWordingAnEcrManifestIsEcrDkrAndOnlyABlobDownloadIsS3() {
        String prefix = "CannotPullContainerError: The task cannot pull 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1 "
                + "from the registry 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1. There is a connection issue "
                + "between the task and the registry. Check your task network configuration. : ";
        String manifest = prefix + "failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1: failed to "
                + "do request: Head 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1: dial tcp 10.0.1.5:443: i/o timeout";
        String blob = prefix + "failed to copy: httpReadSeeker: failed open: failed to do request: Get "
                + "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1: dial tcp 52.219.1.1:443: i/o timeout";

        assertThat(StopReasonClassifier.classify(manifest).service()).contains(EndpointService.ECR_DKR);
        assertThat(StopReasonClassifier.classify(blob).service()).contains(EndpointService.S3);
    }

    @Test
    void aNetworkWordBesideAnUnpackFailureKeepsItFixable() {
        Classification classification = StopReasonClassifier.classify("CannotPullContainerError: ref pull has been "
                + "retried 1 time(s): failed to extract layer sha256:0a1b: read tcp 10.0.1.5:50000->52.219.1.1:443: "
                + "read: connection reset by peer");

        assertThat(classification.failureClass().mayBeFixedByEndpoints()).isTrue();
    }

    @Test
    void aLoggingDriverFailureUnderARuntimePrefixIsClassifiedByItsCause() {
        String prefix = "CannotStartContainerError: Error response from daemon: failed to initialize logging driver: "
                + "failed to create Cloudwatch log stream: ";

        Classification timeout = StopReasonClassifier.classify(prefix + "RequestError: send request failed caused by: "
                + "Post https://logs.us-east-1.amazonaws.com/: dial tcp 52.46.1.1:443: i/o timeout");
        Classification quota = StopReasonClassifier.classify(prefix + "ThrottlingException: Rate exceeded");

        assertThat(timeout.failureClass()).isEqualTo(NETWORK);
        assertThat(timeout.service()).contains(EndpointService.LOGS);
        assertThat(quota.failureClass()).isEqualTo(NOT_NETWORK);
    }

    @Test
    void kmsRefusingASecretIsPermissionAndNoKmsEndpointIsSuggested() {
        Classification classification = StopReasonClassifier.classify(SSM + "service call has been retried 1 time(s): "
                + "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec/abc is not authorized to "
                + "perform: kms:Decrypt on resource: arn:aws:kms:ap-northeast-1:123456789012:key/0a1b");

        assertThat(classification.failureClass()).isEqualTo(PERMISSION);
        assertThat(classification.service()).contains(EndpointService.SSM);
        assertThat(classification.missingIamAction()).contains("kms:Decrypt");
        assertThat(classification.explanation()).contains("kms:Decrypt", "no kms endpoint");
    }

    static Stream<Arguments> dialedAddresses() {
        return Stream.of(
                arguments(ASM + "RequestError: send request failed caused by: Post "
                        + "\"https://secretsmanager.ap-northeast-1.amazonaws.com/\": dial tcp 10.0.2.14:443: i/o timeout",
                        "10.0.2.14"),
                arguments("CannotPullContainerError: failed to resolve ref docker.io/library/nginx:1: failed to do "
                        + "request: Head \"https://registry-1.docker.io/v2/library/nginx/manifests/1\": dial tcp: lookup "
                        + "registry-1.docker.io on 10.0.0.2:53: no such host", "registry-1.docker.io"),
                arguments("CannotPullContainerError: API error (500): Get https://123456789012.dkr.ecr.us-east-1"
                        + ".amazonaws.com/v2/: net/http: request canceled while waiting for connection", null));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("dialedAddresses")
    void theDialedAddressIsTheOneTheTaskTriedAndNotTheDnsServer(String stoppedReason, String address) {
        assertThat(StopReasonClassifier.classify(stoppedReason).dialedAddress()).isEqualTo(Optional.ofNullable(address));
    }

    @Test
    void onlyNetworkAndUnknownMayLeadToChanges() {
        assertThat(FailureClass.values()).filteredOn(FailureClass::mayBeFixedByEndpoints)
                .containsExactlyInAnyOrder(NETWORK, UNKNOWN);
    }

    @Test
    void classificationCarriesTheRedactedReason() {
        Classification classification = StopReasonClassifier.classify("CannotPullContainerError: failed to copy: "
                + "httpReadSeeker: failed open: Get \"https://prod-ap-northeast-1-starport-layer-bucket.s3.ap-northeast-1"
                + ".amazonaws.com/x?X-Amz-Credential=ASIAEXAMPLEKEY%2F20240501%2Fap-northeast-1%2Fs3%2Faws4_request"
                + "&X-Amz-Signature=deadbeefcafe\": dial tcp 52.219.0.40:443: i/o timeout");

        assertThat(classification.failureClass()).isEqualTo(NETWORK);
        assertThat(classification.service()).contains(EndpointService.S3);
        assertThat(classification.redactedReason()).doesNotContain("ASIAEXAMPLEKEY", "deadbeefcafe")
                .contains("X-Amz-Signature=REDACTED");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ResourceInitializationError: unable to pull secrets or registry auth: x",
            "CannotPullContainerError: pull image manifest has been retried 1 time(s)",
            "Timeout waiting for network interface provisioning to complete."})
    void startFailuresByReason(String stoppedReason) {
        assertThat(StopReasonClassifier.isStartFailure("EssentialContainerExited", stoppedReason)).isTrue();
    }

    @Test
    void startFailuresByStopCodeAndNotOthers() {
        assertThat(StopReasonClassifier.isStartFailure("TaskFailedToStart", "anything")).isTrue();
        assertThat(StopReasonClassifier.isStartFailure("EssentialContainerExited", "Essential container in task exited"))
                .isFalse();
        assertThat(StopReasonClassifier.isStartFailure("UserInitiated", null)).isFalse();
        assertThat(StopReasonClassifier.isStartFailure("ServiceSchedulerInitiated", "Scaling activity initiated by "
                + "(deployment ecs-svc/0123456789)")).isFalse();
    }
}
