package ecsvpce.app.port;

import ecsvpce.core.network.NetworkSnapshot;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the use cases read about VPCs. Read only. */
public interface VpcReads {

    /**
     * Reads for one run over many VPCs (a sweep): what VPCs share, such as a hub's private hosted
     * zones, may be read once for the run instead of once per VPC. Nothing is kept beyond the run.
     */
    default VpcReads forOneRun() {
        return this;
    }

    /** Everything a decision about the VPC needs, read at once. */
    NetworkSnapshot snapshot(String vpcId);

    /** The VPC of each subnet that still exists; missing subnets are simply absent. */
    Map<String, String> vpcsOfSubnets(Collection<String> subnetIds);

    /** The security groups of a network interface, or empty once the interface is gone. */
    Optional<List<String>> securityGroupsOfInterface(String networkInterfaceId);
}
