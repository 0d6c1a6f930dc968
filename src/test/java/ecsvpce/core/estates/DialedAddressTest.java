package ecsvpce.core.estates;

import static ecsvpce.core.EndpointService.LOGS;
import static ecsvpce.core.EndpointService.SSM;
import static ecsvpce.core.fixtures.CheckedCore.decide;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ecsvpce.core.Decision;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.plan.AttachSecurityGroup;
import ecsvpce.core.plan.CreateInterfaceEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/real-estates.md#the-address-in-dial-tcp-is-evidence: what the task dialled says where DNS led it. */
class DialedAddressTest {

    private static String ssmTimeout(String address) {
        return "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval "
                + "failed: unable to retrieve secrets from ssm: service call has been retried 5 time(s): RequestError: "
                + "send request failed caused by: Post \"https://ssm.ap-northeast-1.amazonaws.com/\": dial tcp "
                + address + ":443: i/o timeout";
    }

    @Test
    void anAddressInsideTheVpcWithNoEndpointThereMeansSomethingElseAnswersSoNoSecondIsMade() {
        Decision decision = decide(Tasks.seedFailedTask(ssmTimeout("10.0.1.50")),
                isolatedSeedVpc().withoutEndpoint(SSM).build());

        assertThat(decision.diagnosis().blocking()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.ENDPOINT_REACHED_BUT_BLOCKED);
            assertThat(f.service()).isEqualTo(SSM);
            assertThat(f.resourceId()).isEqualTo("10.0.1.50");
            assertThat(f.fix()).endsWith("Name=addresses.private-ip-address,Values=10.0.1.50");
        });
        assertThat(decision.plan().actions()).noneMatch(CreateInterfaceEndpoint.class::isInstance);
    }

    @Test
    void anAddressInsideTheVpcWhenEveryCheckPassesIsStillForAPerson() {
        Decision decision = decide(Tasks.seedFailedTask(ssmTimeout("10.0.1.50")), isolatedSeedVpc().build());

        assertThat(decision.diagnosis().blocking()).extracting(Finding::code)
                .containsExactly(FindingCode.ENDPOINT_REACHED_BUT_BLOCKED);
        assertThat(decision.diagnosis().blocking().get(0).explanation()).contains("every check the product can make passes");
    }

    @Test
    void whatOtherServicesLackIsStillMadeBesideTheAddressThatIsForAPerson() {
        Decision decision = decide(Tasks.seedFailedTask(ssmTimeout("10.0.1.50")),
                isolatedSeedVpc().withoutEndpoint(LOGS).build());

        assertThat(decision.diagnosis().blocking()).extracting(Finding::code, Finding::service).containsExactly(
                tuple(FindingCode.ENDPOINT_MISSING, LOGS), tuple(FindingCode.ENDPOINT_REACHED_BUT_BLOCKED, SSM));
        assertThat(decision.diagnosis().blocking().get(1).explanation()).contains("every check the product can make passes");
        assertThat(decision.plan().actions()).filteredOn(CreateInterfaceEndpoint.class::isInstance)
                .extracting(a -> ((CreateInterfaceEndpoint) a).service()).containsExactly(LOGS);
    }

    @Test
    void anAdvisoryAboutTheServiceDoesNotExplainTheTimeout() {
        Decision decision = decide(Tasks.seedFailedTask(ssmTimeout("10.0.3.50")),
                isolatedSeedVpc().withSubnetC().endpoint(SSM, e -> e.subnets(Snapshots.SUBNET_C)).build());

        assertThat(decision.diagnosis().findings()).extracting(Finding::code).containsExactly(
                FindingCode.ENDPOINT_NOT_IN_TASK_AZ, FindingCode.ENDPOINT_REACHED_BUT_BLOCKED);
    }

    @Test
    void aBlockingFindingOfTheServiceExplainsTheTimeoutAndIsFixed() {
        Decision decision = decide(Tasks.seedFailedTask(ssmTimeout("10.0.1.50")), isolatedSeedVpc()
                .group(Snapshots.group("sg-0closed", "closed", List.of(), Map.of()))
                .endpoint(SSM, e -> e.groups("sg-0closed")).build());

        assertThat(decision.diagnosis().blocking()).extracting(Finding::code)
                .containsExactly(FindingCode.ENDPOINT_SG_BLOCKS_443);
        assertThat(decision.plan().actions()).anyMatch(AttachSecurityGroup.class::isInstance);
    }

    @Test
    void aPublicAddressMeansDnsDidNotReachAnEndpointWhichTheDiagnosisAlreadySays() {
        Decision decision = decide(Tasks.seedFailedTask(ssmTimeout("52.119.160.10")),
                isolatedSeedVpc().withoutEndpoint(SSM).build());

        assertThat(decision.diagnosis().blocking()).extracting(Finding::code)
                .containsExactly(FindingCode.ENDPOINT_MISSING);
        assertThat(decision.plan().actions()).anyMatch(CreateInterfaceEndpoint.class::isInstance);
    }

    @Test
    void aPendingEndpointExplainsATimeoutByItself() {
        Decision decision = decide(Tasks.seedFailedTask(ssmTimeout("10.0.1.50")),
                isolatedSeedVpc().endpoint(SSM, e -> e.state("pending")).build());

        assertThat(decision.diagnosis().blocking()).isEmpty();
    }
}
