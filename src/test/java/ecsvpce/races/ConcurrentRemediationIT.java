package ecsvpce.races;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.plan.Planner;
import ecsvpce.handler.RemediateFunction;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.support.Lambda;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.MotoTest;
import ecsvpce.testing.TaskStoppedEvent;
import ecsvpce.testing.VpcReadBack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Twenty concurrent invocations of RemediateFunction, each with its own SDK clients (as twenty
 * Lambda execution environments would have), for failed tasks of one VPC that has no endpoint at
 * all, against moto patched to answer like AWS (ClientToken idempotency, conflicting DNS domain).
 * The template's ReservedConcurrentExecutions: 1 keeps this from happening to the task-stopped
 * function alone; these tests show the code converges without it.
 */
@MotoTest
class ConcurrentRemediationIT {
    private static final List<String> SEED_SERVICES = RacingRemediationTest.SEED_SERVICES;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String REGION = "us-east-1";

    @Test
    void twentyFailedTasksOfOneVpcStartedAtOnceEndWithOneOfEverything() throws Exception {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            List<TaskStoppedEvent> events = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                events.add(scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON));
            }

            List<Racers.Result> results = race(events, null);

            System.out.println("20 tasks, moto, released at once:\n" + Racers.table(results));
            assertConverged(scenario, results);
        }
    }

    @Test
    void twentyFailedTasksThatAllReadTheEmptyVpcBeforeAnyWriteEndWithOneOfEverything() throws Exception {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            List<TaskStoppedEvent> events = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                events.add(scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON));
            }

            List<Racers.Result> results = race(events, WriteBarrier.of(20, TIMEOUT));

            System.out.println("20 tasks, moto, every one reads the empty VPC first:\n" + Racers.table(results));
            assertConverged(scenario, results);
            // All twenty read the empty VPC: one made the group, the nineteen others lost it in round 1.
            assertThat(results).filteredOn(r -> r.actionTypes().contains("CREATE_ENDPOINT_SECURITY_GROUP")).hasSize(1);
            assertThat(results).filteredOn(r -> !r.notes().isEmpty()
                    && r.notes().get(0).startsWith("round 1: ec2:CreateSecurityGroup lost a race (InvalidGroup.Duplicate)"))
                    .hasSize(19);
        }
    }

    @Test
    void theSameEventTwentyTimesAtOnceEndsWithOneOfEverything() throws Exception {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
            List<TaskStoppedEvent> events = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                events.add(event);
            }

            List<Racers.Result> results = race(events, WriteBarrier.of(20, TIMEOUT));

            System.out.println("the same event 20 times, moto:\n" + Racers.table(results));
            assertConverged(scenario, results);
        }
    }

    @Test
    void anEndpointOfOursThatSomeoneDeletedIsMadeAgainByTheNextTasksRacingInvocations() throws Exception {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            List<Racers.Result> first = race(List.of(scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON)),
                    null);
            assertThat(first).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("REMEDIATED"));
            String deleted = scenario.readBack().endpoint("ssm").orElseThrow().id();
            scenario.ec2().deleteVpcEndpoints(r -> r.vpcEndpointIds(deleted));
            List<TaskStoppedEvent> events = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                events.add(scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON));
            }

            // Their ssm creates carry the spent client token with other tags: IdempotentParameterMismatch.
            List<Racers.Result> results = race(events, WriteBarrier.of(10, TIMEOUT));

            System.out.println("10 tasks after our ssm endpoint was deleted, moto:\n" + Racers.table(results));
            assertConverged(scenario, results);
            assertThat(scenario.readBack().endpoint("ssm").orElseThrow().id()).isNotEqualTo(deleted);
        }
    }

    // -----------------------------------------------------------------------------------------

    private static List<Racers.Result> race(List<TaskStoppedEvent> events, Supplier<WriteBarrier> barrier)
            throws InterruptedException {
        List<Callable<Map<String, Object>>> invocations = new ArrayList<>();
        for (TaskStoppedEvent event : events) {
            List<ExecutionInterceptor> interceptors = new ArrayList<>();
            interceptors.add(new CallRecorder("RemediateFunction"));
            if (barrier != null) {
                interceptors.add(barrier.get());
            }
            RemediateFunction function = Functions.remediate(Functions.settings(Mode.REMEDIATE), interceptors,
                    List.of());
            String payload = event.json();
            invocations.add(() -> Lambda.invoke(function, payload));
        }
        return Racers.race(invocations, TIMEOUT, Racers::of);
    }

    /**
     * Exactly one endpoint per needed service and one group of ours; no invocation threw; every
     * report is REMEDIATED or NOTHING_TO_DO and names only resources that are there.
     */
    static void assertConverged(FargateScenario scenario, List<Racers.Result> results) {
        String table = Racers.table(results);
        VpcReadBack vpc = scenario.readBack();
        assertThat(results).as(table).noneSatisfy(r -> assertThat(r.threw()).isTrue());
        assertThat(vpc.endpointCountByService()).as(table).containsOnlyKeys(SEED_SERVICES)
                .allSatisfy((service, count) -> assertThat(count).as(service).isEqualTo(1));
        assertThat(vpc.securityGroups()).as(table)
                .filteredOn(g -> g.name().equals(Planner.ENDPOINT_GROUP_NAME)).hasSize(1);
        for (VpcReadBack.Endpoint endpoint : vpc.endpoints()) {
            if (endpoint.isInterface()) {
                assertThat(endpoint.privateDns()).as(endpoint.service() + " private DNS").isTrue();
            } else {
                assertThat(endpoint.routeTableIds()).as("s3 route tables").containsExactly(scenario.routeTableId());
            }
        }
        assertThat(results).as(table).allSatisfy(r -> assertThat(r.outcome()).isIn("REMEDIATED", "NOTHING_TO_DO"));
        Set<String> present = new HashSet<>();
        vpc.endpoints().forEach(e -> present.add(e.id()));
        vpc.securityGroups().forEach(g -> present.add(g.id()));
        assertThat(results).as(table).allSatisfy(r -> assertThat(r.resourceIds()).doesNotContainNull()
                .allSatisfy(id -> assertThat(present).contains(id)));
    }
}
