package ecsvpce.handler;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: just before Lambda takes a function's snapshot, build its SDK clients and
 * rehearse its whole path offline ({@link Rehearsal}), so the classes a first invocation loads are
 * loaded and their hot code compiled in the snapshot. Without a checkpoint (a plain cold start, a
 * test) nothing runs. Priming never stops a snapshot: a step that fails is reported on stderr and
 * the function starts unprimed.
 */
final class Priming implements Resource {
    /** Checkpoint contexts may hold resources weakly; these are the strong references. */
    private static final Set<Priming> REGISTERED = ConcurrentHashMap.newKeySet();

    private final List<Runnable> steps;

    private Priming(List<Runnable> steps) {
        this.steps = List.copyOf(steps);
    }

    static Priming register(Runnable... steps) {
        Priming priming = new Priming(List.of(steps));
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** Every priming registered in this process. */
    static Set<Priming> registered() {
        return Set.copyOf(REGISTERED);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                System.err.println("priming: a step failed, the first invocations will be slower: " + e);
            }
        }
        System.err.printf("priming: done in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing was captured that a restore must refresh: see Rehearsal.
    }
}
