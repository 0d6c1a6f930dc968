package ecsvpce.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.app.ReportSamples;
import ecsvpce.app.ReportSamples.SweepSample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost side of a sweep as people get it: the report's text, the chat message, the metric lines. */
class EndpointCostTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Object> report = SweepSample.IDLE_ENDPOINTS.json();

    @Test
    void theTextSaysWhatTheEndpointsCostWhichIsIdleWithItsCommandAndWhereAHubWouldSave() {
        String text = ReportText.of(report);

        assertThat(text).contains("SWEEP COMPLIANT")
                .contains("3 interface endpoint(s): 51.10 USD a month by the hour, plus data processing (0.10 USD in the last "
                        + "30 day(s) at 0.01 USD per GB)")
                .contains("Price: 0.014 USD per endpoint per AZ-hour (AWS PrivateLink list price for ap-northeast-1")
                .contains("REPORTED vpce-0kms com.amazonaws.ap-northeast-1.kms in vpc-0a1b2c3d4e5f60001 (1 AZ, 10.22 USD a month,"
                        + " created by the product): RemoveIdleEndpoints is off: a person decides")
                .contains("change: aws ec2 delete-vpc-endpoints --vpc-endpoint-ids vpce-0kms --region ap-northeast-1")
                .contains("com.amazonaws.ap-northeast-1.logs: 2 VPCs pay 40.88 USD a month; one endpoint in a shared hub with a"
                        + " private hosted zone 20.94 USD: saves 19.94 USD a month while the spokes send less than 997 GB a month"
                        + " through the transit gateway (docs/cost.md#a-shared-hub)")
                .contains("Idle interface endpoints cost 10.22 USD a month");
        assertThat(Readables.of(report).subject()).contains("1 idle endpoint(s)");
    }

    @Test
    void theChatMessageCarriesTheIdleEndpointAndTheHub() throws Exception {
        JsonNode chat = JSON.readTree(ChatNotification.json(Readables.of(report)));

        assertThat(chat.path("content").path("description").asText()).contains("*Idle endpoints*").contains("vpce-0kms")
                .contains("*A shared hub would cost less*");
        assertThat(chat.path("content").path("nextSteps").toString()).contains("Idle interface endpoints cost 10.22 USD");
    }

    @Test
    void metricLinesCountTheEndpointsTheirCostAndTheIdleOnes() throws Exception {
        List<String> lines = MetricLines.of(report, "SweepFunction", ReportSamples.NOW);
        JsonNode totals = JSON.readTree(lines.get(0));

        assertThat(totals.path("InterfaceEndpoints").asInt()).isEqualTo(3);
        assertThat(totals.path("InterfaceEndpointsMonthlyUsd").decimalValue()).isEqualByComparingTo("51.10");
        assertThat(totals.path("IdleEndpoints").asInt()).isEqualTo(1);
        assertThat(totals.path("IdleEndpointsMonthlyUsd").decimalValue()).isEqualByComparingTo("10.22");
        assertThat(totals.path("IdleEndpointsRemoved").asInt()).isZero();
        assertThat(totals.path("IdleEndpointRemovalsFailed").asInt()).isZero();
        assertThat(JSON.readTree(MetricLines.of(SweepSample.FIXED.json(), "SweepFunction", ReportSamples.NOW).get(0))
                .has("IdleEndpoints")).as("a sweep without a cost side writes none of them").isFalse();
    }

    @Test
    void anIdleEndpointIsToldEvenWhenEveryServiceIsCompliant() {
        assertThat(((Map<?, ?>) report.get("notification")).get("status")).isNotEqualTo("NOT_NEEDED");
        assertThat(((Map<?, ?>) SweepSample.COMPLIANT.json().get("notification")).get("status")).isEqualTo("NOT_NEEDED");
    }
}
