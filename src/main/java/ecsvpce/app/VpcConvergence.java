package ecsvpce.app;

import ecsvpce.aws.AppliedAction;
import ecsvpce.aws.AwsCallFailure;
import ecsvpce.aws.ConcurrentChange;
import ecsvpce.aws.Ec2NetworkReader;
import ecsvpce.aws.Ec2NetworkWriter;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.plan.Action;
import ecsvpce.core.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Read a VPC, decide, apply; when a write loses a race to a concurrent invocation, read again and
 * decide again, so what the other invocation created is adopted rather than duplicated. Shared by
 * the task-stopped function and the sweep.
 */
public final class VpcConvergence {
    /**
     * Rounds of read-decide-apply when writes keep losing races; beyond that Lambda retries later.
     * Three cover any number of racers when reads see the writes that beat ours: the group lost
     * (round 1), every endpoint lost in one pass, since the writer goes on past a lost one (round 2),
     * all adopted (round 3).
     */
    static final int MAX_ROUNDS = 3;

    private final Ec2NetworkReader reader;
    private final Ec2NetworkWriter writer;
    private final Mode mode;

    public VpcConvergence(Ec2NetworkReader reader, Ec2NetworkWriter writer, Mode mode) {
        this.reader = reader;
        this.writer = writer;
        this.mode = mode;
    }

    /**
     * @param decide a pure decision over the VPC's snapshot
     * @param planOf the plan inside that decision
     */
    public <D> Result<D> converge(String vpcId, Function<NetworkSnapshot, D> decide, Function<D, Plan> planOf) {
        List<AppliedAction> applied = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int round = 1; ; round++) {
            D decision = decide.apply(reader.snapshot(vpcId));
            Plan plan = planOf.apply(decision);
            if (mode == Mode.DRY_RUN || plan.isEmpty()) {
                return new Result<>(decision, applied, mode == Mode.DRY_RUN ? plan.actions() : List.of(), notes,
                        Optional.empty());
            }
            List<AppliedAction> appliedThisRound = new ArrayList<>();
            try {
                writer.apply(plan.actions(), appliedThisRound);
                applied.addAll(appliedThisRound);
                return new Result<>(decision, applied, List.of(), notes, Optional.empty());
            } catch (ConcurrentChange race) {
                applied.addAll(appliedThisRound);
                notes.add("round " + round + ": " + race.getMessage() + "; re-read the VPC to adopt what is there");
                if (round == MAX_ROUNDS) {
                    throw race;
                }
            } catch (AwsCallFailure failure) {
                applied.addAll(appliedThisRound);
                // Not a prefix: an action that lost a race earlier in the pass was skipped, not applied.
                List<Action> notApplied = plan.actions().stream()
                        .filter(action -> appliedThisRound.stream().noneMatch(done -> done.action() == action))
                        .toList();
                return new Result<>(decision, applied, notApplied, notes, Optional.of(failure));
            }
        }
    }

    /**
     * @param decision   the last decision made
     * @param applied    every action applied, over every round
     * @param notApplied planned but not applied: the dry run's whole plan, or what a failure cut off
     * @param failure    the permanent failure that stopped the apply, if any
     */
    public record Result<D>(D decision, List<AppliedAction> applied, List<Action> notApplied, List<String> notes,
                            Optional<AwsCallFailure> failure) {
    }
}
