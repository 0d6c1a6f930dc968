package ecsvpce.app.port;

import ecsvpce.core.plan.Action;
import ecsvpce.report.ActionStatus;

/**
 * What became of one action of a plan.
 *
 * @param resourceId the resource it created or changed, once applied; null otherwise
 */
public record ActionResult(Action action, ActionStatus status, String resourceId) {

    public static ActionResult applied(Action action, String resourceId) {
        return new ActionResult(action, ActionStatus.APPLIED, resourceId);
    }
}
