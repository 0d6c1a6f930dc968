package ecsvpce.aws;

import ecsvpce.core.plan.Action;

/**
 * An action that was carried out.
 *
 * @param resourceId the resource it created or changed
 */
public record AppliedAction(Action action, String resourceId) {
}
