package ecsvpce.core.diagnosis;

import ecsvpce.core.EndpointService;
import ecsvpce.core.EndpointType;
import ecsvpce.core.needs.Need;
import ecsvpce.core.needs.TaskNeeds;
import ecsvpce.core.needs.UnservableNeed;
import ecsvpce.core.network.Cidr;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.Route;
import ecsvpce.core.network.RouteTable;
import ecsvpce.core.network.SecurityGroup;
import ecsvpce.core.network.SecurityGroupRule;
import ecsvpce.core.network.Subnet;
import ecsvpce.core.network.TaskPlacement;
import ecsvpce.core.network.VpcEndpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Checks a task's needs against the network snapshot of its VPC (docs/endpoint-pitfalls.md). */
public final class Diagnoser {
    private static final String ANYWHERE = "0.0.0.0/0";

    private final TaskNeeds needs;
    private final TaskPlacement placement;
    private final NetworkSnapshot snapshot;
    private final Subnet subnet;
    private final RouteTable routeTable;
    private final List<SecurityGroup> taskGroups;
    private final List<Finding> findings = new ArrayList<>();

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
        Optional<String> internetPath = routeTable.internetPath().map(Route::target);
        if (!needs.endpoints().isEmpty()) {
            vpcDns();
        }
        for (Need need : needs.endpoints()) {
            if (need.service().requiredType() == EndpointType.GATEWAY) {
                gateway(need.service());
            } else {
                interfaceEndpoint(need.service());
            }
        }
        for (UnservableNeed unservable : needs.unservable()) {
            add(FindingCode.NEED_NOT_SERVABLE_BY_ENDPOINT, null,
                    internetPath.isPresent() ? Severity.ADVISORY : Severity.BLOCKING, null,
                    unservable.reason() + (internetPath.isPresent() ? " (served through " + internetPath.get() + ")" : ""));
        }
        internetPath.ifPresent(target -> add(FindingCode.INTERNET_PATH_PRESENT, null, Severity.ADVISORY, routeTable.id(),
                "route table " + routeTable.id() + " sends 0.0.0.0/0 to " + target
                        + ": AWS services are reachable without endpoints, so a failure is more likely a security group, NACL or DNS problem"));
        if (!needs.endpoints().isEmpty() && taskGroups.isEmpty()) {
            add(FindingCode.TASK_SECURITY_GROUPS_UNKNOWN, null, Severity.ADVISORY, null,
                    "the task's security groups could not be read, so its egress on 443 was not checked");
        }
        return new Diagnosis(snapshot.vpcId(), subnet.id(), subnet.availabilityZone(), routeTable.id(),
                internetPath, findings);
    }

    private void vpcDns() {
        if (!snapshot.vpc().dnsSupport()) {
            add(FindingCode.VPC_DNS_SUPPORT_DISABLED, null, Severity.BLOCKING, snapshot.vpcId(),
                    "VPC attribute enableDnsSupport is off: the task cannot resolve any AWS service name");
        }
        boolean interfaceNeeded = needs.endpoints().stream()
                .anyMatch(n -> n.service().requiredType() == EndpointType.INTERFACE);
        if (interfaceNeeded && !snapshot.vpc().dnsHostnames()) {
            add(FindingCode.VPC_DNS_HOSTNAMES_DISABLED, null, Severity.BLOCKING, snapshot.vpcId(),
                    "VPC attribute enableDnsHostnames is off: interface endpoints' private DNS names do not resolve");
        }
        if (snapshot.vpc().usesCustomDns()) {
            add(FindingCode.CUSTOM_DNS_SERVERS, null, Severity.ADVISORY, snapshot.vpcId(),
                    "the VPC's DHCP options use DNS servers " + snapshot.vpc().dnsServers()
                            + ": they must forward AWS service names to the Amazon resolver for private DNS to work");
        }
    }

    private void gateway(EndpointService service) {
        List<VpcEndpoint> gateways = snapshot.endpointsFor(service, EndpointType.GATEWAY);
        if (gateways.isEmpty()) {
            List<VpcEndpoint> interfaces = snapshot.endpointsFor(service, EndpointType.INTERFACE);
            if (interfaces.isEmpty()) {
                add(FindingCode.ENDPOINT_MISSING, service, Severity.BLOCKING, null,
                        "no " + service.id() + " gateway endpoint in " + snapshot.vpcId());
            } else {
                add(FindingCode.ENDPOINT_WRONG_TYPE, service, Severity.BLOCKING, interfaces.get(0).id(),
                        service.id() + " has only the interface endpoint " + interfaces.get(0).id()
                                + "; ECR image layers need the gateway endpoint on the subnet's route table");
            }
            checkEgress(service, rule -> rule.ipv4Cidrs().contains(ANYWHERE) || !rule.prefixListIds().isEmpty(),
                    "to S3 (0.0.0.0/0 or the S3 prefix list)");
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
            add(FindingCode.GATEWAY_NOT_ON_ROUTE_TABLE, service, Severity.BLOCKING, endpoint.id(),
                    service.id() + " gateway " + endpoint.id() + " is not on route table " + routeTable.id()
                            + " of " + subnet.id() + " (adding it may briefly interrupt open S3 connections from that subnet)");
        }
        Set<String> prefixLists = routeTable.routes().stream()
                .filter(r -> endpoint.id().equals(r.target()) && r.destinationPrefixListId() != null)
                .map(Route::destinationPrefixListId).collect(Collectors.toSet());
        checkEgress(service, rule -> rule.ipv4Cidrs().contains(ANYWHERE)
                        || rule.prefixListIds().stream().anyMatch(pl -> prefixLists.isEmpty() || prefixLists.contains(pl)),
                "to S3 (0.0.0.0/0 or its prefix list)");
    }

    private void interfaceEndpoint(EndpointService service) {
        List<VpcEndpoint> endpoints = snapshot.endpointsFor(service, EndpointType.INTERFACE);
        if (endpoints.isEmpty()) {
            add(FindingCode.ENDPOINT_MISSING, service, Severity.BLOCKING, null,
                    "no " + service.id() + " interface endpoint in " + snapshot.vpcId());
            checkEgress(service, rule -> rule.ipv4Cidrs().stream().anyMatch(c -> Cidr.covers(c, subnet.cidrBlock())),
                    "to the task's own subnet " + subnet.cidrBlock() + ", where the endpoint would be created");
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
            add(FindingCode.PRIVATE_DNS_DISABLED, service, Severity.BLOCKING, endpoint.id(),
                    service.id() + " endpoint " + endpoint.id()
                            + " has private DNS off: the service's default name still resolves to its public address");
        }
        List<Subnet> endpointSubnets = endpoint.subnetIds().stream()
                .map(snapshot::subnet).flatMap(Optional::stream).toList();
        if (endpointSubnets.stream().noneMatch(s -> s.availabilityZone().equals(subnet.availabilityZone()))) {
            add(FindingCode.ENDPOINT_NOT_IN_TASK_AZ, service, Severity.ADVISORY, endpoint.id(),
                    service.id() + " endpoint " + endpoint.id() + " has no subnet in " + subnet.availabilityZone()
                            + ": private DNS still answers from another AZ (cross-AZ traffic, no AZ isolation)");
        }
        if (!admitsHttpsFromTask(endpoint)) {
            add(FindingCode.ENDPOINT_SG_BLOCKS_443, service, Severity.BLOCKING, endpoint.id(),
                    service.id() + " endpoint " + endpoint.id() + "'s security groups " + endpoint.securityGroupIds()
                            + " do not admit TCP 443 from the task (subnet " + subnet.cidrBlock() + " or its groups)");
        }
        checkEgress(service, rule -> rule.groupIds().stream().anyMatch(endpoint.securityGroupIds()::contains)
                        || rule.ipv4Cidrs().stream().anyMatch(c -> endpointSubnets.stream()
                        .anyMatch(s -> Cidr.covers(c, s.cidrBlock()))),
                "to endpoint " + endpoint.id());
    }

    /**
     * Whether the endpoint's configuration is worth checking: available, or pending (just created,
     * typically by a concurrent invocation; it will serve in a minute or two). Any other state is
     * blocking and nothing this product does will change it.
     */
    private boolean usable(EndpointService service, VpcEndpoint endpoint) {
        if (endpoint.isPending()) {
            add(FindingCode.ENDPOINT_PENDING, service, Severity.ADVISORY, endpoint.id(),
                    service.id() + " endpoint " + endpoint.id() + " is being created (pending): it serves the task "
                            + "once available, usually within two minutes");
            return true;
        }
        if (!endpoint.isAvailable()) {
            add(FindingCode.ENDPOINT_NOT_AVAILABLE, service, Severity.BLOCKING, endpoint.id(),
                    service.id() + " endpoint " + endpoint.id() + " is " + endpoint.state() + ", not available");
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

    /** Task side: some egress rule of the task's groups lets TCP 443 out to the given peer. */
    private void checkEgress(EndpointService service, Predicate<SecurityGroupRule> peer, String towards) {
        if (taskGroups.isEmpty()) {
            return;
        }
        boolean allowed = taskGroups.stream().flatMap(g -> g.egress().stream())
                .anyMatch(rule -> rule.coversTcp443() && peer.test(rule));
        if (!allowed) {
            add(FindingCode.TASK_SG_EGRESS_BLOCKS_443, service, Severity.BLOCKING, placement.securityGroupIds().get(0),
                    "the task's security groups " + placement.securityGroupIds() + " allow no TCP 443 out " + towards
                            + "; change the task's own egress rules (not changed automatically)");
        }
    }

    private void add(FindingCode code, EndpointService service, Severity severity, String resourceId,
                     String explanation) {
        findings.add(new Finding(code, service, severity, resourceId, explanation));
    }
}
