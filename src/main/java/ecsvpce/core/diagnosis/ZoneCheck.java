package ecsvpce.core.diagnosis;

import ecsvpce.core.EndpointService;
import ecsvpce.core.needs.Need;
import ecsvpce.core.needs.NeedReason;
import ecsvpce.core.network.HostedZone;
import ecsvpce.core.network.NetworkSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the private hosted zones associated with the VPC make of the names a need is looked up by
 * (docs/real-estates.md#central-endpoints-and-private-hosted-zones): a zone that answers them means
 * a central endpoint serves the need, so no local endpoint may be made (its private DNS would
 * conflict with the zone anyway); a zone that covers a name without answering it shadows the
 * service (NXDOMAIN, no fallback), which no endpoint fixes.
 */
final class ZoneCheck {
    private final NetworkSnapshot snapshot;
    private final Findings findings;

    ZoneCheck(NetworkSnapshot snapshot, Findings findings) {
        this.snapshot = snapshot;
        this.findings = findings;
    }

    /** Whether the zones decide the need (served centrally, or shadowed); false leaves it to the VPC's endpoints. */
    boolean decides(Need need) {
        EndpointService service = need.service();
        List<String> served = new ArrayList<>();
        List<String> servingZones = new ArrayList<>();
        boolean local = false;
        for (String host : hostnames(need, snapshot.region())) {
            Optional<HostedZone> zone = snapshot.privateZones().authorityFor(host);
            if (zone.isEmpty()) {
                local = true;
                continue;
            }
            Optional<HostedZone.Record> answer = zone.get().answer(host);
            if (answer.isEmpty()) {
                findings.add(FindingCode.DNS_ZONE_SHADOWS_SERVICE, service, Severity.BLOCKING, zone.get().id(),
                        "private hosted zone " + zone.get().name() + " (" + zone.get().id() + ") is associated with "
                                + snapshot.vpcId() + " and covers " + host + " without a record for it: the task's "
                                + "lookups get NXDOMAIN, and no endpoint changes that; add the record (e.g. an alias "
                                + "to the central endpoint) or disassociate the zone",
                        Fixes.disassociateZone(zone.get().id(), snapshot.vpcId(), snapshot.region()));
                return true;
            }
            servingZones.add(zone.get().id());
            served.add(host + " by zone " + zone.get().name() + " (" + zone.get().id() + ")"
                    + (answer.get().target() == null ? "" : " -> " + answer.get().target()));
        }
        if (local || served.isEmpty()) {
            return false;
        }
        findings.add(FindingCode.SERVED_BY_CENTRAL_ENDPOINT, service, Severity.ADVISORY, servingZones.get(0),
                service.id() + " is answered " + String.join(", ", served)
                        + ": a central endpoint serves it, so none is made in this VPC");
        return true;
    }

    /**
     * The names the task looks the service up by: each ECR registry of its images, S3's buckets. A need
     * known by its service alone (a follow-up check carries no task definition) by the service's own name.
     */
    static Set<String> hostnames(Need need, String region) {
        Set<String> hosts = new LinkedHashSet<>();
        if (need.reasons().isEmpty()) {
            hosts.add(need.service().dnsName(region));
        }
        String domain = need.service().dnsName(region).substring(need.service().dnsName(region).indexOf(region));
        for (NeedReason reason : need.reasons()) {
            switch (need.service()) {
                case ECR_DKR -> hosts.add(reason.value().split("/", 2)[0].toLowerCase());
                case S3 -> hosts.add(bucket(reason, region) + ".s3." + domain);
                default -> hosts.add(need.service().dnsName(region));
            }
        }
        return hosts;
    }

    /** ECR's layers come from its own bucket; an environment file from the bucket its ARN names. */
    private static String bucket(NeedReason reason, String region) {
        if ("image".equals(reason.field())) {
            return "prod-" + region + "-starport-layer-bucket";
        }
        String resource = reason.value().substring(reason.value().lastIndexOf(':') + 1);
        return resource.split("/", 2)[0];
    }
}
