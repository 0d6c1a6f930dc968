package ecsvpce.core.diagnosis;

import java.util.List;
import java.util.Optional;

/**
 * What a task's network lacks for its needs.
 *
 * @param routeTableId     the route table the task's subnet uses
 * @param internetPath     the default route's target when the task reaches the internet through it (an
 *                         internet gateway only when the task may have a public IP)
 */
public record Diagnosis(
        String vpcId,
        String subnetId,
        String availabilityZone,
        String routeTableId,
        Optional<String> internetPath,
        List<Finding> findings) {

    public Diagnosis {
        findings = List.copyOf(findings);
    }

    public List<Finding> blocking() {
        return findings.stream().filter(Finding::isBlocking).toList();
    }

    /** Checks that could not be made or could not decide: a person has to look. */
    public List<Finding> unverified() {
        return findings.stream().filter(f -> f.severity() == Severity.UNVERIFIED).toList();
    }
}
