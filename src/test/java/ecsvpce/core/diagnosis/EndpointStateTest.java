package ecsvpce.core.diagnosis;

import static ecsvpce.core.EndpointService.LOGS;
import static ecsvpce.core.EndpointService.S3;
import static ecsvpce.core.EndpointService.SECRETSMANAGER;
import static ecsvpce.core.EndpointService.SSM;
import static ecsvpce.core.diagnosis.FindingCode.ENDPOINT_MISSING;
import static ecsvpce.core.diagnosis.FindingCode.ENDPOINT_NOT_AVAILABLE;
import static ecsvpce.core.diagnosis.FindingCode.PRIVATE_DNS_DISABLED;
import static ecsvpce.core.diagnosis.Severity.ADVISORY;
import static ecsvpce.core.diagnosis.Severity.BLOCKING;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.CheckedCore.findings;
import static ecsvpce.core.fixtures.Snapshots.endpointId;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.EndpointType;
import ecsvpce.core.network.NetworkSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/endpoint-pitfalls.md#endpoint-state: which endpoint of a service the task goes through, and its state. */
class EndpointStateTest {
    @ParameterizedTest(name = "interface endpoint {0}")
    @ValueSource(strings = {"pendingAcceptance", "failed", "rejected", "expired", "PendingAcceptance", "Failed"})
    void interfaceEndpointNotAvailable(String state) {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpoint(SECRETSMANAGER, e -> e.state(state)).build());

        assertThat(findings(diagnosis)).containsExactly(
                tuple(ENDPOINT_NOT_AVAILABLE, SECRETSMANAGER, BLOCKING, endpointId(SECRETSMANAGER)));
        assertThat(diagnosis.findings().get(0).explanation()).contains(state);
    }

    @ParameterizedTest(name = "gateway endpoint {0}")
    @ValueSource(strings = {"pendingAcceptance", "failed", "rejected"})
    void gatewayEndpointNotAvailable(String state) {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpoint(S3, e -> e.state(state)).build());

        assertThat(findings(diagnosis)).containsExactly(tuple(ENDPOINT_NOT_AVAILABLE, S3, BLOCKING, "vpce-s3"));
    }

    /**
     * docs/endpoint-pitfalls.md#endpoint-state lists {@code deleting} among the states that are not available. Taking such an
     * endpoint for missing would plan a second endpoint whose private DNS conflicts with the one still
     * being deleted (or a second S3 gateway on the same route table).
     */
    @Test
    void aDeletingEndpointIsNotAvailableRatherThanMissing() {
        Diagnosis iface = diagnoseSeedTask(isolatedSeedVpc().endpoint(SECRETSMANAGER, e -> e.state("deleting")).build());
        Diagnosis gateway = diagnoseSeedTask(isolatedSeedVpc().endpoint(S3, e -> e.state("deleting")).build());

        assertThat(findings(iface)).containsExactly(
                tuple(ENDPOINT_NOT_AVAILABLE, SECRETSMANAGER, BLOCKING, endpointId(SECRETSMANAGER)));
        assertThat(findings(gateway)).containsExactly(tuple(ENDPOINT_NOT_AVAILABLE, S3, BLOCKING, "vpce-s3"));
    }

    @Test
    void notAvailableWinsOverPrivateDnsOff() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc()
                .endpoint(LOGS, e -> e.state("failed").privateDns(false)).build());

        assertThat(diagnosis.findings()).extracting(Finding::code).containsExactly(ENDPOINT_NOT_AVAILABLE);
    }

    /** Just created (by us or a concurrent invocation): it will serve; its configuration still counts. */
    @Test
    void aPendingEndpointIsAdvisoryAndStillChecked() {
        Diagnosis fine = diagnoseSeedTask(isolatedSeedVpc().endpoint(LOGS, e -> e.state("pending")).build());
        Diagnosis dnsOff = diagnoseSeedTask(isolatedSeedVpc()
                .endpoint(LOGS, e -> e.state("pending").privateDns(false)).build());
        Diagnosis gateway = diagnoseSeedTask(isolatedSeedVpc().endpoint(S3, e -> e.state("pending")).build());

        assertThat(findings(fine)).containsExactly(tuple(FindingCode.ENDPOINT_PENDING, LOGS, ADVISORY, endpointId(LOGS)));
        assertThat(fine.blocking()).isEmpty();
        assertThat(dnsOff.findings()).extracting(Finding::code)
                .containsExactly(FindingCode.ENDPOINT_PENDING, FindingCode.PRIVATE_DNS_DISABLED);
        assertThat(findings(gateway)).containsExactly(tuple(FindingCode.ENDPOINT_PENDING, S3, ADVISORY, "vpce-s3"));
    }

    @Test
    void aDeletedInterfaceEndpointDoesNotCount() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpoint(SECRETSMANAGER, e -> e.state("deleted")).build());

        assertThat(findings(diagnosis)).containsExactly(tuple(ENDPOINT_MISSING, SECRETSMANAGER, BLOCKING, Snapshots.VPC_ID));
    }

    @Test
    void aDeletedGatewayDoesNotCount() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpoint(S3, e -> e.state("Deleted")).build());

        assertThat(findings(diagnosis)).containsExactly(tuple(ENDPOINT_MISSING, S3, BLOCKING, Snapshots.VPC_ID));
    }

    @Test
    void aDeletedEndpointWithPrivateDnsDoesNotHideTheLiveOneWithout() {
        NetworkSnapshot snapshot = isolatedSeedVpc().privateDnsOff(SSM)
                .endpoint("vpce-0-old-ssm", SSM, EndpointType.INTERFACE, e -> e.state("deleted")).build();

        assertThat(findings(diagnoseSeedTask(snapshot)))
                .containsExactly(tuple(PRIVATE_DNS_DISABLED, SSM, BLOCKING, endpointId(SSM)));
    }

    @Test
    void ofEndpointsWithoutPrivateDnsTheAvailableOneIsTheOneToFix() {
        NetworkSnapshot snapshot = isolatedSeedVpc().privateDnsOff(SSM)
                .endpoint("vpce-0-failed-ssm", SSM, EndpointType.INTERFACE, e -> e.state("failed").privateDns(false)).build();

        Diagnosis diagnosis = diagnoseSeedTask(snapshot);

        assertThat(findings(diagnosis)).containsExactly(tuple(PRIVATE_DNS_DISABLED, SSM, BLOCKING, endpointId(SSM)));
        assertThat(diagnosis.findings().get(0).fix())
                .isEqualTo("aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + endpointId(SSM) + " --private-dns-enabled");
    }
}
