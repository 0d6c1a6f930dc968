package ecsvpce.app;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An action of a plan and what became of it.
 *
 * @param status     APPLIED, PLANNED (dry run) or NOT_APPLIED (an earlier action failed)
 * @param resourceId the resource created or changed, once applied
 */
public record ActionReport(String type, String description, String status, String resourceId,
                           BigDecimal monthlyCostUsd) {

    /** Every action of a convergence: applied ones with their resource, then the rest. */
    public static List<ActionReport> of(VpcConvergence.Result<?> result, Mode mode) {
        List<ActionReport> reports = new ArrayList<>();
        result.applied().forEach(done -> reports.add(new ActionReport(done.action().type().name(),
                done.action().describe(), "APPLIED", done.resourceId(), done.action().monthlyCostUsd())));
        String pending = mode == Mode.DRY_RUN ? "PLANNED" : "NOT_APPLIED";
        result.notApplied().forEach(action -> reports.add(new ActionReport(action.type().name(), action.describe(),
                pending, null, action.monthlyCostUsd())));
        return reports;
    }

    /** What the actions add to the bill: what was created or, in a dry run, would be; never what failed. */
    public static BigDecimal monthlyCost(List<ActionReport> actions) {
        return actions.stream().filter(a -> !"NOT_APPLIED".equals(a.status()))
                .map(ActionReport::monthlyCostUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
