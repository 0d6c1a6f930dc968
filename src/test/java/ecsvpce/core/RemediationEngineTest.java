package ecsvpce.core;

import static ecsvpce.core.EndpointService.ECR_API;
import static ecsvpce.core.EndpointService.LOGS;
import static ecsvpce.core.EndpointService.SECRETSMANAGER;
import static ecsvpce.core.fixtures.CheckedCore.decide;
import static ecsvpce.core.fixtures.Snapshots.endpointId;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static ecsvpce.core.fixtures.Tasks.ECR_IMAGE;
import static ecsvpce.core.fixtures.Tasks.SEED_STOPPED_REASON;
import static ecsvpce.core.fixtures.Tasks.container;
import static ecsvpce.core.fixtures.Tasks.definition;
import static ecsvpce.core.fixtures.Tasks.failedTask;
import static ecsvpce.core.fixtures.Tasks.launch;
import static ecsvpce.core.fixtures.Tasks.seedFailedTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.failure.FailureClass;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.plan.Action;
import ecsvpce.core.plan.ActionType;
import ecsvpce.core.plan.CreateInterfaceEndpoint;
import ecsvpce.core.plan.EnablePrivateDns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RemediationEngine.decide end to end: needs, class, diagnosis, plan. */
class RemediationEngineTest {
    private static final String ECR_API_TIMEOUT = "ResourceInitializationError: unable to pull secrets or registry "
            + "auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been "
            + "retried 3 time(s): RequestError: send request failed caused by: Post "
            + "\"https://api.ecr.ap-northeast-1.amazonaws.com/\": dial tcp 54.239.0.20:443: i/o timeout";
    private static final String ACCESS_DENIED = "ResourceInitializationError: unable to pull secrets or registry auth: "
            + "execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried "
            + "1 time(s): AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/abc "
            + "is not authorized to perform: secretsmanager:GetSecretValue on resource: "
            + "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:prod/db-password-AbCdEf";

    @Test
    void theSeedsExactFailureGivesOneFindingAndOneModifyActionNoCreate() {
        NetworkSnapshot snapshot = isolatedSeedVpc().privateDnsOff(SECRETSMANAGER).build();

        Decision decision = decide(seedFailedTask(SEED_STOPPED_REASON), snapshot);

        assertThat(decision.classification().failureClass()).isEqualTo(FailureClass.NETWORK);
        assertThat(decision.classification().service()).contains(SECRETSMANAGER);
        assertThat(decision.needs().services()).hasSize(6);
        assertThat(decision.diagnosis().findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.PRIVATE_DNS_DISABLED);
            assertThat(f.service()).isEqualTo(SECRETSMANAGER);
            assertThat(f.isBlocking()).isTrue();
        });
        assertThat(decision.plan().actions()).containsExactly(new EnablePrivateDns(endpointId(SECRETSMANAGER), SECRETSMANAGER));
        assertThat(decision.plan().actions()).extracting(Action::type)
                .doesNotContain(ActionType.CREATE_INTERFACE_ENDPOINT, ActionType.CREATE_GATEWAY_ENDPOINT,
                        ActionType.CREATE_ENDPOINT_SECURITY_GROUP);
        assertThat(decision.plan().monthlyCostUsd()).isEqualByComparingTo("0");
    }

    @Test
    void platformVersion130DoesNotNeedEcrApiButPlatformVersion140Does() {
        NetworkSnapshot noEcrApi = isolatedSeedVpc().withoutEndpoint(ECR_API).build();

        Decision pv130 = decide(failedTask("CannotPullContainerError: pull command failed: : signal: killed",
                Tasks.seedDefinition(), launch("1.3.0"), Snapshots.taskPlacement()), noEcrApi);
        Decision pv140 = decide(failedTask(ECR_API_TIMEOUT,
                Tasks.seedDefinition(), launch("1.4.0"), Snapshots.taskPlacement()), noEcrApi);

        assertThat(pv130.needs().services()).doesNotContain(ECR_API);
        assertThat(pv130.diagnosis().findings()).isEmpty();
        assertThat(pv130.plan().actions()).isEmpty();

        assertThat(pv140.classification().service()).contains(ECR_API);
        assertThat(pv140.diagnosis().findings()).extracting(Finding::code, Finding::service)
                .containsExactly(tuple(FindingCode.ENDPOINT_MISSING, ECR_API));
        assertThat(pv140.plan().actions()).filteredOn(a -> a instanceof CreateInterfaceEndpoint)
                .singleElement().satisfies(a -> assertThat(((CreateInterfaceEndpoint) a).service()).isEqualTo(ECR_API));
    }

    @Test
    void aPermissionFailurePlansNothingEvenWhenTheNetworkLacksSomething() {
        NetworkSnapshot snapshot = isolatedSeedVpc().privateDnsOff(SECRETSMANAGER).withoutEndpoint(LOGS).build();

        Decision decision = decide(seedFailedTask(ACCESS_DENIED), snapshot);

        assertThat(decision.classification().failureClass()).isEqualTo(FailureClass.PERMISSION);
        assertThat(decision.classification().missingIamAction()).contains("secretsmanager:GetSecretValue");
        assertThat(decision.plan().actions()).isEmpty();
        assertThat(decision.plan().heldBack()).singleElement().asString()
                .contains("PERMISSION").contains("secretsmanager:GetSecretValue");
        assertThat(decision.plan().unfixed()).extracting(Finding::code)
                .containsExactlyInAnyOrder(FindingCode.PRIVATE_DNS_DISABLED, FindingCode.ENDPOINT_MISSING);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: "
                    + "unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret "
                    + "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db from secrets manager: "
                    + "ResourceNotFoundException: Secrets Manager can't find the specified secret.",
            "CannotStartContainerError: Error response from daemon: OCI runtime create failed: exec: \"/start\": not found",
            "Timeout waiting for network interface provisioning to complete.",
            "ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: Mount "
                    + "attempt 1/3 failed due to timeout after 15 sec"})
    void missingResourceAndNotNetworkFailuresPlanNothing(String stoppedReason) {
        NetworkSnapshot snapshot = isolatedSeedVpc().privateDnsOff(SECRETSMANAGER).dnsHostnames(false).build();

        Decision decision = decide(seedFailedTask(stoppedReason), snapshot);

        assertThat(decision.classification().failureClass().mayBeFixedByEndpoints()).isFalse();
        assertThat(decision.plan().actions()).isEmpty();
        assertThat(decision.plan().heldBack()).hasSize(1);
        assertThat(decision.plan().unfixed()).hasSize(2);
    }

    @Test
    void anUnknownReasonChecksEveryNeedAndFixesTheNetworkGaps() {
        NetworkSnapshot snapshot = isolatedSeedVpc().privateDnsOff(SECRETSMANAGER).withoutEndpoint(LOGS).build();

        Decision decision = decide(seedFailedTask("ResourceInitializationError: something nobody has seen before"), snapshot);

        assertThat(decision.classification().failureClass()).isEqualTo(FailureClass.UNKNOWN);
        assertThat(decision.plan().actions()).extracting(Action::type).containsExactly(ActionType.ENABLE_PRIVATE_DNS,
                ActionType.CREATE_ENDPOINT_SECURITY_GROUP, ActionType.CREATE_INTERFACE_ENDPOINT);
    }

    @Test
    void aPullKilledForAnUnknownCauseChecksEveryNeed() {
        NetworkSnapshot snapshot = isolatedSeedVpc().withoutEndpoint(LOGS).build();

        Decision decision = decide(seedFailedTask("CannotPullContainerError: pull command failed: : signal: killed"), snapshot);

        assertThat(decision.classification().service()).isEmpty();
        assertThat(decision.plan().actions()).extracting(Action::type)
                .containsExactly(ActionType.CREATE_ENDPOINT_SECURITY_GROUP, ActionType.CREATE_INTERFACE_ENDPOINT);
    }

    @Test
    void aTaskThatNeedsNothingGetsNothing() {
        NetworkSnapshot snapshot = isolatedSeedVpc().withoutEndpoints().dnsSupport(false).build();

        Decision decision = decide(failedTask("ResourceInitializationError: unable to pull secrets or registry auth: x",
                definition(container("app")), launch("1.4.0"), Snapshots.taskPlacement()), snapshot);

        assertThat(decision.needs().isEmpty()).isTrue();
        assertThat(decision.diagnosis().findings()).isEmpty();
        assertThat(decision.plan().isEmpty()).isTrue();
        assertThat(decision.plan().unfixed()).isEmpty();
    }

    @Test
    void aDockerHubImageInAnIsolatedSubnetIsReportedNotRemediated() {
        NetworkSnapshot snapshot = isolatedSeedVpc().build();

        Decision decision = decide(failedTask("CannotPullContainerError: pull image manifest has been retried 1 time(s): "
                        + "failed to resolve ref docker.io/library/nginx:latest: failed to do request: Head "
                        + "\"https://registry-1.docker.io/v2/library/nginx/manifests/latest\": dial tcp 54.236.0.1:443: i/o timeout",
                definition(container("app").image("nginx:latest").awslogs()), launch("1.4.0"), Snapshots.taskPlacement()),
                snapshot);

        assertThat(decision.classification().failureClass()).isEqualTo(FailureClass.NETWORK_OUTSIDE_AWS);
        assertThat(decision.plan().actions()).isEmpty();
        assertThat(decision.plan().heldBack()).singleElement().asString()
                .contains("NETWORK_OUTSIDE_AWS", "registry-1.docker.io", "NAT gateway", "pull-through cache");
        assertThat(decision.plan().unfixed()).extracting(Finding::code)
                .containsExactly(FindingCode.NEED_NOT_SERVABLE_BY_ENDPOINT);
    }

    @Test
    void presignedUrlsDoNotLeaveTheEngine() {
        String signature = "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c";
        String credential = "ASIAQEXAMPLEKEYID99%2F20240501%2Fap-northeast-1%2Fs3%2Faws4_request";
        String token = "IQoJb3JpZ2luX2VjEXAMPLE%2Fsecret%3D%3D";
        String reason = "CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReadSeeker: "
                + "failed open: failed to do request: Get \"https://prod-ap-northeast-1-starport-layer-bucket.s3."
                + "ap-northeast-1.amazonaws.com/a1b2-123456789012-c3d4/e5f6?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=" + credential + "&X-Amz-Date=20240501T101530Z&X-Amz-Expires=3600"
                + "&X-Amz-Security-Token=" + token + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + signature
                + "\": dial tcp 52.219.0.40:443: i/o timeout";
        NetworkSnapshot snapshot = isolatedSeedVpc().withoutEndpoint(EndpointService.S3).build();

        Decision decision = decide(failedTask(reason, definition(container("app").image(ECR_IMAGE)), launch("1.4.0"),
                Snapshots.taskPlacement()), snapshot);

        assertThat(decision.classification().service()).contains(EndpointService.S3);
        assertThat(decision.plan().actions()).extracting(Action::type).containsExactly(ActionType.CREATE_GATEWAY_ENDPOINT);
        assertThat(decision.toString()).doesNotContain(signature, credential, "ASIAQEXAMPLEKEYID99", token)
                .contains("X-Amz-Signature=REDACTED");
    }
}
