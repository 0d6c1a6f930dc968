package ecsvpce.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ecsvpce.template.SamTemplate;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Region's list price unless the team set one; what a shared hub would save, and until what traffic. */
class PricesAndHubTest {
    /** The Regions of the table: hourly price and a month in one zone at 730 hours, as docs/cost.md lists them. */
    private static final List<List<String>> LISTED = List.of(
            List.of("us-east-1", "0.01", "7.30"),
            List.of("us-east-2", "0.01", "7.30"),
            List.of("us-west-1", "0.011", "8.03"),
            List.of("us-west-2", "0.01", "7.30"),
            List.of("ca-central-1", "0.011", "8.03"),
            List.of("ca-west-1", "0.011", "8.03"),
            List.of("mx-central-1", "0.0105", "7.67"),
            List.of("sa-east-1", "0.021", "15.33"),
            List.of("eu-central-1", "0.012", "8.76"),
            List.of("eu-central-2", "0.0132", "9.64"),
            List.of("eu-west-1", "0.011", "8.03"),
            List.of("eu-west-2", "0.011", "8.03"),
            List.of("eu-west-3", "0.011", "8.03"),
            List.of("eu-south-1", "0.01155", "8.43"),
            List.of("eu-south-2", "0.011", "8.03"),
            List.of("eu-north-1", "0.0105", "7.67"),
            List.of("il-central-1", "0.01155", "8.43"),
            List.of("me-south-1", "0.0121", "8.83"),
            List.of("me-central-1", "0.0121", "8.83"),
            List.of("af-south-1", "0.01309", "9.56"),
            List.of("ap-east-1", "0.0143", "10.44"),
            List.of("ap-south-1", "0.013", "9.49"),
            List.of("ap-south-2", "0.013", "9.49"),
            List.of("ap-northeast-1", "0.014", "10.22"),
            List.of("ap-northeast-2", "0.013", "9.49"),
            List.of("ap-northeast-3", "0.014", "10.22"),
            List.of("ap-southeast-1", "0.013", "9.49"),
            List.of("ap-southeast-2", "0.013", "9.49"),
            List.of("ap-southeast-3", "0.013", "9.49"),
            List.of("ap-southeast-4", "0.013", "9.49"),
            List.of("ap-southeast-5", "0.0117", "8.54"),
            List.of("ap-southeast-7", "0.0117", "8.54"));

    @Test
    void theRegionsListPriceFromTheTable() {
        EndpointPrice frankfurt = RegionPrices.of("eu-central-1", Optional.empty());

        assertThat(frankfurt.usdPerAzHour()).isEqualByComparingTo("0.012");
        assertThat(frankfurt.monthly(3)).isEqualByComparingTo("26.28");
        assertThat(frankfurt.source()).contains("eu-central-1").contains(RegionPrices.PRICES_OF);
        assertThat(RegionPrices.of("ap-northeast-1", Optional.empty()).monthly(1)).isEqualByComparingTo("10.22");
        assertThat(RegionPrices.of("us-east-1", Optional.empty()).monthly(1)).isEqualByComparingTo("7.30");
    }

    @Test
    void theTeamsPriceOverridesTheTableAndARegionNotInItSaysSo() {
        assertThat(RegionPrices.of("eu-central-1", Optional.of(new BigDecimal("0.02"))).monthly(1)).isEqualByComparingTo("14.60");
        // Asia Pacific (Taipei): no price in the table (docs/cost.md#prices-by-region says why)
        EndpointPrice unknown = RegionPrices.of("ap-east-2", Optional.empty());
        assertThat(unknown.usdPerAzHour()).isEqualByComparingTo("0.01");
        assertThat(unknown.monthly(1)).isEqualByComparingTo("7.30");
        assertThat(unknown.source()).contains("no list price for ap-east-2").contains("us-east-1")
                .contains("InterfaceEndpointUsdPerAzHour").doesNotContain(RegionPrices.PRICES_OF);
        assertThat(RegionPrices.table()).doesNotContainKeys("ap-east-2", "us-gov-west-1", "cn-north-1");
    }

    static Stream<Arguments> listed() {
        return LISTED.stream().map(row -> Arguments.of(row.get(0), row.get(1), row.get(2)));
    }

    @ParameterizedTest
    @MethodSource("listed")
    void everyRegionOfTheTableHasItsListPrice(String region, String usdPerAzHour, String monthlyPerAz) {
        EndpointPrice price = RegionPrices.of(region, Optional.empty());

        assertThat(price.usdPerAzHour()).isEqualByComparingTo(usdPerAzHour);
        assertThat(price.monthly(1)).isEqualByComparingTo(monthlyPerAz);
        assertThat(price.usdPerGb()).isEqualByComparingTo("0.01");
        assertThat(price.source()).isEqualTo("AWS PrivateLink list price for " + region + " as published on " + RegionPrices.PRICES_OF);
    }

    @Test
    void theTableHoldsTheseRegionsAndNoOther() {
        assertThat(RegionPrices.table()).containsOnlyKeys(LISTED.stream().map(row -> row.get(0)).toList());
    }

    @Test
    void theManualListsTheSameRegionsAndPrices() throws IOException {
        String page = Files.readString(SamTemplate.projectRoot().resolve("docs/cost.md"));
        String section = page.substring(page.indexOf("\n## Prices by Region\n"));
        int next = section.indexOf("\n## ", 1);
        Pattern row = Pattern.compile("\\| ([a-z]{2}-[a-z]+-\\d) \\| ([0-9.]+) \\| ([0-9.]+) \\|");

        assertThat(section.substring(0, next < 0 ? section.length() : next).lines().map(row::matcher).filter(Matcher::matches)
                .map(match -> List.of(match.group(1), match.group(2), match.group(3))))
                .as("docs/cost.md#prices-by-region").containsExactlyInAnyOrderElementsOf(LISTED);
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
    void twoOneZoneEndpointsAreWorthAHubButAPartnerServiceOrALoneVpcNever() {
        EndpointPrice price = RegionPrices.of("us-east-1", Optional.empty());
        List<InterfaceEndpoint> endpoints = List.of(endpoint("vpce-1", "vpc-a", "logs", 1), endpoint("vpce-2", "vpc-b", "logs", 1),
                partner("vpce-3", "vpc-a"), partner("vpce-4", "vpc-b"), partner("vpce-5", "vpc-c"));

        // 14.60 together against 7.30 + 0.50: saves 6.80, so it is advised; the partner's service never is.
        assertThat(HubAdvice.of(endpoints, price)).extracting(HubAdvice.Advice::serviceName)
                .containsExactly("com.amazonaws.us-east-1.logs");
        assertThat(HubAdvice.of(List.of(endpoint("vpce-1", "vpc-a", "logs", 1)), price)).isEmpty();
    }

    @Test
    void aHubThatSavesNothingIsNotAdvised() {
        // A team's own price of 0.000342 per AZ-hour is 0.25 a month per zone (cents, rounded): three one-zone
        // endpoints cost 0.75, exactly the hub's 0.25 plus its zone's 0.50; a fourth makes the hub cheaper.
        EndpointPrice price = RegionPrices.of("us-east-1", Optional.of(new BigDecimal("0.000342")));
        List<InterfaceEndpoint> three = List.of(endpoint("vpce-1", "vpc-a", "logs", 1),
                endpoint("vpce-2", "vpc-b", "logs", 1), endpoint("vpce-3", "vpc-c", "logs", 1));
        List<InterfaceEndpoint> four = java.util.stream.Stream.concat(three.stream(),
                java.util.stream.Stream.of(endpoint("vpce-4", "vpc-d", "logs", 1))).toList();

        assertThat(HubAdvice.of(three, price)).isEmpty();
        assertThat(HubAdvice.of(four, price)).extracting(HubAdvice.Advice::savingMonthlyUsd)
                .singleElement().satisfies(saving -> assertThat(saving).isEqualByComparingTo("0.25"));
    }

    @Test
    void theLargestSavingComesFirstAndAnEndpointBeingDeletedPaysNothing() {
        EndpointPrice price = RegionPrices.of("us-east-1", Optional.empty());
        InterfaceEndpoint deleting = new InterfaceEndpoint("vpce-9", "vpc-c", "com.amazonaws.us-east-1.ecr.api", "deleting",
                List.of("subnet-0"), List.of("us-east-1a"), Instant.EPOCH, Map.of());
        List<InterfaceEndpoint> endpoints = List.of(endpoint("vpce-1", "vpc-a", "ecr.api", 1),
                endpoint("vpce-2", "vpc-b", "ecr.api", 1), deleting,
                endpoint("vpce-3", "vpc-a", "ssm", 3), endpoint("vpce-4", "vpc-b", "ssm", 3));

        // ssm: 43.80 together against 21.90 + 0.50, saves 21.40; ecr.api: 14.60 against 7.80, saves 6.80
        // (the endpoint being deleted is billed no more, so it is not counted).
        assertThat(HubAdvice.of(endpoints, price)).extracting(HubAdvice.Advice::serviceName, HubAdvice.Advice::endpoints)
                .containsExactly(tuple("com.amazonaws.us-east-1.ssm", 2), tuple("com.amazonaws.us-east-1.ecr.api", 2));
        assertThat(deleting.billed()).isFalse();
        assertThat(endpoint("vpce-1", "vpc-a", "ecr.api", 1).billed()).isTrue();
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
