package ecsvpce.races;

import static ecsvpce.races.FaultInjector.Fault.EC2_INTERNAL_ERROR;
import static ecsvpce.races.FaultInjector.Fault.EC2_REQUEST_LIMIT_EXCEEDED;
import static ecsvpce.races.FaultInjector.Fault.EC2_UNAVAILABLE;
import static ecsvpce.races.FaultInjector.Fault.ECS_SERVER_ERROR;
import static ecsvpce.races.FaultInjector.Fault.ECS_THROTTLING;
import static ecsvpce.races.FaultInjector.Fault.KILL_AFTER_SERVICE_ACTED;
import static ecsvpce.races.FaultInjector.Fault.KILL_BEFORE_SENDING;
import static ecsvpce.races.FaultInjector.Fault.TIMEOUT_AFTER_SERVICE_ACTED;
import static ecsvpce.races.FaultInjector.Fault.TIMEOUT_BEFORE_SENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ecsvpce.app.port.CallFailure;
import ecsvpce.aws.AwsClients;
import ecsvpce.handler.RemediateFunction;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.support.Lambda;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.MotoTest;
import ecsvpce.testing.TaskStoppedEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Throttling, 5xx, timeouts and a run killed half-way, injected into RemediateFunction's own SDK
 * clients (built by the product's {@code AwsClients}: standard retry strategy, 5 attempts) against
 * moto. Retries belong to the SDK: the test counts them in the interceptor that injects the faults.
 */
@MotoTest
class FaultsIT {
    /** The product's attempts per call (AwsClients.MAX_ATTEMPTS). */
    private static final int ATTEMPTS = 5;
    private static final String REGION = "us-east-1";

    private final FaultInjector ec2Faults = new FaultInjector();
    private final FaultInjector ecsFaults = new FaultInjector();
    private final CallRecorder recorder = new CallRecorder("RemediateFunction");

    @Test
    void throttlingAndServerErrorsAreRetriedByTheSdkAndTheInvocationHealsTheVpc() {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
            ecsFaults.on("DescribeTasks", 2, ECS_THROTTLING).on("DescribeServices", 1, ECS_SERVER_ERROR);
            ec2Faults.on("DescribeVpcEndpoints", 2, EC2_REQUEST_LIMIT_EXCEEDED)
                    .on("AuthorizeSecurityGroupIngress", 1, EC2_UNAVAILABLE)
                    .on("CreateVpcEndpoint", 2, EC2_INTERNAL_ERROR);

            long start = System.nanoTime();
            Map<String, Object> report = remediate(event);
            long millis = (System.nanoTime() - start) / 1_000_000;

            System.out.println("throttled and 5xx, healed in " + millis + " ms: " + ecsFaults.calls() + ec2Faults.calls());
            assertThat(report.get("outcome")).isEqualTo("REMEDIATED");
            assertThat(ecsFaults.calls("DescribeTasks")).singleElement().isEqualTo(call("DescribeTasks", 3));
            assertThat(ecsFaults.calls("DescribeServices")).singleElement().isEqualTo(call("DescribeServices", 2));
            assertThat(ec2Faults.calls("DescribeVpcEndpoints")).singleElement().isEqualTo(call("DescribeVpcEndpoints", 3));
            // moto added the rule, then answered 503; the retry met InvalidPermission.Duplicate: the state wanted.
            assertThat(ec2Faults.calls("AuthorizeSecurityGroupIngress")).singleElement()
                    .isEqualTo(new FaultInjector.CallRecord("AuthorizeSecurityGroupIngress", 2, false));
            // The first create met two 500s after moto made it: its retries (same ClientToken, same
            // request) answered that endpoint, so six creates, six endpoints.
            assertThat(ec2Faults.calls("CreateVpcEndpoint")).hasSize(6).first().isEqualTo(call("CreateVpcEndpoint", 3));
            assertHealedOnce(scenario);
        }
    }

    @Test
    void timeoutsAreRetriedAndAWriteWhoseAnswerWasLostIsNotMadeTwice() {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
            ecsFaults.on("DescribeTaskDefinition", 1, TIMEOUT_BEFORE_SENDING);
            ec2Faults.on("DescribeSubnets", 1, TIMEOUT_BEFORE_SENDING)
                    // moto makes the group and the endpoint, then the answer is lost and the SDK retries.
                    .on("CreateSecurityGroup", 1, TIMEOUT_AFTER_SERVICE_ACTED)
                    .on("CreateVpcEndpoint", 1, TIMEOUT_AFTER_SERVICE_ACTED);

            Map<String, Object> report = remediate(event);

            System.out.println("timeouts: " + ecsFaults.calls() + ec2Faults.calls() + "\nnotes: " + report.get("notes"));
            assertThat(report.get("outcome")).isEqualTo("REMEDIATED");
            assertThat(ecsFaults.calls("DescribeTaskDefinition")).singleElement()
                    .isEqualTo(call("DescribeTaskDefinition", 2));
            assertThat(ec2Faults.calls("DescribeSubnets").get(0)).isEqualTo(call("DescribeSubnets", 2));
            // The retried CreateSecurityGroup found its own group (InvalidGroup.Duplicate): the
            // invocation re-read the VPC, adopted the group and gave it the 443 rule it lacked.
            assertThat(ec2Faults.calls("CreateSecurityGroup")).singleElement()
                    .isEqualTo(new FaultInjector.CallRecord("CreateSecurityGroup", 2, false));
            assertThat((List<?>) report.get("notes")).anySatisfy(note ->
                    assertThat(note.toString()).startsWith("round 1: ec2:CreateSecurityGroup lost a race (InvalidGroup.Duplicate)"));
            assertThat(ec2Faults.calls("CreateVpcEndpoint")).hasSize(6).first().isEqualTo(call("CreateVpcEndpoint", 2));
            assertHealedOnce(scenario);
        }
    }

    @Test
    void ec2ThrottlingThatOutlastsTheAttemptsMakesTheHandlerThrowHavingWrittenNothing() {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
            VpcShape before = VpcShape.of(scenario);
            ec2Faults.on("DescribeVpcEndpoints", 100, EC2_REQUEST_LIMIT_EXCEEDED);

            Throwable thrown = catchThrowable(() -> remediate(event));

            assertThat(thrown).isInstanceOf(CallFailure.StillFailing.class)
                    .hasMessageStartingWith("ec2:DescribeVpcEndpoints still failing");
            assertThat(thrown.getCause()).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.isThrottlingException()).isTrue();
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
            });
            assertThat(ec2Faults.calls("DescribeVpcEndpoints")).singleElement()
                    .isEqualTo(new FaultInjector.CallRecord("DescribeVpcEndpoints", ATTEMPTS, false));
            assertThat(recorder.writes()).isEmpty();
            assertThat(VpcShape.of(scenario)).isEqualTo(before);
        }
    }

    @Test
    void ecsThrottlingThatOutlastsTheAttemptsMakesTheHandlerThrowBeforeAnyEc2Call() {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
            ecsFaults.on("DescribeTasks", 100, ECS_THROTTLING);

            Throwable thrown = catchThrowable(() -> remediate(event));

            assertThat(thrown).isInstanceOf(CallFailure.StillFailing.class);
            assertThat(thrown.getCause()).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.isThrottlingException()).isTrue();
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
            });
            assertThat(ecsFaults.calls()).containsExactly(new FaultInjector.CallRecord("DescribeTasks", ATTEMPTS, false));
            assertThat(ec2Faults.calls()).isEmpty();
        }
    }

    @Test
    void aTimeoutThatOutlastsTheAttemptsMakesTheHandlerThrow() {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
            ec2Faults.on("DescribeRouteTables", 100, TIMEOUT_BEFORE_SENDING);

            Throwable thrown = catchThrowable(() -> remediate(event));

            assertThat(thrown).isInstanceOf(CallFailure.StillFailing.class);
            assertThat(thrown.getCause()).isInstanceOf(SdkClientException.class).hasMessageContaining("connect timed out");
            assertThat(ec2Faults.calls("DescribeRouteTables")).singleElement()
                    .isEqualTo(new FaultInjector.CallRecord("DescribeRouteTables", ATTEMPTS, false));
            assertThat(recorder.writes()).isEmpty();
        }
    }

    @Test
    void serverErrorsThatOutlastTheAttemptsMidwayLeaveNoMessAndTheNextRunFinishesTheJob() {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create();
             FargateScenario uninterrupted = FargateScenario.builder().service("web").clusterName("uninterrupted")
                     .create()) {
            TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
            // The third endpoint create keeps failing after moto made it: five endpoints' worth of 500s.
            ec2Faults.on("CreateVpcEndpoint", 2, null).on("CreateVpcEndpoint", 100, EC2_INTERNAL_ERROR);

            Throwable thrown = catchThrowable(() -> remediate(event));

            assertThat(thrown).isInstanceOf(CallFailure.StillFailing.class);
            assertThat(thrown.getCause()).isInstanceOfSatisfying(AwsServiceException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(500));
            assertThat(ec2Faults.calls("CreateVpcEndpoint")).extracting(FaultInjector.CallRecord::attempts)
                    .containsExactly(1, 1, ATTEMPTS);
            // What is there is whole: one group with its rule, three endpoints (the third made
            // five times over with one token: one endpoint), nothing twice.
            assertThat(scenario.readBack().endpointCountByService()).hasSize(3)
                    .allSatisfy((service, count) -> assertThat(count).as(service).isEqualTo(1));

            ec2Faults.clear();
            Map<String, Object> again = remediate(event);

            assertThat(again.get("outcome")).isEqualTo("REMEDIATED");
            assertThat(VpcShape.of(scenario)).isEqualTo(healedWithoutFaults(uninterrupted));
        }
    }

    @Test
    void aRunKilledAtItsThirdWriteBeforeSendingItThenRunAgainEndsLikeAnUninterruptedRun() {
        killedAtThirdWriteThenRunAgain(KILL_BEFORE_SENDING);
    }

    @Test
    void aRunKilledAtItsThirdWriteAfterEc2MadeItThenRunAgainEndsLikeAnUninterruptedRun() {
        killedAtThirdWriteThenRunAgain(KILL_AFTER_SERVICE_ACTED);
    }

    // -----------------------------------------------------------------------------------------

    /** Writes in order: CreateSecurityGroup, AuthorizeSecurityGroupIngress, then the first CreateVpcEndpoint. */
    private void killedAtThirdWriteThenRunAgain(FaultInjector.Fault kill) {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create();
             FargateScenario uninterrupted = FargateScenario.builder().service("web").clusterName("uninterrupted")
                     .create()) {
            TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
            ec2Faults.on("CreateVpcEndpoint", 1, kill);

            Throwable thrown = catchThrowable(() -> remediate(event));

            assertThat(thrown).isInstanceOf(FaultInjector.InvocationKilled.class);
            assertThat(recorder.writes()).containsExactly("ec2:CreateSecurityGroup", "ec2:AuthorizeSecurityGroupIngress",
                    "ec2:CreateVpcEndpoint");
            assertThat(scenario.readBack().endpoints()).hasSize(kill == KILL_AFTER_SERVICE_ACTED ? 1 : 0);

            ec2Faults.clear();
            Map<String, Object> again = remediate(event);

            assertThat(again.get("outcome")).isEqualTo("REMEDIATED");
            VpcShape healed = VpcShape.of(scenario);
            assertThat(healed).isEqualTo(healedWithoutFaults(uninterrupted));
            System.out.println("killed (" + kill + ") then run again:\n" + healed);
        }
    }

    /** The same seed healed by one run with no fault, in another VPC of the same moto. */
    private VpcShape healedWithoutFaults(FargateScenario uninterrupted) {
        TaskStoppedEvent event = uninterrupted.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
        Map<String, Object> report = Lambda.invoke(function(new FaultInjector(), new FaultInjector()),
                event.json());
        assertThat(report.get("outcome")).isEqualTo("REMEDIATED");
        return VpcShape.of(uninterrupted);
    }

    private static FaultInjector.CallRecord call(String operation, int attempts) {
        return new FaultInjector.CallRecord(operation, attempts, true);
    }

    private Map<String, Object> remediate(TaskStoppedEvent event) {
        return Lambda.invoke(function(ec2Faults, ecsFaults), event.json());
    }

    /** RemediateFunction as the runtime builds it (the product's AwsClients), with faults and a recorder. */
    private RemediateFunction function(FaultInjector ec2Injector, FaultInjector ecsInjector) {
        return Functions.remediate(Functions.settings(Mode.REMEDIATE), List.of(recorder, ec2Injector),
                List.of(recorder, ecsInjector));
    }

    private static void assertHealedOnce(FargateScenario scenario) {
        assertThat(scenario.readBack().endpointCountByService())
                .containsOnlyKeys(RacingRemediationTest.SEED_SERVICES)
                .allSatisfy((service, count) -> assertThat(count).as(service).isEqualTo(1));
        assertThat(scenario.readBack().securityGroups())
                .filteredOn(g -> g.name().equals("ecs-vpce-remediator-endpoints")).singleElement()
                .satisfies(g -> assertThat(g.admitsTcp(443)).isTrue());
    }
}
