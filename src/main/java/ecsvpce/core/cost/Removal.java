package ecsvpce.core.cost;

import java.time.Instant;

/**
 * What becomes of an interface endpoint after its verdict. Only an endpoint the product created
 * (its tag) is ever removed, only when the team turned removal on, never in a dry run, and only when
 * two sweeps in a row found it idle: the first marks it (a tag of ours on the endpoint, the time of
 * that sweep), the second removes it. An endpoint found anything but idle loses the mark, so the
 * count starts again. Everything else that is idle is left to a person, with the command. Pure.
 */
public final class Removal {
    private Removal() {
    }

    public enum Step {
        /** Nothing to do. */
        NONE,
        /** Idle, and left to a person: the report gives the command. */
        REPORT,
        /** First idle sighting: tag it with the time. */
        MARK,
        /** Second sighting in a row: delete it. */
        DELETE,
        /** Marked before, not idle now: take the mark off. */
        UNMARK
    }

    /** @param reason why this step, for the report */
    public record Decision(Step step, String reason) {
    }

    /**
     * @param removeIdle the team's opt-in ({@code RemoveIdleEndpoints})
     * @param dryRun     nothing may be written
     */
    public static Decision decide(InterfaceEndpoint endpoint, Idleness.Verdict verdict, boolean removeIdle,
                                  boolean dryRun, Instant now) {
        boolean marked = endpoint.tags().containsKey(InterfaceEndpoint.IDLE_SINCE);
        if (!verdict.idle()) {
            return marked && endpoint.ours() && !dryRun
                    ? new Decision(Step.UNMARK, "no longer idle: the idle mark is taken off")
                    : new Decision(Step.NONE, verdict.reason());
        }
        if (!endpoint.ours()) {
            return new Decision(Step.REPORT, "not created by the product: a person decides");
        }
        if (endpoint.optedOut()) {
            return new Decision(Step.REPORT, "tagged ecs-vpce-remediator:skip: a person decides");
        }
        if (!removeIdle) {
            return new Decision(Step.REPORT, "RemoveIdleEndpoints is off: a person decides");
        }
        if (endpoint.deleteRefused()) {
            return new Decision(Step.REPORT, "an earlier delete was refused: not tried again; delete it by hand, "
                    + "or remove the tag " + InterfaceEndpoint.IDLE_SINCE + " to let the product try again");
        }
        // A mark is an earlier sweep's, however close (a sweep reads the tags before it marks); one
        // from the future was written by hand or by a skewed clock, and starts the count again.
        var since = endpoint.idleSince().filter(first -> !first.isAfter(now));
        if (dryRun) {
            return new Decision(Step.REPORT, since.isPresent() ? "dry run: would be removed (idle since " + since.get() + ")"
                    : "dry run: would be marked idle, and removed at the next sweep that finds it idle");
        }
        return since.isPresent()
                ? new Decision(Step.DELETE, "idle at two sweeps in a row (first " + since.get() + ")")
                : new Decision(Step.MARK, "first idle sighting: removed at the next sweep if still idle");
    }

    /** The exact command a person runs to remove it. */
    public static String command(InterfaceEndpoint endpoint, String region) {
        return "aws ec2 delete-vpc-endpoints --vpc-endpoint-ids " + endpoint.id() + " --region " + region;
    }
}
