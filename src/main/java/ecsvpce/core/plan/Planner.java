package ecsvpce.core.plan;

import ecsvpce.core.EndpointService;
import ecsvpce.core.EndpointType;
import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.network.Cidr;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.Route;
import ecsvpce.core.network.SecurityGroup;
import ecsvpce.core.network.SecurityGroupRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BinaryOperator;

/**
 * Turns the blocking findings of one VPC into the fewest changes that fix them, merged across every
 * task or service diagnosed in that VPC. Order: VPC DNS attributes, then fixes to existing endpoints
 * (a VPC allows one private-DNS endpoint per service, so an existing one is always fixed, never
 * duplicated), then the product's security group, then new endpoints.
 */
public final class Planner {
    /** Fixed so that a second create in the same VPC fails as a duplicate instead of making a twin. */
    public static final String ENDPOINT_GROUP_NAME = "ecs-vpce-remediator-endpoints";
    private static final BigDecimal HOURS_PER_MONTH = new BigDecimal("730");

    private final NetworkSnapshot snapshot;
    private final PlanSettings settings;
    private final Map<String, String> tags;

    private final Set<VpcDnsAttribute> dnsAttributes = new TreeSet<>();
    private final Map<String, EndpointService> privateDns = new TreeMap<>();
    private final Map<String, Set<String>> routeTablesToAdd = new TreeMap<>();
    private final Map<String, EndpointService> groupsToAttach = new TreeMap<>();
    private final Map<EndpointService, Map<String, String>> interfaceSubnetsByAz = new EnumMap<>(EndpointService.class);
    private final Map<EndpointService, Set<String>> gatewayRouteTables = new EnumMap<>(EndpointService.class);
    /** Findings whose fix needs the product's security group. */
    private final List<Finding> needOurGroup = new ArrayList<>();
    private final Set<Finding> unfixed = new LinkedHashSet<>();
    private final Set<HeldBack> heldBack = new LinkedHashSet<>();

    private Planner(NetworkSnapshot snapshot, PlanSettings settings, Map<String, String> tags) {
        this.snapshot = snapshot;
        this.settings = settings;
        this.tags = tags;
    }

    /**
     * @param diagnoses every diagnosis of this VPC (one for a failed task, one per service and subnet in a sweep)
     * @param tags      tags for every created resource
     */
    public static Plan plan(NetworkSnapshot snapshot, List<Diagnosis> diagnoses, PlanSettings settings,
                            Map<String, String> tags) {
        Planner planner = new Planner(snapshot, settings, tags);
        diagnoses.forEach(planner::collect);
        return planner.build();
    }

    private void collect(Diagnosis diagnosis) {
        // The gaps an internet path covers do not block, but they are what endpoints there would settle.
        List<Finding> toSettle = diagnosis.findings().stream().filter(f -> f.isBlocking()
                || diagnosis.internetPath().isPresent() && f.code().isCoveredByAnInternetPath()).toList();
        if (toSettle.isEmpty()) {
            return;
        }
        Optional<HeldBack> reasonToHoldBack = reasonToHoldBack(diagnosis);
        if (reasonToHoldBack.isPresent()) {
            heldBack.add(reasonToHoldBack.get());
            unfixed.addAll(diagnosis.blocking());
            return;
        }
        for (Finding finding : toSettle) {
            switch (finding.code()) {
                case VPC_DNS_SUPPORT_DISABLED -> dnsAttributes.add(VpcDnsAttribute.ENABLE_DNS_SUPPORT);
                case VPC_DNS_HOSTNAMES_DISABLED -> dnsAttributes.add(VpcDnsAttribute.ENABLE_DNS_HOSTNAMES);
                case PRIVATE_DNS_DISABLED -> privateDns.put(finding.resourceId(), finding.service());
                case GATEWAY_NOT_ON_ROUTE_TABLE -> routeTablesToAdd
                        .computeIfAbsent(finding.resourceId(), id -> new TreeSet<>()).add(diagnosis.routeTableId());
                case ENDPOINT_SG_BLOCKS_443 -> {
                    groupsToAttach.put(finding.resourceId(), finding.service());
                    needOurGroup.add(finding);
                }
                case ENDPOINT_MISSING, ENDPOINT_WRONG_TYPE -> missing(finding, diagnosis);
                default -> unfixed.add(finding);
            }
        }
    }

    /** The team opted the VPC or subnet out, or the subnet does not need endpoints to reach AWS. */
    private Optional<HeldBack> reasonToHoldBack(Diagnosis diagnosis) {
        if (ResourceTags.optsOut(snapshot.vpc().tags())) {
            return Optional.of(new HeldBack(HeldBack.Reason.OPTED_OUT, snapshot.vpcId(), "VPC " + snapshot.vpcId()
                    + " is tagged "
                    + ResourceTags.SKIP + ": reported, left alone"));
        }
        if (snapshot.subnet(diagnosis.subnetId()).map(s -> ResourceTags.optsOut(s.tags())).orElse(false)) {
            return Optional.of(new HeldBack(HeldBack.Reason.OPTED_OUT, diagnosis.subnetId(), "subnet " + diagnosis.subnetId()
                    + " is tagged " + ResourceTags.SKIP + ": reported, left alone"));
        }
        Optional<Finding> owner = finding(diagnosis, FindingCode.VPC_OWNED_BY_ANOTHER_ACCOUNT);
        if (owner.isPresent()) {
            return Optional.of(new HeldBack(HeldBack.Reason.SHARED_VPC, snapshot.vpcId(), owner.get().explanation()
                    + ": nothing is changed; each finding's fix is a change for the owner account to make, after it "
                    + "checks its own endpoints, which this account cannot see"));
        }
        if (finding(diagnosis, FindingCode.IPV6_ONLY_SUBNET).isPresent()) {
            return Optional.of(new HeldBack(HeldBack.Reason.IPV6_ONLY, diagnosis.subnetId(), "subnet "
                    + diagnosis.subnetId() + " is IPv6-only and the product makes IPv4 endpoints only: each finding's "
                    + "fix is for a person to make, with --ip-address-type ipv6 on new endpoints"));
        }
        if (diagnosis.internetPath().isPresent() && !settings.remediateWithInternetPath()) {
            String target = diagnosis.internetPath().get();
            return Optional.of(new HeldBack(HeldBack.Reason.INTERNET_PATH, diagnosis.subnetId(), "subnet " + diagnosis.subnetId()
                    + " reaches the internet through " + target + ": endpoints are not needed "
                    + "there, the cause is likely " + (Route.mayFilter(target) ? "what " + target + " filters, " : "")
                    + "a security group, NACL or DNS; set REMEDIATE_WITH_INTERNET_PATH=true to add them anyway"
                    + (Route.mayFilter(target) ? " (they would take the VPC's AWS traffic out of " + target + "'s path)"
                    : "")));
        }
        return Optional.empty();
    }

    private static Optional<Finding> finding(Diagnosis diagnosis, FindingCode code) {
        return diagnosis.findings().stream().filter(f -> f.code() == code).findFirst();
    }

    private void missing(Finding finding, Diagnosis diagnosis) {
        EndpointService service = finding.service();
        if (service.requiredType() == EndpointType.GATEWAY) {
            gatewayRouteTables.computeIfAbsent(service, s -> new TreeSet<>()).add(diagnosis.routeTableId());
        } else {
            needOurGroup.add(finding);
            // An interface endpoint takes one subnet per AZ: the lowest id, whatever order the diagnoses come in.
            interfaceSubnetsByAz.computeIfAbsent(service, s -> new TreeMap<>()).merge(diagnosis.availabilityZone(),
                    diagnosis.subnetId(), BinaryOperator.minBy(Comparator.naturalOrder()));
        }
    }

    private Plan build() {
        List<Action> actions = new ArrayList<>();
        dnsAttributes.forEach(attribute -> actions.add(new EnableVpcDnsAttribute(snapshot.vpcId(), attribute)));
        privateDns.forEach((endpointId, service) -> actions.add(new EnablePrivateDns(endpointId, service)));
        routeTablesToAdd.forEach((endpointId, tables) -> tables.forEach(table ->
                actions.add(new AddRouteTableToGateway(endpointId, EndpointService.S3, table))));

        Optional<EndpointGroup> group = needOurGroup.isEmpty() ? Optional.empty() : endpointGroup(actions);
        if (group.isPresent()) {
            groupsToAttach.forEach((endpointId, service) -> {
                if (!alreadyAttached(endpointId, group.get())) {
                    actions.add(new AttachSecurityGroup(endpointId, service, group.get()));
                }
            });
            interfaceSubnetsByAz.forEach((service, subnetsByAz) -> {
                String serviceName = service.serviceName(snapshot.region());
                List<String> subnets = List.copyOf(subnetsByAz.values());
                actions.add(new CreateInterfaceEndpoint(snapshot.vpcId(), service, serviceName, subnets, group.get(),
                        IdempotencyToken.forEndpoint(snapshot.vpcId(), serviceName, EndpointType.INTERFACE.awsName()),
                        tags, monthlyCost(subnets.size())));
            });
        } else {
            unfixed.addAll(needOurGroup);
        }
        gatewayRouteTables.forEach((service, tables) -> {
            String serviceName = service.serviceName(snapshot.region());
            actions.add(new CreateGatewayEndpoint(snapshot.vpcId(), service, serviceName, List.copyOf(tables),
                    IdempotencyToken.forEndpoint(snapshot.vpcId(), serviceName, EndpointType.GATEWAY.awsName()),
                    tags));
        });
        return new Plan(actions, List.copyOf(unfixed), List.copyOf(heldBack));
    }

    /**
     * Reuses the product's group in this VPC (widening it to new VPC CIDR blocks if needed), else
     * creates it; empty when a group of that name exists that is not ours, which is left alone.
     */
    private Optional<EndpointGroup> endpointGroup(List<Action> actions) {
        Optional<SecurityGroup> existing = snapshot.securityGroups().stream()
                .filter(g -> g.name().equals(ENDPOINT_GROUP_NAME)).findFirst();
        if (existing.isEmpty()) {
            actions.add(new CreateEndpointSecurityGroup(snapshot.vpcId(), ENDPOINT_GROUP_NAME,
                    snapshot.vpc().cidrBlocks(), tags));
            return Optional.of(EndpointGroup.createdByPlan(ENDPOINT_GROUP_NAME));
        }
        SecurityGroup ours = existing.get();
        if (!ResourceTags.isOurs(ours.tags())) {
            heldBack.add(new HeldBack(HeldBack.Reason.FOREIGN_GROUP, snapshot.vpcId(), "security group " + ours.id() + " is named "
                    + ENDPOINT_GROUP_NAME + " but not tagged " + ResourceTags.CREATED_BY + "=" + ResourceTags.PRODUCT
                    + ": it is neither used nor changed, so endpoints needing a group that admits 443 are left as they are"));
            return Optional.empty();
        }
        List<String> uncovered = snapshot.vpc().cidrBlocks().stream()
                .filter(cidr -> ours.ingress().stream().filter(SecurityGroupRule::coversTcp443)
                        .noneMatch(rule -> rule.ipv4Cidrs().stream().anyMatch(c -> Cidr.covers(c, cidr))))
                .toList();
        if (!uncovered.isEmpty()) {
            actions.add(new AuthorizeHttpsIngress(ours.id(), uncovered));
        }
        return Optional.of(EndpointGroup.existing(ours.id(), ours.name()));
    }

    private boolean alreadyAttached(String endpointId, EndpointGroup group) {
        return group.existingId().isPresent() && snapshot.endpoints().stream()
                .anyMatch(e -> e.id().equals(endpointId) && e.securityGroupIds().contains(group.existingId().get()));
    }

    private BigDecimal monthlyCost(int availabilityZones) {
        return settings.interfaceEndpointUsdPerAzHour().multiply(HOURS_PER_MONTH)
                .multiply(BigDecimal.valueOf(availabilityZones)).setScale(2, RoundingMode.HALF_UP);
    }
}
