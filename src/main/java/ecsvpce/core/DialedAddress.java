package ecsvpce.core;

import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.diagnosis.Severity;
import ecsvpce.core.failure.Classification;
import ecsvpce.core.network.Cidr;
import ecsvpce.core.network.NetworkSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The address in a stop reason's {@code dial tcp ADDRESS:443} is evidence
 * (docs/real-estates.md#the-address-in-dial-tcp-is-evidence): a private address inside the VPC means
 * the service's name already answered with something in the VPC, so a second endpoint cannot help
 * and must never be made; what blocks is for a person to find. A public address means DNS did not
 * lead to an endpoint, which the diagnosis already says.
 */
final class DialedAddress {
    private DialedAddress() {
    }

    static Diagnosis weigh(Diagnosis diagnosis, Classification classification, NetworkSnapshot snapshot) {
        Optional<String> address = classification.dialedAddress()
                .filter(a -> Cidr.parse(a + "/32").isPresent()
                        && snapshot.vpc().cidrBlocks().stream().anyMatch(block -> Cidr.covers(block, a + "/32")));
        if (address.isEmpty() || classification.service().isEmpty()) {
            return diagnosis;
        }
        EndpointService service = classification.service().get();
        List<Finding> ofService = diagnosis.findings().stream().filter(f -> f.service() == service).toList();
        boolean missing = ofService.stream().anyMatch(f -> f.code() == FindingCode.ENDPOINT_MISSING);
        // A pending endpoint answers DNS before it serves: that explains a failure by itself.
        boolean explained = ofService.stream().anyMatch(f -> f.severity() != Severity.ADVISORY
                || f.code() == FindingCode.ENDPOINT_PENDING);
        if (!missing && explained) {
            return diagnosis;
        }
        List<Finding> findings = new ArrayList<>(diagnosis.findings());
        findings.removeIf(f -> f.service() == service && f.code() == FindingCode.ENDPOINT_MISSING);
        findings.add(new Finding(FindingCode.ENDPOINT_REACHED_BUT_BLOCKED, service, Severity.BLOCKING, address.get(),
                "the task reached " + address.get() + ", inside " + snapshot.vpcId() + ", for " + service.id()
                        + (missing ? " although the VPC has no " + service.id() + " endpoint: its name answers with "
                        + "something else in the VPC (a zone, custom DNS, a proxy), so no endpoint is made beside it"
                        : " and could not get through, though every check the product can make passes: look at what it cannot "
                        + "see, such as that address's own security groups or a firewall in the path"),
                "find what holds the address: aws ec2 describe-network-interfaces --filters "
                        + "Name=addresses.private-ip-address,Values=" + address.get()));
        return new Diagnosis(diagnosis.vpcId(), diagnosis.subnetId(), diagnosis.availabilityZone(),
                diagnosis.routeTableId(), diagnosis.internetPath(), findings);
    }
}
