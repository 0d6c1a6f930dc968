package ecsvpce.app;

import ecsvpce.app.port.ActionResult;
import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.VpcChanges;
import ecsvpce.app.port.VpcReads;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.plan.Plan;
import ecsvpce.report.ActionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Read a VPC, decide, apply; when a write loses a race to a concurrent invocation, read again and
 * decide again, so what the other invocation created is adopted rather than duplicated. Shared by
 * the task-stopped function and the sweep. A dry run is simply {@link VpcChanges#dryRun()}.
 */
final class VpcConvergence {
    /**
     * Rounds of read-decide-apply when writes keep losing races; beyond that Lambda retries later.
     * Three cover any number of racers when reads see the writes that beat ours: the group lost
     * (round 1), every endpoint lost in one pass, since the writer goes on past a lost one (round 2),
     * all adopted (round 3).
     */
    static final int MAX_ROUNDS = 3;

    private final VpcReads reads;
    private final VpcChanges changes;

    VpcConvergence(VpcReads reads, VpcChanges changes) {
        this.reads = reads;
        this.changes = changes;
    }

    /**
     * @param decide a pure decision over the VPC's snapshot
     * @param planOf the plan inside that decision
     * @throws CallFailure.LostRace    when every round lost a race
     * @throws CallFailure.StillFailing when a read or write outlasted the SDK's retries
     */
    <D> Result<D> converge(String vpcId, Function<NetworkSnapshot, D> decide, Function<D, Plan> planOf) {
        List<ActionResult> earlier = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int round = 1; ; round++) {
            D decision = decide.apply(reads.snapshot(vpcId));
            Plan plan = planOf.apply(decision);
            if (plan.isEmpty()) {
                return new Result<>(decision, earlier, notes, Optional.empty());
            }
            List<ActionResult> thisRound = new ArrayList<>();
            try {
                changes.apply(plan.actions(), thisRound);
                return new Result<>(decision, concat(earlier, thisRound), notes, Optional.empty());
            } catch (CallFailure.LostRace race) {
                earlier.addAll(thisRound);
                notes.add("round " + round + ": " + race.getMessage() + "; re-read the VPC to adopt what is there");
                if (round == MAX_ROUNDS) {
                    throw race;
                }
            } catch (CallFailure.Refused failure) {
                // Not a prefix: an action that lost a race earlier in the pass was skipped, not applied.
                plan.actions().stream()
                        .filter(action -> thisRound.stream().noneMatch(done -> done.action() == action))
                        .forEach(action -> thisRound.add(new ActionResult(action, ActionStatus.NOT_APPLIED, null)));
                return new Result<>(decision, concat(earlier, thisRound), notes, Optional.of(failure));
            }
        }
    }

    private static List<ActionResult> concat(List<ActionResult> first, List<ActionResult> second) {
        List<ActionResult> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * @param decision       the last decision made
     * @param actions  every action over every round and what became of it: applied, planned (dry
     *                 run) or, after a failure, not applied
     * @param failure  the permanent failure that stopped the apply, if any
     */
    record Result<D>(D decision, List<ActionResult> actions, List<String> notes,
                     Optional<CallFailure.Refused> failure) {

        List<ecsvpce.report.ActionReport> actionReports() {
            return actions.stream().map(result -> new ecsvpce.report.ActionReport(result.action().type().name(),
                    result.action().describe(), result.status(), result.resourceId(),
                    result.action().monthlyCostUsd())).toList();
        }
    }
}
