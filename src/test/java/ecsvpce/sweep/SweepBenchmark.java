package ecsvpce.sweep;

import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.testing.MotoServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * {@code scripts/benchmark-sweep [SIZES]}: for each fleet size (services; default 10,100,1000) builds a
 * {@link FleetShape} on the project's moto (loopback), runs SweepFunction on the schedule's event in
 * DRY_RUN, then REMEDIATE, then REMEDIATE again (everything compliant), and prints the calls by
 * operation, the formula each read must equal, the mean time per call and the wall time. Not a test:
 * nothing is asserted on time; it exits 1 only if a count breaks its formula. Reports go to
 * {@code target/benchmark-sweep/}.
 */
public final class SweepBenchmark {
    private static final PrintStream OUT = System.out;
    private static final Path WORK = Path.of("target", "benchmark-sweep");
    private static final List<Mode> RUNS = List.of(Mode.DRY_RUN, Mode.REMEDIATE, Mode.REMEDIATE);
    private static final List<String> RUN_NAMES = List.of("DRY_RUN", "REMEDIATE", "AGAIN");
    /** What an AWS call is taken to take from Lambda (moto answers in a few ms): a cautious figure. */
    private static final double ASSUMED_SECONDS_PER_CALL_ON_AWS = 0.1;
    /** Lambda's arm64 price per GB-second and per request (us-east-1 list prices), at the template's 1 GB. */
    private static final double USD_PER_GB_SECOND = 0.0000133334;
    private static final double USD_PER_REQUEST = 0.0000002;
    private static final int SWEEPS_PER_MONTH = 4 * 30;

    private SweepBenchmark() {
    }

    /** The fleet for a size: 1 cluster per 50 services and 1 VPC per 20 (each 2 to 20), 1 task definition per 10. */
    static FleetShape shape(int services) {
        return new FleetShape(services, Math.max(2, Math.min(20, services / 50)),
                Math.max(2, Math.min(20, services / 20)), Math.max(2, services / 10));
    }

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = args.length == 0 ? List.of(10, 100, 1000)
                : List.of(args[0].split(",")).stream().map(String::trim).map(Integer::parseInt).toList();
        Files.createDirectories(WORK);
        MotoServer moto = MotoServer.get();
        moto.configureSdk();
        OUT.println("sweep benchmark against moto on " + moto.endpointUrl() + " (loopback; log " + moto.logFile() + ")");
        OUT.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores; calls counted by an SDK interceptor (one per API call, SDK retries not counted)");

        List<String> summary = new ArrayList<>();
        List<String> organisation = new ArrayList<>();
        boolean formulasHold = true;
        for (int size : sizes) {
            formulasHold &= run(moto, shape(size), summary, organisation);
        }
        OUT.println();
        OUT.println("## Summary");
        OUT.println();
        OUT.println("| services | clusters | VPCs | task defs | run | calls | reads | writes | wall s | ms/call |");
        OUT.println("|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        summary.forEach(OUT::println);
        OUT.println();
        OUT.println("## One account, and an organisation of such accounts (a compliant sweep every 6 hours)");
        OUT.println();
        OUT.printf(Locale.ROOT, "Assumes %.0f ms a call on AWS, one call after another, at 1 GB on arm64: an upper "
                + "bound; a sweep's API calls count against its own account's limits only.%n%n",
                ASSUMED_SECONDS_PER_CALL_ON_AWS * 1000);
        OUT.println("| services | calls a sweep | Lambda s a sweep | USD a month, 1 account | 100 accounts | 1,000 accounts |");
        OUT.println("|---:|---:|---:|---:|---:|---:|");
        organisation.forEach(OUT::println);
        OUT.println();
        OUT.println(formulasHold ? "every read count equals its formula" : "SOME COUNT BROKE ITS FORMULA (see above)");
        System.exit(formulasHold ? 0 : 1);
    }

    private static boolean run(MotoServer moto, FleetShape shape, List<String> summary, List<String> organisation)
            throws IOException {
        moto.reset();
        long buildStart = System.nanoTime();
        Map<String, Long> expectedReads;
        List<Map<String, Long>> counts = new ArrayList<>();
        List<Double> walls = new ArrayList<>();
        CallTimer timer = new CallTimer();
        try (Fleet fleet = new Fleet()) {
            shape.build(fleet);
            double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
            expectedReads = FleetShape.expectedReads(fleet);
            OUT.println();
            OUT.printf(Locale.ROOT, "## %d services, %d clusters, %d VPCs, %d task definitions (fleet built in %.1f s)%n",
                    shape.services(), shape.clusters(), shape.vpcs(), shape.definitions(), buildSeconds);
            for (int i = 0; i < RUNS.size(); i++) {
                CallRecorder recorder = new CallRecorder(Sweeps.FUNCTION);
                List<ExecutionInterceptor> ec2 = List.of(recorder, timer);
                List<ExecutionInterceptor> ecs = List.of(recorder, timer, fleet.motoServiceFields());
                var function = Sweeps.function(RUNS.get(i), ec2, ecs);
                String payload = Sweeps.payloadFile("events/scheduled-sweep.json");
                Path report = WORK.resolve("report-" + shape.services() + "-" + RUN_NAMES.get(i) + ".json");
                long start;
                long end;
                try (PrintStream log = new PrintStream(Files.newOutputStream(report), true, StandardCharsets.UTF_8)) {
                    System.setOut(log);   // the handler logs its report, one (long) JSON line
                    start = System.nanoTime();
                    Sweeps.run(function, payload);
                    end = System.nanoTime();
                } finally {
                    System.setOut(OUT);
                }
                walls.add((end - start) / 1e9);
                counts.add(recorder.calls().stream()
                        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting())));
            }
        }
        Map<String, Long> expectedRemediate = new TreeMap<>(expectedReads);
        expectedRemediate.putAll(shape.expectedWrites());
        List<Map<String, Long>> expected = List.of(expectedReads, expectedRemediate, expectedReads);
        boolean holds = true;
        for (int i = 0; i < RUNS.size(); i++) {
            if (!counts.get(i).equals(expected.get(i))) {
                holds = false;
                OUT.println(RUN_NAMES.get(i) + ": expected " + expected.get(i) + "\n  but counted " + counts.get(i));
            }
        }
        table(expectedRemediate, counts, timer, walls);
        for (int i = 0; i < RUNS.size(); i++) {
            long total = counts.get(i).values().stream().mapToLong(Long::longValue).sum();
            long writes = counts.get(i).entrySet().stream().filter(e -> !isRead(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            summary.add(String.format(Locale.ROOT, "| %d | %d | %d | %d | %s | %d | %d | %d | %.2f | %.1f |",
                    shape.services(), shape.clusters(), shape.vpcs(), shape.definitions(), RUN_NAMES.get(i), total,
                    total - writes, writes, walls.get(i), walls.get(i) * 1000 / total));
        }
        long compliantSweepCalls = counts.get(2).values().stream().mapToLong(Long::longValue).sum();
        double seconds = compliantSweepCalls * ASSUMED_SECONDS_PER_CALL_ON_AWS;
        double monthly = SWEEPS_PER_MONTH * (seconds * USD_PER_GB_SECOND + USD_PER_REQUEST);
        organisation.add(String.format(Locale.ROOT, "| %d | %d | %.0f | %.4f | %.2f | %.2f |", shape.services(),
                compliantSweepCalls, seconds, monthly, monthly * 100, monthly * 1000));
        return holds;
    }

    private static void table(Map<String, Long> formula, List<Map<String, Long>> counts, CallTimer timer,
                              List<Double> walls) {
        TreeSet<String> operations = new TreeSet<>(formula.keySet());
        counts.forEach(c -> operations.addAll(c.keySet()));
        OUT.println();
        OUT.println("| operation | formula | DRY_RUN | REMEDIATE | AGAIN | mean ms/call (3 runs) |");
        OUT.println("|---|---:|---:|---:|---:|---:|");
        Map<String, CallTimer.Total> times = timer.totals();
        for (String operation : operations) {
            OUT.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %.1f |%n", operation,
                    formula.getOrDefault(operation, 0L), counts.get(0).getOrDefault(operation, 0L),
                    counts.get(1).getOrDefault(operation, 0L), counts.get(2).getOrDefault(operation, 0L),
                    times.getOrDefault(operation, new CallTimer.Total(0, 0)).meanMillis());
        }
        Map<String, String> totals = new LinkedHashMap<>();
        for (int i = 0; i < counts.size(); i++) {
            totals.put(RUN_NAMES.get(i), String.valueOf(counts.get(i).values().stream().mapToLong(Long::longValue).sum()));
        }
        OUT.printf(Locale.ROOT, "| **all calls** | | %s | %s | %s | |%n",
                totals.get("DRY_RUN"), totals.get("REMEDIATE"), totals.get("AGAIN"));
        OUT.printf(Locale.ROOT, "| **wall time (s)** | | %.2f | %.2f | %.2f | |%n", walls.get(0), walls.get(1), walls.get(2));
    }

    private static boolean isRead(String action) {
        String operation = action.substring(action.indexOf(':') + 1);
        return operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get");
    }
}
