package ecsvpce.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * An action of a plan and what became of it.
 *
 * @param resourceId the resource created or changed, once applied; null otherwise
 */
public record ActionReport(String type, String description, ActionStatus status, String resourceId,
                           BigDecimal monthlyCostUsd) {

    /** What the actions add to the bill: what was created or, in a dry run, would be; never what failed. */
    public static BigDecimal monthlyCost(List<ActionReport> actions) {
        return actions.stream().filter(a -> a.status() != ActionStatus.NOT_APPLIED)
                .map(ActionReport::monthlyCostUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
