package ecsvpce.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import ecsvpce.core.network.HostedZone;
import ecsvpce.core.network.PrivateZones;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZoneSummary;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByVpcRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByVpcResponse;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** The zones of a VPC: every page, records only of zones that cover a start-up service's name. */
class Route53ZoneReaderTest {
    private final Route53Client route53 = mock(Route53Client.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
    private final List<String> recordReads = new ArrayList<>();

    @Test
    void readsEveryPageAndTheRecordsOfServiceZonesOnly() {
        doReturn(page("t2", zone("Z1", "ssm.us-east-1.amazonaws.com.")), page(null, zone("Z2", "corp.example.")))
                .when(route53).listHostedZonesByVPC(any(ListHostedZonesByVpcRequest.class));
        doAnswer(call -> {
            recordReads.add(((ListResourceRecordSetsRequest) call.getArgument(0)).hostedZoneId());
            return ListResourceRecordSetsResponse.builder().isTruncated(false).resourceRecordSets(
                    record("ssm.us-east-1.amazonaws.com.", RRType.A), record("ssm.us-east-1.amazonaws.com.", RRType.SOA),
                    record("\\052.ssm.us-east-1.amazonaws.com.", RRType.A)).build();
        }).when(route53).listResourceRecordSets(any(ListResourceRecordSetsRequest.class));

        PrivateZones zones = new Route53ZoneReader(route53).zones("vpc-1", "us-east-1");

        assertThat(zones.zones()).extracting(HostedZone::name).containsExactly("ssm.us-east-1.amazonaws.com", "corp.example");
        assertThat(recordReads).containsExactly("Z1");
        assertThat(zones.zones().get(0).records()).extracting(HostedZone.Record::name)
                .containsExactly("ssm.us-east-1.amazonaws.com", "*.ssm.us-east-1.amazonaws.com");
    }

    @Test
    void aRunOverManyVpcsReadsEachZonesRecordsOnceAndAPlainReaderForEveryVpc() {
        doAnswer(call -> page(null, zone("Z1", "ssm.us-east-1.amazonaws.com.")))
                .when(route53).listHostedZonesByVPC(any(ListHostedZonesByVpcRequest.class));
        doAnswer(call -> {
            recordReads.add(((ListResourceRecordSetsRequest) call.getArgument(0)).hostedZoneId());
            return ListResourceRecordSetsResponse.builder().isTruncated(false)
                    .resourceRecordSets(record("ssm.us-east-1.amazonaws.com.", RRType.A)).build();
        }).when(route53).listResourceRecordSets(any(ListResourceRecordSetsRequest.class));
        Route53ZoneReader plain = new Route53ZoneReader(route53);
        Route53ZoneReader oneRun = plain.recordsReadOncePerZone();

        PrivateZones first = oneRun.zones("vpc-1", "us-east-1");
        PrivateZones second = oneRun.zones("vpc-2", "us-east-1");
        assertThat(recordReads).containsExactly("Z1");
        assertThat(second.zones()).singleElement().satisfies(zone -> assertThat(zone.records())
                .isEqualTo(first.zones().get(0).records()).isNotEmpty());

        plain.zones("vpc-1", "us-east-1");
        plain.zones("vpc-2", "us-east-1");
        assertThat(recordReads).as("a remediation or a follow-up always reads the zone afresh").hasSize(3);
    }

    @Test
    void zonesRoute53RefusesToListAreUnreadableWithTheReason() {
        doThrow(AwsErrors.error(403, "AccessDenied", "not authorized"))
                .when(route53).listHostedZonesByVPC(any(ListHostedZonesByVpcRequest.class));

        PrivateZones zones = new Route53ZoneReader(route53).zones("vpc-1", "us-east-1");

        assertThat(zones.unreadable()).hasValueSatisfying(why -> assertThat(why).contains("route53:ListHostedZonesByVPC"));
    }

    @Test
    void octalEscapesInNamesAreDecoded() {
        assertThat(Route53ZoneReader.decode("\\052.dkr.ecr.us-east-1.amazonaws.com.")).isEqualTo("*.dkr.ecr.us-east-1.amazonaws.com.");
    }

    private static ListHostedZonesByVpcResponse page(String next, HostedZoneSummary zone) {
        return ListHostedZonesByVpcResponse.builder().hostedZoneSummaries(zone).nextToken(next).maxItems("1").build();
    }

    private static HostedZoneSummary zone(String id, String name) {
        return HostedZoneSummary.builder().hostedZoneId(id).name(name).build();
    }

    private static ResourceRecordSet record(String name, RRType type) {
        return ResourceRecordSet.builder().name(name).type(type).resourceRecords(r -> r.value("10.1.0.10")).build();
    }
}
