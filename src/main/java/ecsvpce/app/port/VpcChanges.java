package ecsvpce.app.port;

import ecsvpce.core.plan.Action;
import java.util.List;

/** Carries out a plan's actions on a VPC, or, in a dry run, only says it would. */
public interface VpcChanges {

    /**
     * Applies the actions in order, adding what became of each to {@code done} as soon as it is
     * known, so a report can show partial progress. Actions that lose a race to a concurrent
     * invocation are skipped and, once the pass is over, thrown as one {@link CallFailure.LostRace}
     * (re-read and adopt); any other failure stops the pass at once and is thrown.
     */
    void apply(List<Action> actions, List<ActionResult> done);

    /** Writes nothing: every action is reported as planned. */
    static VpcChanges dryRun() {
        return (actions, done) -> actions.forEach(action ->
                done.add(new ActionResult(action, ecsvpce.report.ActionStatus.PLANNED, null)));
    }
}
