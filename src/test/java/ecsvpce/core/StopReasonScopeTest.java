package ecsvpce.core;

import static ecsvpce.core.EndpointService.ECR_DKR;
import static ecsvpce.core.EndpointService.S3;
import static ecsvpce.core.EndpointService.SSM;
import static ecsvpce.core.fixtures.CheckedCore.decide;
import static ecsvpce.core.fixtures.Snapshots.isolatedEmptyVpc;
import static ecsvpce.core.fixtures.Tasks.seedFailedTask;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.failure.FailureClass;
import ecsvpce.core.plan.Action;
import ecsvpce.core.plan.ActionType;
import ecsvpce.core.plan.CreateGatewayEndpoint;
import ecsvpce.core.plan.CreateInterfaceEndpoint;
import ecsvpce.core.plan.HeldBack;
import ecsvpce.core.plan.Plan;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An unrecognised stop reason that names a service lets the product fix only that service's gaps
 * (with ECR's layers, S3's); one that names a registry no endpoint serves lets it fix none; the
 * other gaps are reported as unfixed, with the reason.
 */
class StopReasonScopeTest {
    private static final String SSM_CUT = "ResourceInitializationError: unable to pull secrets or registry auth: "
            + "execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried "
            + "1 time...";
    private static final String ECR_DIGEST = "CannotPullContainerError: failed to resolve ref 123456789012.dkr.ecr."
            + "ap-northeast-1.amazonaws.com/app:1: unexpected commit digest sha256:1f9e22, expected sha256:75f7d0";
    private static final String QUAY_DIGEST = "CannotPullContainerError: failed to resolve ref quay.io/team/app:1: "
            + "filesystem layer verification failed for digest sha256:75f7d0";

    @Test
    void anUnknownFailureAtSsmMakesOnlyTheSsmEndpointAndReportsTheRest() {
        Decision decision = decide(seedFailedTask(SSM_CUT), isolatedEmptyVpc().build());

        assertThat(decision.classification().failureClass()).isEqualTo(FailureClass.UNKNOWN);
        assertThat(created(decision.plan())).containsExactly(SSM);
        assertThat(decision.plan().unfixed()).extracting(Finding::service).doesNotContain(SSM).isNotEmpty();
        assertThat(decision.plan().heldBack()).extracting(HeldBack::reason).containsExactly(HeldBack.Reason.STOP_REASON);
        assertThat(decision.plan().heldBack().get(0).explanation()).contains("ecr.api", "logs", "secretsmanager")
                .doesNotContain("nothing is made for ssm");
    }

    @Test
    void theVpcsOwnDnsStaysInScopeForItStandsInTheWayOfTheNamedServiceToo() {
        Decision decision = decide(seedFailedTask(SSM_CUT), isolatedEmptyVpc().dnsHostnames(false).build());

        assertThat(decision.plan().actions()).extracting(Action::type)
                .contains(ActionType.ENABLE_VPC_DNS_ATTRIBUTE);
        assertThat(created(decision.plan())).containsExactly(SSM);
    }

    @Test
    void anUnknownFailureAtEcrsRegistryMayMakeTheRegistryAndItsLayerBucket() {
        Decision decision = decide(seedFailedTask(ECR_DIGEST), isolatedEmptyVpc().build());

        assertThat(created(decision.plan())).containsExactlyInAnyOrder(ECR_DKR, S3);
    }

    @Test
    void anUnknownFailureAtARegistryOutsideAwsMakesNothing() {
        Decision decision = decide(seedFailedTask(QUAY_DIGEST), isolatedEmptyVpc().build());

        assertThat(decision.plan().actions()).isEmpty();
        assertThat(decision.plan().unfixed()).extracting(Finding::code).contains(FindingCode.ENDPOINT_MISSING);
    }

    @Test
    void anUnknownFailureThatNamesNothingMayMakeEveryNeed() {
        Decision decision = decide(seedFailedTask("CannotPullContainerError: context canceled"),
                isolatedEmptyVpc().build());

        assertThat(created(decision.plan())).hasSize(6);
        assertThat(decision.plan().heldBack()).isEmpty();
    }

    private static Set<EndpointService> created(Plan plan) {
        return plan.actions().stream().<EndpointService>mapMulti((action, out) -> {
            if (action instanceof CreateInterfaceEndpoint create) {
                out.accept(create.service());
            } else if (action instanceof CreateGatewayEndpoint create) {
                out.accept(create.service());
            }
        }).collect(Collectors.toSet());
    }
}
