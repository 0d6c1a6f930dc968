package ecsvpce.handler;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.Settings;
import ecsvpce.aws.AwsClients;
import ecsvpce.aws.AwsClients.Connection;
import ecsvpce.aws.CannedAws;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.report.Mode;
import ecsvpce.support.Lambda;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Nothing is built that an invocation may not need; what is needed is built once, all at once. */
class SdkClientsTest {
    private final List<String> builtOn = new CopyOnWriteArrayList<>();
    private final Connection offline = Connection.offline(new CannedAws());

    @Test
    void theFirstNeedBuildsEveryClientOnceEachOnItsOwnThread() throws InterruptedException {
        SdkClients clients = new SdkClients(() -> {
            builtOn.add("ecs on " + Thread.currentThread().getName());
            return null;
        }, () -> {
            builtOn.add("ec2 on " + Thread.currentThread().getName());
            return null;
        }, () -> {
            builtOn.add("route53 on " + Thread.currentThread().getName());
            return null;
        }, () -> builtOn.add("alongside on " + Thread.currentThread().getName()));

        clients.ecs();
        clients.ec2();
        clients.buildAll();
        waitFor(() -> builtOn.size() == 4);

        assertThat(builtOn).containsExactlyInAnyOrder("ecs on build-ecs-client", "ec2 on build-ec2-client",
                "route53 on build-route53-client", "alongside on build-ecs-client");
    }

    @Test
    void anEventSkippedBeforeAnyAwsCallBuildsNoClientAndTheFirstThatNeedsAwsBuildsThem() {
        SdkClients clients = new SdkClients(() -> {
            builtOn.add("ecs");
            return AwsClients.ecs(List.of(), offline);
        }, () -> {
            builtOn.add("ec2");
            return AwsClients.ec2(List.of(), offline);
        }, () -> {
            builtOn.add("route53");
            return AwsClients.route53(List.of(), offline);
        }, () -> { });
        RemediateFunction function = new RemediateFunction(RemediateComposition.compose(
                new Settings(Mode.DRY_RUN, PlanSettings.defaults()), clients::ec2, clients::ecs, clients::route53,
                offline.regionId(), Clock.systemUTC()));

        assertThat(Lambda.invoke(function, "{\"source\": \"aws.events\"}")).containsEntry("outcome", "SKIPPED");
        assertThat(builtOn).isEmpty();

        assertThat(Lambda.invoke(function, Rehearsal.TASK_STOPPED_EVENT)).containsEntry("outcome", "PLANNED");
        assertThat(Lambda.invoke(function, Rehearsal.TASK_STOPPED_EVENT)).containsEntry("outcome", "PLANNED");
        assertThat(builtOn).containsExactlyInAnyOrder("ec2", "ecs", "route53");
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 500 && !done.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
    }
}
