package ecsvpce.core.diagnosis;

import ecsvpce.core.EndpointType;
import ecsvpce.core.needs.Need;
import ecsvpce.core.needs.NeedReason;
import ecsvpce.core.needs.TaskNeeds;
import ecsvpce.core.network.Cidr;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.PublicIp;
import ecsvpce.core.network.Route;
import ecsvpce.core.network.RouteTable;
import ecsvpce.core.network.SecurityGroup;
import ecsvpce.core.network.Subnet;
import ecsvpce.core.network.TaskPlacement;
import ecsvpce.core.network.Vpc;
import java.util.List;
import java.util.Optional;

/**
 * Checks a task's needs against the network snapshot of its VPC (docs/endpoint-pitfalls.md,
 * docs/real-estates.md): the VPC's DNS and owner, then per need what the private hosted zones make
 * of its names ({@link ZoneCheck}) or, where they leave it to the VPC, its own endpoint
 * ({@link EndpointChecks}).
 */
public final class Diagnoser {
    private final TaskNeeds needs;
    private final TaskPlacement placement;
    private final NetworkSnapshot snapshot;
    private final Subnet subnet;
    private final RouteTable routeTable;
    private final List<SecurityGroup> taskGroups;
    private final Findings findings = new Findings();

    private Diagnoser(TaskNeeds needs, TaskPlacement placement, NetworkSnapshot snapshot) {
        this.needs = needs;
        this.placement = placement;
        this.snapshot = snapshot;
        this.subnet = snapshot.subnet(placement.subnetId()).orElseThrow(() -> new IllegalArgumentException(
                "subnet " + placement.subnetId() + " is not in the snapshot of " + snapshot.vpcId()));
        this.routeTable = snapshot.routeTableOf(subnet.id()).orElseThrow(() -> new IllegalArgumentException(
                "VPC " + snapshot.vpcId() + " has no route table for " + subnet.id()));
        this.taskGroups = placement.securityGroupIds().stream()
                .map(snapshot::securityGroup).flatMap(Optional::stream).toList();
    }

    public static Diagnosis diagnose(TaskNeeds needs, TaskPlacement placement, NetworkSnapshot snapshot) {
        return new Diagnoser(needs, placement, snapshot).run();
    }

    private Diagnosis run() {
        Optional<String> internetPath = routeTable.internetPathFor(placement.publicIp()).map(Route::target);
        if (!needs.endpoints().isEmpty()) {
            vpc();
        }
        ZoneCheck zones = new ZoneCheck(snapshot, findings);
        EndpointChecks endpoints = new EndpointChecks(snapshot, placement, subnet, routeTable, taskGroups, findings);
        for (Need need : needs.endpoints()) {
            if (zones.decides(need)) {
                endpoints.checkWayOut(need);
            } else {
                endpoints.check(need);
            }
        }
        new DefaultRouteCheck(snapshot, routeTable, placement, findings).check(needs);
        for (NeedReason output : needs.fireLensOutputs()) {
            findings.add(FindingCode.FIRELENS_OUTPUT_NEEDS_ENDPOINT, null, Severity.ADVISORY, snapshot.vpcId(),
                    output + ": not needed to start, and not created by the product");
        }
        if (!needs.endpoints().isEmpty() && taskGroups.isEmpty()) {
            findings.add(FindingCode.TASK_SECURITY_GROUPS_UNKNOWN, null, Severity.ADVISORY, subnet.id(),
                    "the task's security groups could not be read, so its egress on 443 was not checked");
        }
        internetPath.ifPresent(target -> findings.coveredThrough(target, servesUnless(target)));
        return new Diagnosis(snapshot.vpcId(), subnet.id(), subnet.availabilityZone(), routeTable.id(),
                internetPath, findings.all());
    }

    /** What the path serving the task depends on, when that is not seen: empty when it surely serves. */
    private Optional<String> servesUnless(String target) {
        if (Route.mayFilter(target)) {
            return Optional.of(target + " lets it through");
        }
        boolean gateway = target.startsWith("igw-");
        return gateway && placement.publicIp() == PublicIp.UNKNOWN ? Optional.of("the task has a public IP")
                : Optional.empty();
    }

    /**
     * Other DNS servers answer the task's lookups: private DNS works only if they forward AWS names to the
     * VPC resolver. Whether they do cannot be seen from here, so it is advisory, named by the option set.
     */
    private void customDns() {
        Vpc vpc = snapshot.vpc();
        String optionSet = vpc.dhcpOptionsId();
        String resolver = vpc.cidrBlocks().stream().findFirst().flatMap(Cidr::parse).map(block -> block.address(2))
                .orElse("at the VPC CIDR's base +2");
        findings.add(FindingCode.CUSTOM_DNS_SERVERS, null, Severity.ADVISORY, optionSet,
                "DHCP option set " + optionSet + " of " + vpc.id() + " gives the task DNS servers " + vpc.dnsServers()
                        + ": private DNS works only if they forward AWS service names to the VPC resolver " + resolver,
                Fixes.forwardToVpcResolver(optionSet, vpc.id(), vpc.dnsServers(), snapshot.region(), resolver));
    }

    /** What the VPC as a whole does to every need: its DNS, its owner, its subnet's addressing. */
    private void vpc() {
        String vpcId = snapshot.vpcId();
        if (!snapshot.vpc().dnsSupport()) {
            findings.add(FindingCode.VPC_DNS_SUPPORT_DISABLED, null, Severity.BLOCKING, vpcId,
                    "VPC attribute enableDnsSupport is off: the task cannot resolve any AWS service name",
                    Fixes.enableVpcAttribute(vpcId, "enable-dns-support"));
        }
        boolean interfaceNeeded = needs.endpoints().stream()
                .anyMatch(n -> n.service().requiredType() == EndpointType.INTERFACE);
        if (interfaceNeeded && !snapshot.vpc().dnsHostnames()) {
            findings.add(FindingCode.VPC_DNS_HOSTNAMES_DISABLED, null, Severity.BLOCKING, vpcId,
                    "VPC attribute enableDnsHostnames is off: interface endpoints' private DNS names do not resolve",
                    Fixes.enableVpcAttribute(vpcId, "enable-dns-hostnames"));
        }
        if (snapshot.vpc().usesCustomDns()) {
            customDns();
        }
        snapshot.privateZones().unreadable().ifPresent(why -> findings.add(FindingCode.DNS_ZONES_UNREADABLE, null,
                Severity.UNVERIFIED, vpcId, "the private hosted zones associated with " + vpcId + " could not be "
                        + "read, so whether one serves or shadows a service was not checked: " + why,
                "grant the function route53:ListHostedZonesByVPC and route53:ListResourceRecordSets, or look yourself: "
                        + "aws route53 list-hosted-zones-by-vpc --vpc-id " + vpcId + " --vpc-region " + snapshot.region()));
        String owner = snapshot.vpc().ownerId();
        if (owner != null && placement.accountId() != null && !owner.equals(placement.accountId())) {
            findings.add(FindingCode.VPC_OWNED_BY_ANOTHER_ACCOUNT, null, Severity.ADVISORY, vpcId,
                    vpcId + " is owned by account " + owner + " and shared with " + placement.accountId()
                            + " (AWS RAM): only " + owner + " may change its endpoints, routes and DNS attributes");
        }
        if (subnet.ipv6Native()) {
            findings.add(FindingCode.IPV6_ONLY_SUBNET, null, Severity.ADVISORY, subnet.id(),
                    subnet.id() + " is IPv6-only: every endpoint the task uses must serve IPv6 (dual-stack or IPv6 "
                            + "address type) and an IPv4 endpoint cannot be made there");
        }
    }
}
