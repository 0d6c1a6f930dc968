package ecsvpce.benchmark;

import ecsvpce.app.DispatchSettings;
import ecsvpce.app.RecoverySettings;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.support.Lambda;
import ecsvpce.support.LambdaContexts;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.FollowUpQueueFixture;
import ecsvpce.testing.MotoServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code scripts/benchmark-recovery [ROUNDS]}: how long the product's own steps of a recovery take,
 * against the project's moto on loopback, in one JVM: a service whose task failed to start in a VPC
 * with no endpoint; RemediateFunction creates them (event to fix applied), the first follow-up check
 * finds them live and starts one new deployment, and a last check finds the service at its desired
 * count. Prints each step's median over ROUNDS (default 5) fresh VPCs, after one round to warm the
 * JVM, and the AWS requests of each. Not a test: nothing is asserted on time; moto answers in
 * microseconds what AWS answers in tens of milliseconds, so the requests matter as much as the times.
 */
public final class RecoveryBenchmark {
    private static final PrintStream OUT = System.out;

    private RecoveryBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        MotoServer moto = MotoServer.get();
        moto.configureSdk();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        PrintStream out = System.out;
        List<long[]> times = new ArrayList<>();
        List<Map<String, Long>> requests = new ArrayList<>();
        try {
            for (int round = 0; round <= rounds; round++) {
                moto.reset();
                System.setOut(quiet);
                Round measured = round();
                System.setOut(out);
                if (round > 0) {
                    times.add(measured.millis());
                    requests.add(measured.requests());
                }
            }
        } finally {
            System.setOut(out);
            moto.stop();
        }
        OUT.printf("%-58s %10s  %s%n", "step (median of " + rounds + " rounds, warm JVM, moto on loopback)", "ms",
                "AWS requests (queue included)");
        String[] steps = {"RemediateFunction: event to fix applied (no endpoint before)",
            "VerifyFunction: check that finds the fix live and deploys", "VerifyFunction: check that finds it healed"};
        for (int step = 0; step < steps.length; step++) {
            int s = step;
            long[] column = times.stream().mapToLong(t -> t[s]).sorted().toArray();
            OUT.printf("%-58s %10d  %s%n", steps[step], column[column.length / 2], requests.get(0).get(String.valueOf(step)));
        }
    }

    private record Round(long[] millis, Map<String, Long> requests) {
    }

    private static Round round() {
        FollowUpQueueFixture followUps = FollowUpQueueFixture.create("benchmark-follow-ups");
        DispatchSettings dispatch = new DispatchSettings(Optional.empty(), Optional.of(followUps.url()), Duration.ZERO);
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            CallRecorder remediate = new CallRecorder("RemediateFunction");
            CallRecorder verify = new CallRecorder("VerifyFunction");
            String event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON).json();
            long fix = timed(() -> Lambda.invoke(Functions.remediate(Mode.REMEDIATE, remediate, dispatch), event,
                    LambdaContexts.of("RemediateFunction", MotoServer.ACCOUNT_ID)));
            int remediateCalls = remediate.calls().size();
            Map<String, Object> first = followUps.takeEvents().get(0);
            long deploy = timed(() -> Lambda.invoke(Functions.verify(Mode.REMEDIATE, RecoverySettings.on(), verify, dispatch),
                    Lambda.json(first), LambdaContexts.of("VerifyFunction", MotoServer.ACCOUNT_ID)));
            int deployCalls = verify.calls().size();
            Map<String, Object> second = followUps.takeEvents().get(0);
            scenario.ecs().updateService(r -> r.cluster(scenario.clusterArn()).service("web").desiredCount(1));
            long healed = timed(() -> Lambda.invoke(Functions.verify(Mode.REMEDIATE, RecoverySettings.on(), verify, dispatch),
                    Lambda.json(second), LambdaContexts.of("VerifyFunction", MotoServer.ACCOUNT_ID)));
            return new Round(new long[] {fix, deploy, healed}, Map.of("0", (long) remediateCalls, "1", (long) deployCalls,
                    "2", (long) verify.calls().size() - deployCalls));
        }
    }

    private static long timed(Supplier<?> step) {
        long started = System.nanoTime();
        step.get();
        return (System.nanoTime() - started) / 1_000_000;
    }
}
