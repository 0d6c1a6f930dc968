package ecsvpce.core.diagnosis;

import ecsvpce.core.EndpointService;
import ecsvpce.core.EndpointType;
import ecsvpce.core.needs.Need;
import ecsvpce.core.network.Cidr;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.Route;
import ecsvpce.core.network.RouteTable;
import ecsvpce.core.network.SecurityGroup;
import ecsvpce.core.network.SecurityGroupRule;
import ecsvpce.core.network.Subnet;
import ecsvpce.core.network.TaskPlacement;
import ecsvpce.core.network.VpcEndpoint;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the VPC's own endpoint for a need (docs/endpoint-pitfalls.md): there, of the right type,
 * available, with private DNS, on the subnet's route table, admitting 443 from the task, reachable
 * through the task's security groups and the network ACLs, and allowing the task's calls.
 */
final class EndpointChecks {
    private static final String ANYWHERE = "0.0.0.0/0";

    private final NetworkSnapshot snapshot;
    private final TaskPlacement placement;
    private final Subnet subnet;
    private final RouteTable routeTable;
    private final List<SecurityGroup> taskGroups;
    private final AclCheck acls;
    private final Findings findings;

    EndpointChecks(NetworkSnapshot snapshot, TaskPlacement placement, Subnet subnet, RouteTable routeTable,
                   List<SecurityGroup> taskGroups, Findings findings) {
        this.snapshot = snapshot;
        this.placement = placement;
        this.subnet = subnet;
        this.routeTable = routeTable;
        this.taskGroups = taskGroups;
        this.acls = new AclCheck(snapshot, subnet, findings);
        this.findings = findings;
    }

    void check(Need need) {
        if (need.service().requiredType() == EndpointType.GATEWAY) {
            gateway(need);
        } else {
            interfaceEndpoint(need);
        }
    }

    /**
     * A need served from outside the VPC (a central endpoint): only the way out is the VPC's. The hub's
     * addresses are not known here, so any 443 rule towards a range beyond this VPC (or a prefix list)
     * may be the way, and the change names the hub's range rather than opening 443 to anywhere.
     */
    void checkWayOut(Need need) {
        checkEgress(need.service(), rule -> !rule.prefixListIds().isEmpty()
                        || rule.ipv4Cidrs().stream().anyMatch(cidr -> snapshot.vpc().cidrBlocks().stream()
                        .noneMatch(own -> Cidr.covers(own, cidr))),
                "to the central endpoint (beyond " + snapshot.vpcId() + ")",
                group -> Fixes.egress443ToCidr(group, "HUB_VPC_CIDR"));
        acls.towardsAnywhere(need.service());
    }

    private void gateway(Need need) {
        EndpointService service = need.service();
        List<VpcEndpoint> gateways = snapshot.endpointsFor(service, EndpointType.GATEWAY);
        if (gateways.isEmpty()) {
            List<VpcEndpoint> interfaces = snapshot.endpointsFor(service, EndpointType.INTERFACE);
            if (interfaces.isEmpty()) {
                findings.add(FindingCode.ENDPOINT_MISSING, service, Severity.BLOCKING, snapshot.vpcId(),
                        "no " + service.id() + " gateway endpoint in " + snapshot.vpcId(), createGateway(service));
            } else {
                findings.add(FindingCode.ENDPOINT_WRONG_TYPE, service, Severity.BLOCKING, snapshot.vpcId(),
                        service.id() + " has only the interface endpoint " + interfaces.get(0).id()
                                + "; ECR image layers need the gateway endpoint on the subnet's route table",
                        createGateway(service));
            }
            checkEgress(service, rule -> rule.ipv4Cidrs().contains(ANYWHERE) || !rule.prefixListIds().isEmpty(),
                    "to S3 (0.0.0.0/0 or the S3 prefix list)", group -> Fixes.egress443ToPrefixList(group, s3PrefixList()));
            acls.towardsAnywhere(service);
            return;
        }
        Optional<VpcEndpoint> onTable = gateways.stream()
                .filter(g -> g.routeTableIds().contains(routeTable.id())).findFirst();
        VpcEndpoint endpoint = onTable.orElseGet(() -> gateways.stream()
                .min(Comparator.comparing((VpcEndpoint g) -> !g.isAvailable()).thenComparing(VpcEndpoint::id))
                .orElseThrow());
        if (!usable(service, endpoint)) {
            return;
        }
        if (onTable.isEmpty()) {
            findings.add(FindingCode.GATEWAY_NOT_ON_ROUTE_TABLE, service, Severity.BLOCKING, endpoint.id(),
                    service.id() + " gateway " + endpoint.id() + " is not on route table " + routeTable.id()
                            + " of " + subnet.id() + " (adding it may briefly interrupt open S3 connections from that subnet)",
                    Fixes.addRouteTable(endpoint.id(), routeTable.id()));
        }
        Set<String> prefixLists = routeTable.routes().stream()
                .filter(r -> endpoint.id().equals(r.target()) && r.destinationPrefixListId() != null)
                .map(Route::destinationPrefixListId).collect(Collectors.toSet());
        checkEgress(service, rule -> rule.ipv4Cidrs().contains(ANYWHERE)
                        || rule.prefixListIds().stream().anyMatch(pl -> prefixLists.isEmpty() || prefixLists.contains(pl)),
                "to S3 (0.0.0.0/0 or its prefix list)",
                group -> Fixes.egress443ToPrefixList(group, prefixLists.stream().findFirst().orElse(s3PrefixList())));
        acls.towardsAnywhere(service);
        PolicyCheck.check(need, endpoint, snapshot.region(), findings);
    }

    private void interfaceEndpoint(Need need) {
        EndpointService service = need.service();
        List<VpcEndpoint> endpoints = snapshot.endpointsFor(service, EndpointType.INTERFACE);
        if (endpoints.isEmpty()) {
            findings.add(FindingCode.ENDPOINT_MISSING, service, Severity.BLOCKING, snapshot.vpcId(),
                    "no " + service.id() + " interface endpoint in " + snapshot.vpcId(),
                    Fixes.createInterfaceEndpoint(snapshot.vpcId(), service.serviceName(snapshot.region()), subnet.id(),
                            snapshot.vpc().cidrBlocks().isEmpty() ? subnet.cidrBlock() : snapshot.vpc().cidrBlocks().get(0)));
            checkEgress(service, rule -> rule.ipv4Cidrs().stream().anyMatch(c -> Cidr.covers(c, subnet.cidrBlock())),
                    "to the task's own subnet " + subnet.cidrBlock() + ", where the endpoint would be created",
                    group -> Fixes.egress443ToCidr(group, subnet.cidrBlock()));
            return;
        }
        // Only one endpoint per service may hold private DNS: that is the one the task talks to.
        VpcEndpoint endpoint = endpoints.stream()
                .min(Comparator.comparing((VpcEndpoint e) -> !e.privateDnsEnabled())
                        .thenComparing(e -> !e.isAvailable())
                        .thenComparing(VpcEndpoint::id))
                .orElseThrow();
        if (!usable(service, endpoint)) {
            return;
        }
        if (!endpoint.privateDnsEnabled()) {
            findings.add(FindingCode.PRIVATE_DNS_DISABLED, service, Severity.BLOCKING, endpoint.id(),
                    service.id() + " endpoint " + endpoint.id()
                            + " has private DNS off: the service's default name still resolves to its public address",
                    Fixes.enablePrivateDns(endpoint.id()));
        }
        List<Subnet> endpointSubnets = endpoint.subnetIds().stream()
                .map(snapshot::subnet).flatMap(Optional::stream).toList();
        if (endpointSubnets.stream().noneMatch(s -> s.availabilityZone().equals(subnet.availabilityZone()))) {
            findings.add(FindingCode.ENDPOINT_NOT_IN_TASK_AZ, service, Severity.ADVISORY, endpoint.id(),
                    service.id() + " endpoint " + endpoint.id() + " has no subnet in " + subnet.availabilityZone()
                            + ": private DNS still answers from another AZ (cross-AZ traffic, no AZ isolation)");
        }
        if (!admitsHttpsFromTask(endpoint)) {
            List<String> unreadPeers = unreadPeersOf443(endpoint);
            findings.add(FindingCode.ENDPOINT_SG_BLOCKS_443, service,
                    unreadPeers.isEmpty() ? Severity.BLOCKING : Severity.UNVERIFIED, endpoint.id(),
                    service.id() + " endpoint " + endpoint.id() + "'s security groups " + endpoint.securityGroupIds()
                            + " do not admit TCP 443 from the task (subnet " + subnet.cidrBlock() + " or its groups)"
                            + (unreadPeers.isEmpty() ? "" : ", unless " + unreadPeers + " does: their members are "
                            + "not read, so nothing is changed"),
                    endpoint.securityGroupIds().isEmpty() ? Fixes.attachNewGroup(snapshot.vpcId(), endpoint.id(), subnet.cidrBlock())
                            : Fixes.ingress443(endpoint.securityGroupIds().get(0), subnet.cidrBlock()));
        }
        checkEgress(service, rule -> rule.groupIds().stream().anyMatch(endpoint.securityGroupIds()::contains)
                        || rule.ipv4Cidrs().stream().anyMatch(c -> endpointSubnets.stream()
                        .anyMatch(s -> Cidr.covers(c, s.cidrBlock()))),
                "to endpoint " + endpoint.id(), group -> endpoint.securityGroupIds().isEmpty()
                        ? Fixes.egress443ToCidr(group, subnet.cidrBlock())
                        : Fixes.egress443ToGroup(group, endpoint.securityGroupIds().get(0)));
        acls.towardsSubnets(service, endpointSubnets);
        PolicyCheck.check(need, endpoint, snapshot.region(), findings);
    }

    private String createGateway(EndpointService service) {
        return Fixes.createGatewayEndpoint(snapshot.vpcId(), service.serviceName(snapshot.region()), routeTable.id());
    }

    /** The region's S3 prefix list, looked up by the shell the fix is pasted into. */
    private String s3PrefixList() {
        return "$(aws ec2 describe-managed-prefix-lists --filters Name=prefix-list-name,Values="
                + EndpointService.S3.serviceName(snapshot.region()) + " --query 'PrefixLists[0].PrefixListId' --output text)";
    }

    /**
     * Whether the endpoint's configuration is worth checking: available, or pending (just created,
     * typically by a concurrent invocation; it will serve in a minute or two). Any other state is
     * blocking and nothing this product does will change it.
     */
    private boolean usable(EndpointService service, VpcEndpoint endpoint) {
        if (endpoint.isPending()) {
            findings.add(FindingCode.ENDPOINT_PENDING, service, Severity.ADVISORY, endpoint.id(),
                    service.id() + " endpoint " + endpoint.id() + " is being created (pending): it serves the task "
                            + "once available, usually within two minutes");
            return true;
        }
        if (!endpoint.isAvailable()) {
            findings.add(FindingCode.ENDPOINT_NOT_AVAILABLE, service, Severity.BLOCKING, endpoint.id(),
                    service.id() + " endpoint " + endpoint.id() + " is " + endpoint.state() + ", not available; "
                            + "it still holds the service's name in the VPC, so no second one is made",
                    Fixes.describeEndpoint(endpoint.id()));
            return false;
        }
        return true;
    }

    /** Endpoint side: some rule admits TCP 443 from the task's subnet (or a block around it) or its groups. */
    private boolean admitsHttpsFromTask(VpcEndpoint endpoint) {
        return endpoint.securityGroupIds().stream()
                .map(snapshot::securityGroup).flatMap(Optional::stream)
                .flatMap(group -> group.ingress().stream())
                .filter(SecurityGroupRule::coversTcp443)
                .anyMatch(rule -> rule.ipv4Cidrs().stream().anyMatch(c -> Cidr.covers(c, subnet.cidrBlock()))
                        || rule.groupIds().stream().anyMatch(placement.securityGroupIds()::contains));
    }

    /**
     * The peers of the endpoint's 443 rules whose members are not known here: prefix lists (their
     * ranges are not read) and, while the task's own groups are unknown, the groups a rule names.
     */
    private List<String> unreadPeersOf443(VpcEndpoint endpoint) {
        return endpoint.securityGroupIds().stream()
                .map(snapshot::securityGroup).flatMap(Optional::stream)
                .flatMap(group -> group.ingress().stream())
                .filter(SecurityGroupRule::coversTcp443)
                .flatMap(rule -> Stream.concat(rule.prefixListIds().stream(),
                        placement.securityGroupIds().isEmpty() ? rule.groupIds().stream() : Stream.empty()))
                .distinct().sorted().toList();
    }

    /**
     * Task side: some egress rule of the task's groups lets TCP 443 out to the given peer.
     *
     * @param fix the command that opens 443 from a task group to the peer
     */
    private void checkEgress(EndpointService service, Predicate<SecurityGroupRule> allows, String towards,
                             UnaryOperator<String> fix) {
        if (taskGroups.isEmpty()) {
            return;
        }
        boolean allowed = taskGroups.stream().flatMap(g -> g.egress().stream())
                .anyMatch(rule -> rule.coversTcp443() && allows.test(rule));
        if (!allowed) {
            String group = placement.securityGroupIds().get(0);
            findings.add(FindingCode.TASK_SG_EGRESS_BLOCKS_443, service, Severity.BLOCKING, group,
                    "the task's security groups " + placement.securityGroupIds() + " allow no TCP 443 out " + towards
                            + "; change the task's own egress rules (not changed automatically)", fix.apply(group));
        }
    }
}
