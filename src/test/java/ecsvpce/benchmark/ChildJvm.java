package ecsvpce.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts {@link BenchmarkChild} in a fresh JVM with the function's classpath and moto's environment,
 * and times it from the start of the process to its answer (its {@code DONE} or {@code REPORT} line).
 */
final class ChildJvm {
    /**
     * Lambda's Java runtimes stop tiered compilation at level 1 since Java 17; the serial collector and
     * a 1 GB memory ceiling size the JVM as in a 1024 MB function. The floor runs with the same flags.
     */
    static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:MaxRAM=1g");

    private final String classpath;
    private final Map<String, String> environment;
    private final Path logs;
    private int started;

    ChildJvm(String classpath, Map<String, String> environment, Path logs) {
        this.classpath = classpath;
        this.environment = environment;
        this.logs = logs;
    }

    /**
     * @param wallMs  from the process's start to its answer
     * @param answer  the {@code REPORT} json, or null
     * @param markers every other marker line, by name
     */
    record Run(double wallMs, String answer, Map<String, String> markers) {
        double value(String marker) {
            return Double.parseDouble(markers.get(marker));
        }

        List<Double> values(String marker) {
            return List.of(markers.get(marker).split(",")).stream().map(Double::valueOf).toList();
        }
    }

    Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(FLAGS);
        command.addAll(List.of("-cp", classpath, BenchmarkChild.class.getName()));
        command.addAll(List.of(args));
        Path log = logs.resolve("child-" + (++started) + "-" + args[0] + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("JAVA_TOOL"));
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        double wallMs = -1;
        String answer = null;
        Map<String, String> markers = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("DONE") || line.startsWith("REPORT ")) {
                    wallMs = (System.nanoTime() - start) / 1e6;
                    answer = line.startsWith("REPORT ") ? line.substring("REPORT ".length()) : null;
                } else if (line.contains(" ")) {
                    markers.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1));
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed; see " + log + ":\n"
                    + String.join("\n", Files.readAllLines(log).stream().limit(40).toList()));
        }
        return new Run(wallMs, answer, markers);
    }

    /** The run, if its report has this outcome. */
    Run expect(String outcome, Run run) {
        if (run.answer() == null || !run.answer().contains("\"outcome\":\"" + outcome + "\"")) {
            throw new IllegalStateException("expected " + outcome + ", got " + run.answer());
        }
        return run;
    }
}
