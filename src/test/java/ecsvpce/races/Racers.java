package ecsvpce.races;

import ecsvpce.report.ActionReport;
import ecsvpce.report.TaskReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs invocations at the same moment, one thread each (as concurrent Lambda execution
 * environments would), and sums up what each came to.
 */
final class Racers {
    /** Notes of a convergence round that lost a race start like this (VpcConvergence). */
    private static final String LOST_ROUND_NOTE = "round ";

    private Racers() {
    }

    /**
     * What one invocation came to: its report's outcome, the rounds of read-decide-apply it used,
     * the resource ids its actions name, or what it threw.
     */
    record Result(int index, String outcome, int rounds, List<String> actionTypes, List<String> resourceIds,
                  List<String> notes, Throwable thrown, long millis) {
        boolean threw() {
            return thrown != null;
        }
    }

    /** Starts every invocation at once and waits for all of them. */
    static <T> List<Result> race(List<Callable<T>> invocations, Duration timeout,
                                 java.util.function.BiFunction<Integer, T, Result> summarise) throws InterruptedException {
        int n = invocations.size();
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger names = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(n, r -> new Thread(r, "racer-" + names.incrementAndGet()));
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> invocation = invocations.get(i);
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    long start = System.nanoTime();
                    try {
                        T value = invocation.call();
                        Result result = summarise.apply(index, value);
                        return new Result(index, result.outcome(), result.rounds(), result.actionTypes(),
                                result.resourceIds(), result.notes(), null, elapsed(start));
                    } catch (Throwable thrown) {
                        return new Result(index, null, 0, List.of(), List.of(), List.of(), thrown, elapsed(start));
                    }
                }));
            }
            ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            go.countDown();
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                try {
                    results.add(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("an invocation did not finish within " + timeout, e);
                }
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static long elapsed(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Rounds used: one, plus one for each round that lost a race (each leaves a note). */
    static int rounds(List<String> notes) {
        return 1 + (int) notes.stream().filter(n -> n.startsWith(LOST_ROUND_NOTE)).count();
    }

    static Result of(int index, TaskReport report) {
        List<String> notes = report instanceof TaskReport.Examined examined ? examined.notes() : List.of();
        List<ActionReport> actions = report instanceof TaskReport.Examined examined ? examined.actions() : List.of();
        return new Result(index, report.outcome().name(), rounds(notes),
                actions.stream().map(ActionReport::type).toList(),
                actions.stream().map(ActionReport::resourceId).toList(), notes, null, 0);
    }

    /** The handler's answer, as the Lambda runtime would serialise it. */
    @SuppressWarnings("unchecked")
    static Result of(int index, Map<String, Object> report) {
        List<String> notes = (List<String>) report.getOrDefault("notes", List.of());
        List<Map<String, Object>> actions = (List<Map<String, Object>>) report.getOrDefault("actions", List.of());
        return new Result(index, (String) report.get("outcome"), rounds(notes),
                actions.stream().map(a -> (String) a.get("type")).toList(),
                actions.stream().map(a -> (String) a.get("resourceId")).toList(), notes, null, 0);
    }

    /** One line per invocation, for the test's output and failure messages. */
    static String table(List<Result> results) {
        StringBuilder text = new StringBuilder();
        for (Result r : results) {
            text.append(String.format("#%02d %-14s rounds=%d %5d ms actions=%s%s%n", r.index(),
                    r.threw() ? "THREW" : r.outcome(), r.rounds(), r.millis(), r.actionTypes(),
                    r.threw() ? " " + r.thrown() : ""));
        }
        return text.toString();
    }
}
