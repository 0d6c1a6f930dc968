package ecsvpce.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;

/**
 * The network a {@link FargateScenario} builds, as its builder was told: VPC, subnets by name (in
 * creation order), the path to the internet, the task group's egress, the endpoints that exist
 * before the task runs.
 *
 * @param namePrefix prefix of the Name tags and group names
 * @param taskEgress the task group's only egress rules; null: all traffic out
 */
record NetworkSpec(String namePrefix, String vpcCidr, boolean dnsSupport, boolean dnsHostnames,
                   Map<String, SubnetSpec> subnets, Internet internet, List<TcpRule> taskEgress,
                   List<EndpointSpec> endpoints) {

    /** The public subnet of the NAT gateway (in {@code private-a}'s AZ). */
    static final String NAT_PUBLIC_SUBNET_CIDR = "10.0.100.0/24";

    NetworkSpec {
        subnets = Collections.unmodifiableMap(new LinkedHashMap<>(subnets));
        taskEgress = taskEgress == null ? null : List.copyOf(taskEgress);
        endpoints = List.copyOf(endpoints);
    }

    enum Internet { NONE, INTERNET_GATEWAY, NAT_GATEWAY }

    record SubnetSpec(String az, String cidr, boolean ownRouteTable) {
    }

    /** An allowed TCP port to or from a CIDR. */
    record TcpRule(int port, String cidr) {
        IpPermission permission() {
            return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                    .ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
        }
    }
}
