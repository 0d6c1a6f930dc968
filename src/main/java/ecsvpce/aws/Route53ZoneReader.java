package ecsvpce.aws;

import ecsvpce.app.port.CallFailure;
import ecsvpce.core.EndpointService;
import ecsvpce.core.network.HostedZone;
import ecsvpce.core.network.PrivateZones;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZoneSummary;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByVpcResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.VPCRegion;

/**
 * Reads the private hosted zones associated with a VPC and, of those that cover the name of a
 * service a Fargate task may need at start-up, the records that answer address queries. One list
 * of zones per VPC, then one read per such zone (per run, for a run over many VPCs), never per ECS
 * service. Read only.
 */
final class Route53ZoneReader {
    /** The types that answer the address queries a task makes. */
    private static final Set<String> ADDRESS_TYPES = Set.of("A", "AAAA", "CNAME");
    /** Route 53 escapes characters such as {@code *} in names as three octal digits ({@code \052}). */
    private static final Pattern OCTAL_ESCAPE = Pattern.compile("\\\\([0-7]{3})");
    private static final String ANY_REGISTRY = "000000000000";

    private final Route53Client route53;
    /** Records by zone id, kept for one run over many VPCs; null reads them for every VPC. */
    private final Map<String, List<HostedZone.Record>> recordsOfRun;

    Route53ZoneReader(Route53Client route53) {
        this(route53, null);
    }

    private Route53ZoneReader(Route53Client route53, Map<String, List<HostedZone.Record>> recordsOfRun) {
        this.route53 = route53;
        this.recordsOfRun = recordsOfRun;
    }

    /** A reader for one run: each zone's records read once, whatever number of VPCs it is associated with. */
    Route53ZoneReader recordsReadOncePerZone() {
        return new Route53ZoneReader(route53, new ConcurrentHashMap<>());
    }

    /**
     * The zones, or, when Route 53 refuses to list them for good, why: the caller reports that
     * as a check it could not make. A failure that outlasts the SDK's retries escapes.
     */
    PrivateZones zones(String vpcId, String region) {
        List<HostedZoneSummary> summaries;
        try {
            summaries = summaries(vpcId, region);
        } catch (CallFailure.Refused refused) {
            return PrivateZones.unreadable(refused.getMessage());
        }
        List<String> serviceNames = Arrays.stream(EndpointService.values())
                .map(service -> service.dnsName(region).replace("*", ANY_REGISTRY)).toList();
        List<HostedZone> zones = new ArrayList<>();
        for (HostedZoneSummary summary : summaries) {
            HostedZone zone = new HostedZone(summary.hostedZoneId(), decode(summary.name()), List.of());
            zones.add(serviceNames.stream().anyMatch(zone::covers) ? withRecords(zone) : zone);
        }
        return new PrivateZones(zones, Optional.empty());
    }

    private List<HostedZoneSummary> summaries(String vpcId, String region) {
        List<HostedZoneSummary> summaries = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListHostedZonesByVpcResponse page = AwsCall.run("route53:ListHostedZonesByVPC",
                    () -> route53.listHostedZonesByVPC(r -> r.vpcId(vpcId).vpcRegion(VPCRegion.fromValue(region))
                            .nextToken(token)));
            summaries.addAll(page.hostedZoneSummaries());
            next = page.nextToken();
        } while (next != null);
        return summaries;
    }

    private HostedZone withRecords(HostedZone zone) {
        List<HostedZone.Record> records = recordsOfRun == null ? records(zone.id())
                : recordsOfRun.computeIfAbsent(zone.id(), this::records);
        return new HostedZone(zone.id(), zone.name(), records);
    }

    private List<HostedZone.Record> records(String zoneId) {
        return AwsCall.run("route53:ListResourceRecordSets",
                () -> route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId)).resourceRecordSets()
                        .stream().filter(set -> ADDRESS_TYPES.contains(set.typeAsString()))
                        .map(Route53ZoneReader::record).toList());
    }

    private static HostedZone.Record record(ResourceRecordSet set) {
        String target = set.aliasTarget() != null ? set.aliasTarget().dnsName()
                : set.resourceRecords().isEmpty() ? null : set.resourceRecords().get(0).value();
        return new HostedZone.Record(decode(set.name()), set.typeAsString(), target);
    }

    static String decode(String name) {
        Matcher escape = OCTAL_ESCAPE.matcher(name);
        return escape.replaceAll(m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 8))));
    }
}
