package ecsvpce.handler;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.Settings;
import ecsvpce.app.TaskRemediation;
import ecsvpce.aws.AwsClients.Connection;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.report.Mode;
import ecsvpce.support.Lambda;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkGlobalTime;
import software.amazon.awssdk.core.warmup.http.CannedResponseHttpClient;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What SnapStart snapshots after priming: the function's clients built and its whole path rehearsed,
 * but not one request made through the function's own HTTP client, its credentials never asked, its
 * clock never read, no clock skew learnt by the SDK. After a restore the first event asks for
 * credentials then, and goes through the function's own HTTP client.
 */
class PrimingTest {

    @Test
    void primingAsksNothingOfTheAccountTheCredentialsOrTheClock() {
        RecordingHttp http = new RecordingHttp();
        CountingCredentials credentials = new CountingCredentials();
        CountingClock clock = new CountingClock();
        Set<Priming> before = Priming.registered();
        TaskRemediation remediation = RemediateComposition.forLambda(new Settings(Mode.REMEDIATE, PlanSettings.defaults()),
                new Connection(http, Region.US_EAST_1, credentials), clock);
        Priming priming = newlyRegistered(before);
        long skewBefore = SdkGlobalTime.getGlobalTimeOffset();

        String stderr = stderrOf(() -> priming.beforeCheckpoint(null));

        assertThat(stderr).contains("priming: done").doesNotContain("failed");
        assertThat(http.operations).as("requests through the function's HTTP client").isEmpty();
        assertThat(credentials.asked).as("credentials resolved").hasValue(0);
        assertThat(clock.reads).as("reads of the function's clock").hasValue(0);
        assertThat(SdkGlobalTime.getGlobalTimeOffset()).as("clock skew the SDK learnt").isEqualTo(skewBefore);

        Map<String, Object> report = Lambda.invoke(new RemediateFunction(remediation), Rehearsal.TASK_STOPPED_EVENT);

        assertThat(report).containsEntry("outcome", "FAILED");
        assertThat(http.operations).containsExactly("AmazonEC2ContainerServiceV20141113.DescribeTasks");
        assertThat(credentials.asked.get()).as("credentials resolved at the first request").isPositive();
    }

    @Test
    void theCheckIsPrimedWithoutAskingTheAccountAndItsFirstCheckAsksThen() {
        RecordingHttp http = new RecordingHttp();
        CountingCredentials credentials = new CountingCredentials();
        Set<Priming> before = Priming.registered();
        ecsvpce.app.DeployCheck check = CheckComposition.forLambda(new Settings(Mode.REMEDIATE, PlanSettings.defaults()),
                new Connection(http, Region.US_EAST_1, credentials), new CountingClock());
        Priming priming = newlyRegistered(before);

        String stderr = stderrOf(() -> priming.beforeCheckpoint(null));

        assertThat(stderr).contains("priming: done").doesNotContain("failed");
        assertThat(http.operations).isEmpty();
        assertThat(credentials.asked).hasValue(0);

        Map<String, Object> report = Lambda.invoke(new CheckFunction(check), Rehearsal.CHECK_REQUEST);

        assertThat(report).containsEntry("verdict", "CANNOT_TELL");
        assertThat(http.operations).containsExactly("AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition");
        assertThat(credentials.asked.get()).isPositive();
    }

    @Test
    void eachFunctionRegistersItsPriming() {
        Set<Priming> before = Priming.registered();
        Connection offline = Connection.offline(new RecordingHttp());

        SweepComposition.forLambda(new Settings(Mode.DRY_RUN, PlanSettings.defaults()), offline, Clock.systemUTC());
        RemediateComposition.forLambda(new Settings(Mode.DRY_RUN, PlanSettings.defaults()), offline, Clock.systemUTC());
        CheckComposition.forLambda(new Settings(Mode.DRY_RUN, PlanSettings.defaults()), offline, Clock.systemUTC());

        assertThat(Priming.registered()).containsAll(before).hasSize(before.size() + 3);
    }

    @Test
    void aFailingStepIsReportedAndTheRestStillRuns() {
        List<String> ran = new CopyOnWriteArrayList<>();
        Priming priming = Priming.register(() -> {
            throw new IllegalStateException("no luck");
        }, () -> ran.add("second"));

        String stderr = stderrOf(() -> priming.beforeCheckpoint(null));

        assertThat(ran).containsExactly("second");
        assertThat(stderr).contains("a step failed").contains("no luck");
    }

    private static Priming newlyRegistered(Set<Priming> before) {
        Set<Priming> added = new HashSet<>(Priming.registered());
        added.removeAll(before);
        assertThat(added).hasSize(1);
        return added.iterator().next();
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Records each request's operation and refuses it, as AWS refuses a role without the permission. */
    private static final class RecordingHttp implements SdkHttpClient {
        final List<String> operations = new CopyOnWriteArrayList<>();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            operations.add(request.httpRequest().firstMatchingHeader("X-Amz-Target")
                    .orElse(request.httpRequest().encodedPath()));
            return CannedResponseHttpClient.builder().statusCode(400)
                    .responseBody("{\"__type\":\"AccessDeniedException\",\"message\":\"not in a test\"}"
                            .getBytes(StandardCharsets.UTF_8))
                    .build().prepareRequest(request);
        }

        @Override
        public void close() {
        }
    }

    private static final class CountingCredentials implements AwsCredentialsProvider {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public AwsCredentials resolveCredentials() {
            asked.incrementAndGet();
            return AwsBasicCredentials.create("AKIATESTTESTTESTTEST", "test");
        }
    }

    private static final class CountingClock extends Clock {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            reads.incrementAndGet();
            return Instant.now();
        }
    }
}
