package ecsvpce.support.fakeec2;

import static ecsvpce.support.fakeec2.Ec2Errors.error;
import static ecsvpce.support.fakeec2.Ec2Errors.require;

import ecsvpce.support.fakeec2.Ec2State.EndpointState;
import ecsvpce.support.fakeec2.Ec2State.RouteTableState;
import ecsvpce.support.fakeec2.Ec2State.SubnetState;
import ecsvpce.support.fakeec2.Ec2State.VpcState;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The checks AWS makes before it creates or changes an endpoint, each failing with AWS's error
 * code: one subnet per AZ, one private-DNS interface endpoint per service and VPC, private DNS
 * only with both VPC DNS attributes, one route per gateway service on a route table.
 */
final class ConflictRules {
    private static final Set<String> GONE_STATES = Set.of("deleted", "deleting", "rejected", "failed");

    private final Ec2State state;

    ConflictRules(Ec2State state) {
        this.state = state;
    }

    /** Subnets {@code added} to an interface endpoint that has {@code kept}: in the VPC, one per AZ. */
    void checkSubnets(String vpcId, Collection<String> kept, List<String> added) {
        Set<String> zones = new LinkedHashSet<>();
        for (String subnetId : kept) {
            zones.add(state.subnets.get(subnetId).az());
        }
        for (String subnetId : added) {
            SubnetState subnet = require(state.subnets, subnetId, "InvalidSubnetID.NotFound");
            if (!subnet.vpcId().equals(vpcId)) {
                throw error("InvalidParameter", "The subnet " + subnetId + " is not in VPC " + vpcId);
            }
            if (!zones.add(subnet.az()) && !kept.contains(subnetId)) {
                throw error("DuplicateSubnetsInSameZone", "Found another VPC endpoint subnet in the availability zone of "
                        + subnetId + ". VPC endpoint subnets should be in different availability zones supported by the "
                        + "VPC endpoint service.");
            }
        }
    }

    /** Private DNS for a service's endpoint: both DNS attributes on, no other live private-DNS endpoint. */
    void checkPrivateDns(VpcState vpc, String serviceName, String exceptEndpointId) {
        if (!vpc.dnsSupport || !vpc.dnsHostnames) {
            throw error("InvalidParameter", "Enabling private DNS requires both enableDnsSupport and "
                    + "enableDnsHostnames VPC attributes set to true for " + vpc.id);
        }
        boolean taken = state.endpoints.values().stream().anyMatch(other -> !other.id.equals(exceptEndpointId)
                && other.vpcId.equals(vpc.id) && other.serviceName.equals(serviceName)
                && other.isInterface() && other.privateDns && isLive(other));
        if (taken) {
            throw error("InvalidParameter", "private-dns-enabled cannot be set because there is already a "
                    + "conflicting DNS domain for " + privateDnsName(serviceName) + " in the VPC " + vpc.id);
        }
    }

    /** A gateway service's route on a table: not there yet for another endpoint. */
    void checkRouteTableFree(RouteTableState table, String serviceName, String exceptEndpointId) {
        String prefixList = prefixList(serviceName);
        boolean taken = table.routes.stream().anyMatch(r -> prefixList.equals(r.prefixListId())
                && !Objects.equals(r.target(), exceptEndpointId));
        if (taken) {
            throw error("RouteAlreadyExists", "route table " + table.id + " already has a route with "
                    + "destination-prefix-list-id " + prefixList);
        }
    }

    /** The made-up but stable prefix list id of a gateway service. */
    static String prefixList(String serviceName) {
        return "pl-" + Integer.toHexString(serviceName.hashCode() & 0x7fffffff);
    }

    private static boolean isLive(EndpointState endpoint) {
        return !GONE_STATES.contains(endpoint.state);
    }

    private static String privateDnsName(String serviceName) {
        String prefix = "com.amazonaws." + FakeEc2.REGION + ".";
        String shortName = serviceName.startsWith(prefix) ? serviceName.substring(prefix.length()) : serviceName;
        return switch (shortName) {
            case "ecr.api" -> "api.ecr." + FakeEc2.REGION + ".amazonaws.com";
            case "ecr.dkr" -> "*.dkr.ecr." + FakeEc2.REGION + ".amazonaws.com";
            default -> shortName + "." + FakeEc2.REGION + ".amazonaws.com";
        };
    }
}
