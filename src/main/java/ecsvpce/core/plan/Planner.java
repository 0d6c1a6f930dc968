package ecsvpce.core.plan;

import ecsvpce.core.EndpointService;
import ecsvpce.core.EndpointType;
import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.network.Cidr;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.SecurityGroup;
import ecsvpce.core.network.SecurityGroupRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
    private final Set<Finding> unfixed = new LinkedHashSet<>();
    private final List<String> heldBack = new ArrayList<>();

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
        if (diagnosis.internetPath().isPresent() && !settings.remediateWithInternetPath()) {
            if (!diagnosis.blocking().isEmpty()) {
                heldBack.add("subnet " + diagnosis.subnetId() + " reaches the internet through "
                        + diagnosis.internetPath().get() + ": endpoints are not needed there, the cause is likely "
                        + "a security group, NACL or DNS; set REMEDIATE_WITH_INTERNET_PATH=true to add them anyway");
                unfixed.addAll(diagnosis.blocking());
            }
            return;
        }
        for (Finding finding : diagnosis.blocking()) {
            switch (finding.code()) {
                case VPC_DNS_SUPPORT_DISABLED -> dnsAttributes.add(VpcDnsAttribute.ENABLE_DNS_SUPPORT);
                case VPC_DNS_HOSTNAMES_DISABLED -> dnsAttributes.add(VpcDnsAttribute.ENABLE_DNS_HOSTNAMES);
                case PRIVATE_DNS_DISABLED -> privateDns.put(finding.resourceId(), finding.service());
                case GATEWAY_NOT_ON_ROUTE_TABLE -> routeTablesToAdd
                        .computeIfAbsent(finding.resourceId(), id -> new TreeSet<>()).add(diagnosis.routeTableId());
                case ENDPOINT_SG_BLOCKS_443 -> groupsToAttach.put(finding.resourceId(), finding.service());
                case ENDPOINT_MISSING, ENDPOINT_WRONG_TYPE -> missing(finding.service(), diagnosis);
                default -> unfixed.add(finding);
            }
        }
    }

    private void missing(EndpointService service, Diagnosis diagnosis) {
        if (service.requiredType() == EndpointType.GATEWAY) {
            gatewayRouteTables.computeIfAbsent(service, s -> new TreeSet<>()).add(diagnosis.routeTableId());
        } else {
            // An interface endpoint takes one subnet per AZ: keep the first subnet seen in each AZ.
            interfaceSubnetsByAz.computeIfAbsent(service, s -> new TreeMap<>())
                    .merge(diagnosis.availabilityZone(), diagnosis.subnetId(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
    }

    private Plan build() {
        List<Action> actions = new ArrayList<>();
        dnsAttributes.forEach(attribute -> actions.add(new EnableVpcDnsAttribute(snapshot.vpcId(), attribute)));
        privateDns.forEach((endpointId, service) -> actions.add(new EnablePrivateDns(endpointId, service)));
        routeTablesToAdd.forEach((endpointId, tables) -> tables.forEach(table ->
                actions.add(new AddRouteTableToGateway(endpointId, EndpointService.S3, table))));

        boolean groupNeeded = !groupsToAttach.isEmpty() || !interfaceSubnetsByAz.isEmpty();
        EndpointGroup group = groupNeeded ? endpointGroup(actions) : null;
        groupsToAttach.forEach((endpointId, service) -> {
            if (!alreadyAttached(endpointId, group)) {
                actions.add(new AttachSecurityGroup(endpointId, service, group));
            }
        });

        interfaceSubnetsByAz.forEach((service, subnetsByAz) -> {
            String serviceName = service.serviceName(snapshot.region());
            List<String> subnets = List.copyOf(subnetsByAz.values());
            actions.add(new CreateInterfaceEndpoint(snapshot.vpcId(), service, serviceName, subnets, group,
                    IdempotencyToken.forEndpoint(snapshot.vpcId(), serviceName, EndpointType.INTERFACE.awsName()),
                    tags, monthlyCost(subnets.size())));
        });
        gatewayRouteTables.forEach((service, tables) -> {
            String serviceName = service.serviceName(snapshot.region());
            actions.add(new CreateGatewayEndpoint(snapshot.vpcId(), service, serviceName, List.copyOf(tables),
                    IdempotencyToken.forEndpoint(snapshot.vpcId(), serviceName, EndpointType.GATEWAY.awsName()),
                    tags));
        });
        return new Plan(actions, List.copyOf(unfixed), heldBack);
    }

    /** Reuses the product's group in this VPC (widening it to new VPC CIDR blocks if needed), else creates it. */
    private EndpointGroup endpointGroup(List<Action> actions) {
        Optional<SecurityGroup> existing = snapshot.securityGroups().stream()
                .filter(g -> g.name().equals(ENDPOINT_GROUP_NAME)).findFirst();
        if (existing.isEmpty()) {
            actions.add(new CreateEndpointSecurityGroup(snapshot.vpcId(), ENDPOINT_GROUP_NAME,
                    snapshot.cidrBlocks(), tags));
            return EndpointGroup.createdByPlan(ENDPOINT_GROUP_NAME);
        }
        SecurityGroup ours = existing.get();
        List<String> uncovered = snapshot.cidrBlocks().stream()
                .filter(cidr -> ours.ingress().stream().filter(SecurityGroupRule::coversTcp443)
                        .noneMatch(rule -> rule.ipv4Cidrs().stream().anyMatch(c -> Cidr.covers(c, cidr))))
                .toList();
        if (!uncovered.isEmpty() && ResourceTags.isOurs(ours.tags())) {
            actions.add(new AuthorizeHttpsIngress(ours.id(), uncovered));
        } else if (!uncovered.isEmpty()) {
            heldBack.add("security group " + ours.id() + " is named " + ENDPOINT_GROUP_NAME
                    + " but not tagged as ours, so TCP 443 from " + uncovered + " was not added to it");
        }
        return EndpointGroup.existing(ours.id(), ours.name());
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
