package ecsvpce.core.network;

import java.util.Comparator;
import java.util.List;

/**
 * A network ACL: stateless, its rules evaluated in number order, the first that matches deciding.
 *
 * @param isDefault  the VPC's default ACL, used by every subnet without an explicit association
 * @param subnetIds  the subnets explicitly associated with it
 */
public record NetworkAcl(String id, boolean isDefault, List<String> subnetIds, List<Rule> rules) {

    public NetworkAcl {
        subnetIds = List.copyOf(subnetIds);
        rules = rules.stream().sorted(Comparator.comparingInt(Rule::number)).toList();
    }

    /** The rules of one direction, in the order they are evaluated. */
    public List<Rule> rules(boolean egress) {
        return rules.stream().filter(rule -> rule.egress() == egress).toList();
    }

    /**
     * One entry of an ACL.
     *
     * @param protocol the protocol number, as EC2 gives it: {@code -1} (all), {@code 6} (TCP), {@code 17}
     *                 (UDP), ... (<a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkAclEntry.html">NetworkAclEntry</a>)
     * @param fromPort first port, null when the rule covers every port
     * @param toPort   last port, null when the rule covers every port
     * @param cidr     the IPv4 block the rule applies to; null for an IPv6-only rule
     */
    public record Rule(int number, boolean egress, String protocol, boolean allow, String cidr, Integer fromPort,
                       Integer toPort) {
        private static final String ALL = "-1";
        private static final String TCP = "6";

        /** Whether the rule applies to TCP on every port of {@code from}..{@code to}. */
        public boolean coversTcp(int from, int to) {
            return appliesToTcp() && (everyPort() || (fromPort <= from && to <= toPort));
        }

        /** Whether the rule applies to TCP on some port of {@code from}..{@code to}. */
        public boolean touchesTcp(int from, int to) {
            return appliesToTcp() && (everyPort() || (fromPort <= to && from <= toPort));
        }

        private boolean appliesToTcp() {
            return ALL.equals(protocol) || TCP.equals(protocol);
        }

        private boolean everyPort() {
            return fromPort == null || toPort == null || ALL.equals(protocol);
        }
    }
}
