package ecsvpce.core.diagnosis;

import ecsvpce.core.EndpointService;
import ecsvpce.core.network.Cidr;
import ecsvpce.core.network.NetworkAcl;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.Subnet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether the network ACLs let a task's HTTPS to an endpoint and its answers through. ACLs are
 * stateless and evaluated rule by rule in number order, the first match deciding; traffic inside
 * one subnet never crosses an ACL. Checked both ways: the request (TCP 443) and the answer (the
 * ephemeral ports 1024-65535), on the task's subnet and, for an interface endpoint, on the
 * endpoint's subnet (docs/real-estates.md#network-acls). Never changed by the product.
 */
final class AclCheck {
    static final String ANYWHERE = "0.0.0.0/0";
    private static final int HTTPS = 443;
    private static final int EPHEMERAL_FROM = 1024;
    private static final int EPHEMERAL_TO = 65535;
    /** The number of the rule every ACL ends with, {@code *}, which denies what no rule allowed. */
    private static final int LAST_RULE = 32767;

    private final NetworkSnapshot snapshot;
    private final Subnet taskSubnet;
    private final Findings findings;

    AclCheck(NetworkSnapshot snapshot, Subnet taskSubnet, Findings findings) {
        this.snapshot = snapshot;
        this.taskSubnet = taskSubnet;
        this.findings = findings;
    }

    /** HTTPS to an endpoint outside the VPC's known subnets (S3's gateway addresses, a hub VPC's endpoint). */
    void towardsAnywhere(EndpointService service) {
        path(service, taskSubnet, ANYWHERE, true);
    }

    /** HTTPS to an interface endpoint's network interfaces in these subnets. */
    void towardsSubnets(EndpointService service, List<Subnet> endpointSubnets) {
        for (Subnet endpointSubnet : endpointSubnets) {
            if (!endpointSubnet.id().equals(taskSubnet.id())
                    && (!path(service, taskSubnet, endpointSubnet.cidrBlock(), true)
                    || !path(service, endpointSubnet, taskSubnet.cidrBlock(), false))) {
                return;
            }
        }
    }

    /**
     * One side of the path: the request leaves (task side) or enters (endpoint side) the subnet, the
     * answer comes back the other way. Returns false once a finding was added.
     */
    private boolean path(EndpointService service, Subnet subnet, String peer, boolean taskSide) {
        Optional<NetworkAcl> acl = snapshot.networkAclOf(subnet.id());
        if (acl.isEmpty()) {
            return true;
        }
        return allows(service, acl.get(), subnet, taskSide, HTTPS, HTTPS, peer)
                && allows(service, acl.get(), subnet, !taskSide, EPHEMERAL_FROM, EPHEMERAL_TO, peer);
    }

    private boolean allows(EndpointService service, NetworkAcl acl, Subnet subnet, boolean egress, int fromPort,
                           int toPort, String peer) {
        List<NetworkAcl.Rule> rules = acl.rules(egress);
        boolean narrowerAllowFirst = false;
        for (NetworkAcl.Rule rule : rules) {
            if (!rule.touchesTcp(fromPort, toPort) || rule.cidr() == null || !Cidr.overlap(rule.cidr(), peer)) {
                continue;
            }
            boolean whole = rule.coversTcp(fromPort, toPort) && Cidr.covers(rule.cidr(), peer);
            if (rule.allow() && whole) {
                return true;
            }
            if (rule.allow()) {
                narrowerAllowFirst = true;
            } else if (!ANYWHERE.equals(peer) || ANYWHERE.equals(rule.cidr())) {
                report(service, acl, subnet, egress, fromPort, toPort, peer, rule.number(), narrowerAllowFirst);
                return false;
            }
        }
        report(service, acl, subnet, egress, fromPort, toPort, peer, LAST_RULE, narrowerAllowFirst);
        return false;
    }

    private void report(EndpointService service, NetworkAcl acl, Subnet subnet, boolean egress, int fromPort,
                        int toPort, String peer, int ruleNumber, boolean mayPass) {
        boolean request = fromPort == HTTPS;
        String rule = ruleNumber == LAST_RULE ? "its last rule (*), since no rule allows it" : "rule " + ruleNumber;
        String what = (request ? "TCP 443" : "the answers (TCP 1024-65535)") + (egress ? " out to " : " in from ")
                + (ANYWHERE.equals(peer) ? "the service's addresses" : peer);
        String explanation = "network ACL " + acl.id() + " of " + subnet.id() + " denies " + what + " by " + rule
                + (mayPass ? "; narrower rules before it may let the service's addresses through" : "")
                + " (" + service.id() + "; ACLs are stateless and are not changed by the product)";
        OptionalInt free = freeRuleBelow(acl, egress, ruleNumber);
        // With no number free before the blocking entry, that entry itself has to become the allow.
        String fix = free.isPresent() ? Fixes.aclAllow(acl.id(), free.getAsInt(), egress, fromPort, toPort, peer)
                : Fixes.aclReplaceWithAllow(acl.id(), ruleNumber, egress, fromPort, toPort, peer);
        findings.add(request ? FindingCode.NETWORK_ACL_BLOCKS_443 : FindingCode.NETWORK_ACL_BLOCKS_RETURN_TRAFFIC,
                service, mayPass ? Severity.UNVERIFIED : Severity.BLOCKING, acl.id(), explanation, fix);
    }

    /** The highest free rule number below the blocking rule, so a new allow is evaluated first; none if all are taken. */
    private static OptionalInt freeRuleBelow(NetworkAcl acl, boolean egress, int blocking) {
        List<Integer> taken = acl.rules(egress).stream().map(NetworkAcl.Rule::number).toList();
        for (int number = blocking - 1; number >= 1; number--) {
            if (!taken.contains(number)) {
                return OptionalInt.of(number);
            }
        }
        return OptionalInt.empty();
    }
}
