package ecsvpce.core.plan;

import ecsvpce.core.diagnosis.Finding;
import java.math.BigDecimal;
import java.util.List;

/**
 * The ordered changes that fix a VPC's blocking findings, and what is left as it is.
 *
 * @param actions   in the order they must be applied
 * @param unfixed   blocking findings no action addresses (they need a person)
 * @param heldBack  why findings were deliberately not acted on (stop reason class, internet path)
 */
public record Plan(List<Action> actions, List<Finding> unfixed, List<HeldBack> heldBack) {
    public Plan {
        actions = List.copyOf(actions);
        unfixed = List.copyOf(unfixed);
        heldBack = List.copyOf(heldBack);
    }

    public static Plan heldBack(HeldBack why, List<Finding> blocking) {
        return new Plan(List.of(), blocking, List.of(why));
    }

    /** Whether the team opted this VPC or subnet out with the skip tag. */
    public boolean optedOut(String vpcId, String subnetId) {
        return heldBack.stream().anyMatch(h -> h.reason() == HeldBack.Reason.OPTED_OUT
                && (vpcId.equals(h.scope()) || subnetId.equals(h.scope())));
    }

    /** What the created endpoints add to the monthly bill (interface endpoints per AZ; gateways are free). */
    public BigDecimal monthlyCostUsd() {
        return actions.stream().map(Action::monthlyCostUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }
}
