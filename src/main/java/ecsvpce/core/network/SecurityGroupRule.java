package ecsvpce.core.network;

import java.util.List;

/**
 * One ingress or egress permission of a security group.
 *
 * @param protocol      {@code -1} (all), {@code tcp}, {@code udp}, {@code icmp} or a protocol number
 * @param fromPort      first port, null when the protocol has none
 * @param toPort        last port, null when the protocol has none
 * @param ipv4Cidrs     peer CIDR blocks
 * @param groupIds      peer security groups
 * @param prefixListIds peer prefix lists
 */
public record SecurityGroupRule(
        String protocol,
        Integer fromPort,
        Integer toPort,
        List<String> ipv4Cidrs,
        List<String> groupIds,
        List<String> prefixListIds) {

    public SecurityGroupRule {
        ipv4Cidrs = ipv4Cidrs == null ? List.of() : List.copyOf(ipv4Cidrs);
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        prefixListIds = prefixListIds == null ? List.of() : List.copyOf(prefixListIds);
    }

    /** Whether the rule lets TCP port 443 through, whatever the peer. */
    public boolean coversTcp443() {
        if ("-1".equals(protocol) || "all".equalsIgnoreCase(protocol)) {
            return true;
        }
        if (!"tcp".equalsIgnoreCase(protocol) && !"6".equals(protocol)) {
            return false;
        }
        return fromPort != null && toPort != null && fromPort <= 443 && 443 <= toPort;
    }
}
