package ecsvpce.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Proves the cost patches of {@code src/test/moto/patches_cost.py} (letters u and v) through the Java
 * SDK, as {@link MotoExtensionIT} does for a to k: every test names its letter and fails with that
 * patch off ({@code MOTO_EXT_DISABLE=<letter>}). The last tests pin down what the cost side relies on
 * that moto already answers like AWS, and where it does not.
 */
@MotoTest
class MotoCostExtensionIT {
    private static final String NAMESPACE = "AWS/PrivateLinkEndpoints";

    private final Ec2Client ec2 = FixtureClients.ec2();
    private final EcsClient ecs = FixtureClients.ecs();
    private final CloudWatchClient cloudWatch = CloudWatchClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

    @AfterEach
    void closeClients() {
        ec2.close();
        ecs.close();
        cloudWatch.close();
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private static final List<Dimension> PER_ENDPOINT = List.of(dimension("Endpoint Type", "Interface"),
            dimension("Service Name", "com.amazonaws.us-east-1.kms"), dimension("VPC Endpoint Id", "vpce-0a"),
            dimension("VPC Id", "vpc-0a"));

    private void put(List<Dimension> dimensions, double bytes) {
        cloudWatch.putMetricData(r -> r.namespace(NAMESPACE).metricData(m -> m.metricName("BytesProcessed")
                .timestamp(Instant.now().minusSeconds(60)).value(bytes).dimensions(dimensions)));
    }

    private double sum(List<Dimension> dimensions) {
        Instant now = Instant.now();
        List<MetricDataResult> results = cloudWatch.getMetricData(r -> r.startTime(now.minus(Duration.ofDays(30)))
                .endTime(now.plusSeconds(60)).metricDataQueries(q -> q.id("m0").metricStat(s -> s.period(86_400).stat("Sum")
                        .metric(m -> m.namespace(NAMESPACE).metricName("BytesProcessed").dimensions(dimensions)))))
                .metricDataResults();
        assertThat(results).singleElement().satisfies(r -> assertThat(r.statusCodeAsString()).isEqualTo("Complete"));
        return results.get(0).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Test
    @DisplayName("u: the Java SDK's CloudWatch client (Smithy RPC v2 CBOR) puts and reads a metric")
    void u_cloudWatchSpeaksCbor() {
        put(PER_ENDPOINT, 1_234);

        assertThat(sum(PER_ENDPOINT)).isEqualTo(1_234);
    }

    @Test
    @DisplayName("v: a test-only tag sets an endpoint's creation time and is not kept")
    void v_anEndpointCanBeAged() {
        FargateScenario vpc = FargateScenario.builder().noEcs().create(ec2, ecs);
        Instant created = Instant.parse("2026-01-02T03:04:05Z");

        VpcEndpoint endpoint = ec2.createVpcEndpoint(r -> r.vpcId(vpc.vpcId()).serviceName("com.amazonaws.us-east-1.kms")
                .vpcEndpointType("Interface").subnetIds(vpc.subnetId()).privateDnsEnabled(false)
                .tagSpecifications(t -> t.resourceType(ResourceType.VPC_ENDPOINT).tags(
                        tag -> tag.key("moto-ext:creation-timestamp").value(created.toString()),
                        tag -> tag.key("team").value("a")))).vpcEndpoint();

        VpcEndpoint read = ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(endpoint.vpcEndpointId())).vpcEndpoints().get(0);
        assertThat(read.creationTimestamp()).isEqualTo(created);
        assertThat(read.tags()).extracting(t -> t.key()).containsExactly("team");
    }

    @Test
    @DisplayName("as AWS: GetMetricData matches the exact dimension set, neither a subset nor a superset")
    void getMetricDataMatchesTheExactDimensionSet() {
        put(List.of(dimension("VPC Endpoint Id", "vpce-0a")), 7);
        List<Dimension> perSubnet = new java.util.ArrayList<>(PER_ENDPOINT);
        perSubnet.add(dimension("Subnet Id", "subnet-0a"));
        put(perSubnet, 11);

        assertThat(sum(PER_ENDPOINT)).isZero();
        put(PER_ENDPOINT, 5);
        assertThat(sum(PER_ENDPOINT)).isEqualTo(5);
    }

    @Test
    @DisplayName("differs: GetMetricStatistics adds up every series whose dimensions include the ones asked")
    void getMetricStatisticsMatchesSubsets() {
        put(PER_ENDPOINT, 5);
        Instant now = Instant.now();

        double sum = cloudWatch.getMetricStatistics(r -> r.namespace(NAMESPACE).metricName("BytesProcessed")
                .dimensions(dimension("VPC Endpoint Id", "vpce-0a")).startTime(now.minus(Duration.ofDays(1)))
                .endTime(now.plusSeconds(60)).period(86_400).statisticsWithStrings("Sum")).datapoints().stream()
                .mapToDouble(d -> d.sum()).sum();

        assertThat(sum).as("AWS answers nothing: no series has exactly that set").isEqualTo(5);
    }

    @Test
    @DisplayName("differs: DeleteVpcEndpoints of an unknown id answers no Unsuccessful item")
    void deletingAnUnknownEndpointSucceedsQuietly() {
        assertThat(ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds("vpce-0123456789abcdef0")).unsuccessful())
                .as("AWS lists it with InvalidVpcEndpoint.NotFound").isEmpty();
    }
}
