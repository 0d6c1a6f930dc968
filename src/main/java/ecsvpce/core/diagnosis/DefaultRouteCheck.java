package ecsvpce.core.diagnosis;

import ecsvpce.core.EndpointService;
import ecsvpce.core.needs.TaskNeeds;
import ecsvpce.core.needs.UnservableNeed;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.PublicIp;
import ecsvpce.core.network.Route;
import ecsvpce.core.network.RouteTable;
import ecsvpce.core.network.TaskPlacement;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the subnet's default route (0.0.0.0/0) means for the task (docs/real-estates.md#a-default-route-to-a-nat-gateway-that-is-gone):
 * a path to the internet serves what no endpoint serves; a route whose target is gone (state
 * {@code blackhole}, typically a deleted NAT gateway) is no path at all, and is named with the change
 * that restores it; nor is an internet gateway for a task ECS gives no public IP, which is named with
 * the change that gives it one. Routes are never changed by the product.
 */
final class DefaultRouteCheck {
    private static final String ANYWHERE = "0.0.0.0/0";

    private final NetworkSnapshot snapshot;
    private final RouteTable routeTable;
    private final TaskPlacement placement;
    private final Findings findings;

    DefaultRouteCheck(NetworkSnapshot snapshot, RouteTable routeTable, TaskPlacement placement, Findings findings) {
        this.snapshot = snapshot;
        this.routeTable = routeTable;
        this.placement = placement;
        this.findings = findings;
    }

    void check(TaskNeeds needs) {
        Optional<String> internetPath = routeTable.internetPathFor(placement.publicIp()).map(Route::target);
        Optional<Route> blackhole = routeTable.blackholeDefaultRoute();
        Optional<Route> unusableGateway = placement.publicIp() == PublicIp.NOT_ASSIGNED
                ? routeTable.internetGatewayDefault() : Optional.empty();
        blackhole.ifPresent(route -> blackhole(route, !needs.unservable().isEmpty()));
        unusableGateway.ifPresent(this::gatewayWithoutPublicIp);
        for (UnservableNeed unservable : needs.unservable()) {
            String copyToEcr = "image".equals(unservable.reason().field()) ? " (or copy the image to private ECR in "
                    + snapshot.region() + ", which an ECR pull-through cache rule does)" : "";
            findings.add(FindingCode.NEED_NOT_SERVABLE_BY_ENDPOINT, null,
                    internetPath.isPresent() ? Severity.ADVISORY : Severity.BLOCKING, routeTable.id(),
                    unservable.reason() + internetPath.map(target -> " (served through " + target + ")").orElse(""),
                    internetPath.isPresent() ? null : unusableGateway.map(this::publicIpOrNat)
                            .or(() -> blackhole.map(this::restore)).orElse("aws ec2 create-route --route-table-id "
                                    + routeTable.id() + " --destination-cidr-block " + ANYWHERE
                                    + " --nat-gateway-id NAT_GATEWAY_ID") + copyToEcr);
        }
        internetPath.ifPresent(target -> findings.add(FindingCode.INTERNET_PATH_PRESENT, null, Severity.ADVISORY,
                routeTable.id(), "route table " + routeTable.id() + " sends " + ANYWHERE + " to " + target
                        + (Route.mayFilter(target) ? filtered(needs) : ": AWS services are reachable without "
                        + "endpoints, so a failure is more likely a security group, NACL or DNS problem")));
    }

    /**
     * A firewall, appliance or central egress VPC in the path: what it lets through decides, and
     * endpoints with private DNS would take the VPC's AWS traffic out of its inspection.
     */
    private String filtered(TaskNeeds needs) {
        String region = snapshot.region();
        String names = needs.services().stream()
                .map(service -> service == EndpointService.S3 ? "prod-" + region + "-starport-layer-bucket.s3." + region
                        + ".amazonaws.com (ECR's layers) and the task's own buckets" : service.dnsName(region))
                .collect(Collectors.joining(", "));
        return " (a firewall, an inspection appliance or a central egress VPC): AWS services are reached through it, "
                + "so a failure is more likely what it filters (the task's start-up needs " + names + "), a security "
                + "group, NACL or DNS; endpoints with private DNS would take this VPC's AWS traffic out of its path, so "
                + "none are made unless the team asks (REMEDIATE_WITH_INTERNET_PATH)";
    }

    /**
     * The subnet looks public, but the task has no public address for its gateway to serve: endpoints
     * serve its AWS needs (the planner makes them as for an isolated subnet), or a public IP or a NAT
     * gateway gives it the internet.
     */
    private void gatewayWithoutPublicIp(Route gateway) {
        findings.add(FindingCode.INTERNET_GATEWAY_WITHOUT_PUBLIC_IP, null, Severity.ADVISORY, routeTable.id(),
                "route table " + routeTable.id() + " sends " + ANYWHERE + " to " + gateway.target() + ", but the task "
                        + "gets no public IP (assignPublicIp DISABLED), so it reaches nothing through it: endpoints serve "
                        + "its AWS start-up needs (made as for an isolated subnet), or a public IP (assignPublicIp=ENABLED "
                        + "in the service's or run-task's network configuration) or a NAT gateway gives it the internet",
                publicIpOrNat(gateway));
    }

    /** The public IP the gateway needs, or the way without one: a NAT gateway. */
    private String publicIpOrNat(Route gateway) {
        return Fixes.assignPublicIp(placement.service(), placement.subnetId(), placement.securityGroupIds())
                + " (or keep the tasks without a public IP in subnets whose route table sends " + ANYWHERE
                + " to a NAT gateway: " + routeTable.id() + " sends it to " + gateway.target() + ")";
    }

    /**
     * Blocking when the task needs what only the internet serves; otherwise the endpoints serve its
     * start-up and the dead route only drops the rest of its traffic.
     */
    private void blackhole(Route route, boolean internetNeeded) {
        findings.add(FindingCode.DEFAULT_ROUTE_BLACKHOLE, null, internetNeeded ? Severity.BLOCKING : Severity.ADVISORY,
                routeTable.id(), "route table " + routeTable.id() + " sends " + ANYWHERE + " to " + route.target()
                        + ", which no longer exists (route state blackhole): the subnet has no internet path and its "
                        + "traffic to anything no endpoint serves is dropped; point the route at a working target "
                        + "(replace-route: create-route fails while the dead route is there), or, if the subnet is "
                        + "meant to be isolated, remove it: aws ec2 delete-route --route-table-id " + routeTable.id()
                        + " --destination-cidr-block " + ANYWHERE,
                restore(route));
    }

    /** The dead route pointed at a working target of its kind: one the VPC's other route tables use, if any. */
    private String restore(Route dead) {
        String kind = dead.target() == null ? "" : dead.target().substring(0, dead.target().indexOf('-') + 1);
        String working = snapshot.routeTables().stream()
                .flatMap(table -> table.internetPath().stream())
                .map(Route::target)
                .filter(target -> !kind.isEmpty() && target.startsWith(kind))
                .sorted().findFirst()
                .orElse(Fixes.placeholderTarget(kind));
        return Fixes.replaceDefaultRoute(routeTable.id(), working);
    }
}
