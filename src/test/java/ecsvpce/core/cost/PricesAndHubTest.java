package ecsvpce.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Region's list price unless the team set one; what a shared hub would save, and until what traffic. */
class PricesAndHubTest {

    @Test
    void theRegionsListPriceFromTheTable() {
        EndpointPrice frankfurt = RegionPrices.of("eu-central-1", Optional.empty());

        assertThat(frankfurt.usdPerAzHour()).isEqualByComparingTo("0.012");
        assertThat(frankfurt.monthly(3)).isEqualByComparingTo("26.28");
        assertThat(frankfurt.source()).contains("eu-central-1").contains(RegionPrices.CHECKED);
        assertThat(RegionPrices.of("ap-northeast-1", Optional.empty()).monthly(1)).isEqualByComparingTo("10.22");
        assertThat(RegionPrices.of("us-east-1", Optional.empty()).monthly(1)).isEqualByComparingTo("7.30");
    }

    @Test
    void theTeamsPriceOverridesTheTableAndARegionNotInItSaysSo() {
        assertThat(RegionPrices.of("eu-central-1", Optional.of(new BigDecimal("0.02"))).monthly(1)).isEqualByComparingTo("14.60");
        EndpointPrice unknown = RegionPrices.of("mx-central-1", Optional.empty());
        assertThat(unknown.usdPerAzHour()).isEqualByComparingTo("0.01");
        assertThat(unknown.source()).contains("no list price for mx-central-1").contains("InterfaceEndpointUsdPerAzHour");
    }

    @Test
    void dataProcessingIsNamedPerGb() {
        EndpointPrice price = RegionPrices.of("us-east-1", Optional.empty());

        assertThat(price.usdPerGb()).isEqualByComparingTo("0.01");
        assertThat(price.dataProcessing(250_000_000_000L)).isEqualByComparingTo("2.50");
    }

    @Test
    void threeVpcsPayingForLogsWouldPayLessForOneHubEndpoint() {
        EndpointPrice price = RegionPrices.of("us-east-1", Optional.empty());
        List<InterfaceEndpoint> endpoints = List.of(endpoint("vpce-1", "vpc-a", "logs", 2), endpoint("vpce-2", "vpc-b", "logs", 2),
                endpoint("vpce-3", "vpc-c", "logs", 3), endpoint("vpce-4", "vpc-a", "ssm", 2),
                endpoint("vpce-5", "vpc-a", "kms", 2), endpoint("vpce-6", "vpc-a", "kms", 2));

        List<HubAdvice.Advice> advice = HubAdvice.of(endpoints, price);

        // logs: 7 AZ-endpoints = 51.10 together; a hub in 3 AZs 21.90 + a zone 0.50 = 22.40; saves 28.70,
        // eaten by 1,435 GB a month through a transit gateway at 0.02 USD.
        assertThat(advice).singleElement().satisfies(logs -> {
            assertThat(logs.serviceName()).isEqualTo("com.amazonaws.us-east-1.logs");
            assertThat(logs.vpcs()).containsExactly("vpc-a", "vpc-b", "vpc-c");
            assertThat(logs.monthlyUsd()).isEqualByComparingTo("51.10");
            assertThat(logs.hubMonthlyUsd()).isEqualByComparingTo("22.40");
            assertThat(logs.savingMonthlyUsd()).isEqualByComparingTo("28.70");
            assertThat(logs.breakEvenGbPerMonth()).isEqualTo(1435);
        });
    }

    @Test
    void noAdviceForTwoOneZoneEndpointsWhereTheHubCostsAsMuchNorForPartnerServices() {
        EndpointPrice price = RegionPrices.of("us-east-1", Optional.empty());
        List<InterfaceEndpoint> endpoints = List.of(endpoint("vpce-1", "vpc-a", "logs", 1), endpoint("vpce-2", "vpc-b", "logs", 1),
                partner("vpce-3", "vpc-a"), partner("vpce-4", "vpc-b"), partner("vpce-5", "vpc-c"));

        // 14.60 together against 7.30 + 0.50: saves 6.80, so it is advised; the partner's service never is.
        assertThat(HubAdvice.of(endpoints, price)).extracting(HubAdvice.Advice::serviceName)
                .containsExactly("com.amazonaws.us-east-1.logs");
        assertThat(HubAdvice.of(List.of(endpoint("vpce-1", "vpc-a", "logs", 1)), price)).isEmpty();
    }

    private static InterfaceEndpoint endpoint(String id, String vpc, String service, int zones) {
        return new InterfaceEndpoint(id, vpc, "com.amazonaws.us-east-1." + service, "available",
                java.util.stream.IntStream.range(0, zones).mapToObj(i -> "subnet-" + i).toList(),
                java.util.stream.IntStream.range(0, zones).mapToObj(i -> "us-east-1" + (char) ('a' + i)).toList(),
                Instant.EPOCH, Map.of());
    }

    private static InterfaceEndpoint partner(String id, String vpc) {
        return new InterfaceEndpoint(id, vpc, "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", "available",
                List.of("subnet-0"), List.of("us-east-1a"), Instant.EPOCH, Map.of());
    }
}
