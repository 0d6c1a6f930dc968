package ecsvpce.benchmark;

import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.support.Lambda;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.MotoServer;
import ecsvpce.testing.TaskStoppedEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code scripts/benchmark [RUNS [WARM]]}: how fast RemediateFunction answers, measured the way
 * Lambda runs it, against the project's moto on loopback, for a task that failed to start in a
 * healthy VPC (every endpoint in place). Prints, as medians of RUNS (default 5) fresh JVMs each:
 * cold process to report, the SDK floor measured in the same run ({@link BenchmarkChild}, floor), an
 * event skipped without any AWS call, the time priming takes, the first invocation after priming
 * (what a SnapStart restore serves), WARM (default 100) warm invocations' p50 and p99, the peak
 * resident memory of each JVM, the AWS requests per event by operation, and the deployment package
 * with what each jar adds. Not a test: nothing is asserted on time; it exits 1 only when the function
 * does not give the reports it must. Child logs and the package: {@code target/benchmark/}.
 */
public final class ColdStartBenchmark {
    private static final PrintStream OUT = System.out;
    private static final Path WORK = Path.of("target", "benchmark");
    private static final Path SKIPPED_EVENT = Path.of("events", "task-running.json");

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String classpath = System.getProperty("benchmark.classpath");
        if (classpath == null) {
            throw new IllegalArgumentException("-Dbenchmark.classpath (the function's classes and runtime jars) is required");
        }
        Files.createDirectories(WORK);
        String loadBefore = loadAverage();
        MotoServer moto = MotoServer.get();
        moto.configureSdk();
        try (FargateScenario healthy = FargateScenario.seedEndpointsAllOn().create()) {
            TaskStoppedEvent event = healthy.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
            Path eventFile = event.writeTo(WORK.resolve("task-stopped-healthy-vpc.json"));
            Map<String, Long> requests = requestsPerEvent(event);
            ChildJvm jvm = new ChildJvm(classpath, moto.environment(), WORK);
            List<ChildJvm.Run> floor = new ArrayList<>();
            List<ChildJvm.Run> cold = new ArrayList<>();
            List<ChildJvm.Run> skipped = new ArrayList<>();
            List<ChildJvm.Run> primed = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                floor.add(jvm.run("floor", healthy.clusterArn(), event.taskArn(), healthy.taskDefinitionArn(),
                        event.subnetId(), healthy.vpcId()));
                cold.add(jvm.expect("NOTHING_TO_DO", jvm.run("cold", eventFile.toString())));
                skipped.add(jvm.expect("SKIPPED", jvm.run("cold", SKIPPED_EVENT.toString())));
                primed.add(jvm.run("primed", eventFile.toString(), String.valueOf(warm)));
            }
            print(runs, warm, loadBefore, floor, cold, skipped, primed, requests);
        }
        OUT.println();
        Artifact.print(classpath, WORK.resolve("package.zip"), OUT);
    }

    /** The AWS calls one event makes, by operation, counted by an SDK interceptor on the function's clients. */
    private static Map<String, Long> requestsPerEvent(TaskStoppedEvent event) {
        CallRecorder recorder = new CallRecorder("RemediateFunction");
        Map<String, Object> report;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));   // the function logs its report
        try {
            report = Lambda.invoke(Functions.remediate(Mode.REMEDIATE, recorder), event.json());
        } finally {
            System.setOut(OUT);
        }
        if (!"NOTHING_TO_DO".equals(report.get("outcome"))) {
            throw new IllegalStateException("a healthy VPC must give NOTHING_TO_DO: " + report);
        }
        return recorder.calls().stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new,
                Collectors.counting()));
    }

    private static void print(int runs, int warm, String loadBefore, List<ChildJvm.Run> floor, List<ChildJvm.Run> cold,
                              List<ChildJvm.Run> skipped, List<ChildJvm.Run> primed, Map<String, Long> requests)
            throws IOException {
        double floorMs = median(floor, ChildJvm.Run::wallMs);
        double coldMs = median(cold, ChildJvm.Run::wallMs);
        List<Double> warmMs = primed.stream().flatMap(run -> run.values("WARM").stream()).sorted().toList();
        OUT.printf("RemediateFunction, one task that failed to start in a healthy VPC, against moto on loopback%n");
        OUT.printf("conditions: %d cores (shared), load average %s before, %s after; java %s; child JVMs: %s%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(), System.getProperty("java.version"),
                String.join(" ", ChildJvm.FLAGS));
        OUT.printf("medians of %d fresh JVMs each, run in turns; %d warm invocations per primed JVM%n%n", runs, warm);
        OUT.println("| measure | median | all runs | goal |");
        OUT.println("| --- | ---: | --- | --- |");
        row("cold process → report, healthy VPC", coldMs, cold, ChildJvm.Run::wallMs, "");
        row("SDK floor: EC2 + ECS clients, six reads", floorMs, floor, ChildJvm.Run::wallMs, "");
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < cold.size(); i++) {
            ratios.add(cold.get(i).wallMs() / floor.get(i).wallMs());
        }
        OUT.printf("| cold process ÷ SDK floor, medians (each turn's ratio) | %.2f× (%.2f×) | %s | ≤ 1.10× |%n",
                coldMs / floorMs, percentile(ratios.stream().sorted().toList(), 50),
                ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).collect(Collectors.joining(", ")));
        row("CPU time to the report, cold process", median(cold, run -> run.value("CPU")), cold,
                run -> run.value("CPU"), "");
        row("CPU time, SDK floor", median(floor, run -> run.value("CPU")), floor, run -> run.value("CPU"), "");
        row("cold process → report, event skipped before any AWS call", median(skipped, ChildJvm.Run::wallMs), skipped,
                ChildJvm.Run::wallMs, "");
        row("priming (before the snapshot)", median(primed, run -> run.value("PRIMED")), primed,
                run -> run.value("PRIMED"), "");
        row("first invocation after priming", median(primed, run -> run.value("FIRST")), primed,
                run -> run.value("FIRST"), "< 150 ms");
        OUT.printf("| warm invocation p50 / p99 | %.0f / %.0f ms | %d invocations | |%n", percentile(warmMs, 50),
                percentile(warmMs, 99), warmMs.size());
        rowMb("peak memory (VmHWM), cold process", cold, "< 150 MB");
        rowMb("peak memory (VmHWM), SDK floor", floor, "");
        rowMb("peak memory (VmHWM), event skipped", skipped, "");
        OUT.println();
        long reads = requests.entrySet().stream().filter(e -> !CallRecorder.isWrite(e.getKey().substring(e.getKey()
                .indexOf(':') + 1))).mapToLong(Map.Entry::getValue).sum();
        OUT.printf("AWS requests for the event: %d (%d reads; goal ≤ 9 reads)%n", requests.values().stream()
                .mapToLong(Long::longValue).sum(), reads);
        requests.forEach((operation, count) -> OUT.printf("  %-32s %d%n", operation, count));
    }

    private static void row(String measure, double median, List<ChildJvm.Run> runs,
                            java.util.function.ToDoubleFunction<ChildJvm.Run> value, String goal) {
        OUT.printf("| %s | %s | %s | %s |%n", measure, millis(median),
                runs.stream().map(run -> String.format(Locale.ROOT, "%.0f", value.applyAsDouble(run)))
                        .collect(Collectors.joining(", ")) + " ms", goal);
    }

    private static void rowMb(String measure, List<ChildJvm.Run> runs, String goal) {
        OUT.printf("| %s | %.0f MB | %s | %s |%n", measure, median(runs, run -> run.value("VMHWM")) / 1024,
                runs.stream().map(run -> String.format(Locale.ROOT, "%.0f", run.value("VMHWM") / 1024))
                        .collect(Collectors.joining(", ")) + " MB", goal);
    }

    private static String millis(double ms) {
        return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    static double median(List<ChildJvm.Run> runs, java.util.function.ToDoubleFunction<ChildJvm.Run> value) {
        return percentile(runs.stream().map(value::applyAsDouble).sorted().toList(), 50);
    }

    /** Nearest-rank percentile of sorted values (the median of an even count: the mean of the middle two). */
    static double percentile(List<Double> sorted, int percent) {
        if (percent == 50 && sorted.size() % 2 == 0) {
            return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String loadAverage() throws IOException {
        Path load = Path.of("/proc/loadavg");
        return Files.exists(load) ? String.join(" ", List.of(Files.readString(load).split(" ")).subList(0, 3)) : "n/a";
    }
}
