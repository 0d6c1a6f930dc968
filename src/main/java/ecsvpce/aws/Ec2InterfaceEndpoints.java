package ecsvpce.aws;

import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.InterfaceEndpoints;
import ecsvpce.core.cost.InterfaceEndpoint;
import ecsvpce.core.cost.Traffic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DeleteVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItem;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * The account's interface endpoints (EC2), the bytes each processed (the PrivateLink metric in
 * CloudWatch, docs/cost.md#the-privatelink-metric), and the idle mark and delete of the idle rules.
 * The metric is read with the exact dimension set PrivateLink publishes per endpoint, since
 * CloudWatch matches dimension sets exactly; up to 500 endpoints a {@code GetMetricData} call.
 */
public final class Ec2InterfaceEndpoints implements InterfaceEndpoints {
    static final String NAMESPACE = "AWS/PrivateLinkEndpoints";
    static final String METRIC = "BytesProcessed";
    /** {@code GetMetricData} takes at most 500 queries a call. */
    static final int QUERIES_PER_CALL = 500;
    private static final int DAY_SECONDS = 86_400;

    private final Ec2Client ec2;
    private final CloudWatchClient cloudWatch;

    public Ec2InterfaceEndpoints(Ec2Client ec2, CloudWatchClient cloudWatch) {
        this.ec2 = ec2;
        this.cloudWatch = cloudWatch;
    }

    @Override
    public List<InterfaceEndpoint> list(Set<String> onlyVpcIds) {
        List<Filter> filters = new ArrayList<>(List.of(filter("vpc-endpoint-type", List.of("Interface"))));
        if (!onlyVpcIds.isEmpty()) {
            filters.add(filter("vpc-id", List.copyOf(onlyVpcIds)));
        }
        List<VpcEndpoint> endpoints = AwsCall.run("ec2:DescribeVpcEndpoints",
                () -> ec2.describeVpcEndpointsPaginator(r -> r.filters(filters)).vpcEndpoints().stream()
                        .filter(e -> !"deleted".equalsIgnoreCase(e.stateAsString())).toList());
        Map<String, String> zoneOfSubnet = zones(endpoints.stream().flatMap(e -> e.subnetIds().stream()).toList());
        return endpoints.stream().map(e -> new InterfaceEndpoint(e.vpcEndpointId(), e.vpcId(), e.serviceName(),
                e.stateAsString(), e.subnetIds(), e.subnetIds().stream().map(s -> zoneOfSubnet.getOrDefault(s, s))
                .distinct().toList(), e.creationTimestamp(), tags(e.tags()))).toList();
    }

    /** The zone of each subnet, 200 subnets a call. */
    private Map<String, String> zones(List<String> subnets) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(subnets));
        Map<String, String> zones = new HashMap<>();
        for (int from = 0; from < ids.size(); from += Ec2NetworkReader.FILTER_VALUES_PER_CALL) {
            List<String> batch = ids.subList(from, Math.min(from + Ec2NetworkReader.FILTER_VALUES_PER_CALL, ids.size()));
            AwsCall.run("ec2:DescribeSubnets", () -> ec2.describeSubnetsPaginator(r -> r
                    .filters(filter("subnet-id", batch))).subnets().stream().toList())
                    .forEach(subnet -> zones.put(subnet.subnetId(), subnet.availabilityZone()));
        }
        return zones;
    }

    @Override
    public Traffic bytesProcessed(List<InterfaceEndpoint> endpoints, Instant from, Instant to) {
        Map<String, Long> bytes = new HashMap<>();
        Map<String, String> unread = new HashMap<>();
        for (int start = 0; start < endpoints.size(); start += QUERIES_PER_CALL) {
            List<InterfaceEndpoint> batch = endpoints.subList(start, Math.min(start + QUERIES_PER_CALL, endpoints.size()));
            Map<String, InterfaceEndpoint> byQuery = new LinkedHashMap<>();
            batch.forEach(e -> byQuery.put("e" + byQuery.size(), e));
            try {
                Map<String, Double> sums = new HashMap<>();
                Map<String, String> failed = new HashMap<>();
                AwsCall.run("cloudwatch:GetMetricData", () -> cloudWatch.getMetricDataPaginator(r -> r
                        .startTime(from).endTime(to).metricDataQueries(queries(byQuery))).metricDataResults().stream()
                        .toList()).forEach(result -> add(result, sums, failed));
                byQuery.forEach((id, endpoint) -> {
                    if (failed.containsKey(id)) {
                        unread.put(endpoint.id(), failed.get(id));
                    } else {
                        bytes.put(endpoint.id(), Math.round(sums.getOrDefault(id, 0.0)));
                    }
                });
            } catch (CallFailure failure) {
                batch.forEach(e -> unread.put(e.id(), failure.getMessage()));
            }
        }
        return new Traffic(bytes, unread);
    }

    /** Sums a result's datapoints; pages of one query add up, and a status other than complete is unread. */
    private static void add(MetricDataResult result, Map<String, Double> sums, Map<String, String> failed) {
        String status = result.statusCodeAsString();
        if ("InternalError".equals(status) || "Forbidden".equals(status)) {
            failed.put(result.id(), "cloudwatch:GetMetricData answered " + status + " for the metric"
                    + (result.messages().isEmpty() ? "" : ": " + result.messages().get(0).value()));
            return;
        }
        sums.merge(result.id(), result.values().stream().mapToDouble(Double::doubleValue).sum(), Double::sum);
    }

    private static List<MetricDataQuery> queries(Map<String, InterfaceEndpoint> byQuery) {
        List<MetricDataQuery> queries = new ArrayList<>();
        byQuery.forEach((id, endpoint) -> queries.add(MetricDataQuery.builder().id(id).returnData(true)
                .metricStat(s -> s.period(DAY_SECONDS).stat("Sum").metric(m -> m.namespace(NAMESPACE).metricName(METRIC)
                        .dimensions(dimensions(endpoint)))).build()));
        return queries;
    }

    /** The exact set PrivateLink publishes per endpoint (a subset or a superset matches nothing). */
    static List<Dimension> dimensions(InterfaceEndpoint endpoint) {
        return List.of(dimension("Endpoint Type", "Interface"), dimension("Service Name", endpoint.serviceName()),
                dimension("VPC Endpoint Id", endpoint.id()), dimension("VPC Id", endpoint.vpcId()));
    }

    @Override
    public void mark(String endpointId, String value) {
        AwsCall.run("ec2:CreateTags", () -> ec2.createTags(r -> r.resources(endpointId)
                .tags(Tag.builder().key(InterfaceEndpoint.IDLE_SINCE).value(value).build())));
    }

    @Override
    public void unmark(String endpointId) {
        AwsCall.run("ec2:DeleteTags", () -> ec2.deleteTags(r -> r.resources(endpointId)
                .tags(Tag.builder().key(InterfaceEndpoint.IDLE_SINCE).build())));
    }

    /** EC2 answers a refused id in {@code Unsuccessful}, not as an error: that is a refusal too. */
    @Override
    public void delete(String endpointId) {
        DeleteVpcEndpointsResponse response = AwsCall.run("ec2:DeleteVpcEndpoints",
                () -> ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(endpointId)));
        for (UnsuccessfulItem item : response.unsuccessful()) {
            String code = item.error() == null ? null : item.error().code();
            throw new CallFailure.Refused(false, "ec2:DeleteVpcEndpoints", code, "ec2:DeleteVpcEndpoints was rejected: "
                    + code + ": " + (item.error() == null ? "" : item.error().message()), null);
        }
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private static Filter filter(String name, List<String> values) {
        return Filter.builder().name(name).values(values).build();
    }
}
