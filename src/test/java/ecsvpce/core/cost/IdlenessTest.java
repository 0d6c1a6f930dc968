package ecsvpce.core.cost;

import static ecsvpce.core.cost.Endpoints.NOW;
import static ecsvpce.core.cost.Endpoints.REGION;
import static ecsvpce.core.cost.Endpoints.VPC;
import static ecsvpce.core.cost.Endpoints.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.EndpointService;
import ecsvpce.core.cost.Idleness.Status;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Idle only when no known workload needs it, it is older than the window and its metric, read, sums to zero. */
class IdlenessTest {
    private static final InterfaceEndpoint LOGS = Endpoints.old("vpce-logs", "logs", true);
    private static final Demand NOBODY = new Demand.Builder().build();

    @Test
    void oldUnneededAndWithoutBytesIsIdle() {
        Idleness.Verdict verdict = Idleness.judge(LOGS, NOBODY, Endpoints.bytes("vpce-logs", 0), REGION, NOW, WINDOW);

        assertThat(verdict.status()).isEqualTo(Status.IDLE);
        assertThat(verdict.bytes()).isZero();
    }

    @Test
    void aMetricReadWithoutDatapointsIsZero() {
        // The adapter answers 0 for a metric read without a datapoint: PrivateLink reports only minutes with traffic.
        assertThat(Idleness.judge(LOGS, NOBODY, new Traffic(Map.of("vpce-logs", 0L), Map.of()), REGION, NOW, WINDOW)
                .idle()).isTrue();
    }

    @Test
    void neededByAScheduledTaskInItsVpcIsNeverIdleEvenWithoutBytes() {
        Demand nightly = new Demand.Builder().consumer(new Consumer("arn:aws:events:eu-central-1:111122223333:rule/nightly#1",
                Consumer.Kind.EVENTBRIDGE_RULE, VPC, Set.of(EndpointService.LOGS, EndpointService.ECR_API))).build();

        Idleness.Verdict verdict = Idleness.judge(LOGS, nightly, Endpoints.bytes("vpce-logs", 0), REGION, NOW, WINDOW);

        assertThat(verdict.status()).isEqualTo(Status.NEEDED);
        assertThat(verdict.neededBy()).containsExactly("arn:aws:events:eu-central-1:111122223333:rule/nightly#1");
    }

    @Test
    void aWorkloadInAnotherVpcOrNeedingAnotherServiceDoesNotCount() {
        Demand elsewhere = new Demand.Builder()
                .consumer(new Consumer("svc-a", Consumer.Kind.SERVICE, "vpc-other", Set.of(EndpointService.LOGS)))
                .consumer(new Consumer("svc-b", Consumer.Kind.SERVICE, VPC, Set.of(EndpointService.SSM))).build();

        assertThat(Idleness.judge(LOGS, elsewhere, Endpoints.bytes("vpce-logs", 0), REGION, NOW, WINDOW).idle()).isTrue();
    }

    @Test
    void aYoungEndpointIsNeverIdle() {
        InterfaceEndpoint young = Endpoints.endpoint("vpce-logs", VPC, "logs", NOW.minus(Duration.ofDays(29)), true, null);

        assertThat(Idleness.judge(young, NOBODY, Endpoints.bytes("vpce-logs", 0), REGION, NOW, WINDOW).status())
                .isEqualTo(Status.YOUNG);
    }

    @Test
    void aMetricThatCouldNotBeReadNeverMakesItIdle() {
        Traffic denied = new Traffic(Map.of(), Map.of("vpce-logs", "cloudwatch:GetMetricData was denied"));

        Idleness.Verdict verdict = Idleness.judge(LOGS, NOBODY, denied, REGION, NOW, WINDOW);

        assertThat(verdict.status()).isEqualTo(Status.METRIC_UNREAD);
        assertThat(verdict.reason()).contains("cloudwatch:GetMetricData was denied");
        assertThat(Idleness.judge(LOGS, NOBODY, new Traffic(Map.of(), Map.of()), REGION, NOW, WINDOW).status())
                .as("a metric never asked for").isEqualTo(Status.METRIC_UNREAD);
    }

    @Test
    void bytesInTheWindowMeanInUse() {
        assertThat(Idleness.judge(LOGS, NOBODY, Endpoints.bytes("vpce-logs", 1), REGION, NOW, WINDOW).status())
                .isEqualTo(Status.IN_USE);
    }

    @Test
    void unknownNeedsInItsVpcOrAnywhereNeverMakeItIdle() {
        Demand vpcUnknown = new Demand.Builder().unknownInVpc(VPC, "the task definition of service web could not be read")
                .build();
        Demand allUnknown = new Demand.Builder().unknownEverywhere("EventBridge rules could not be read").build();

        assertThat(Idleness.judge(LOGS, vpcUnknown, Endpoints.bytes("vpce-logs", 0), REGION, NOW, WINDOW).reason())
                .contains("task definition of service web");
        assertThat(Idleness.judge(LOGS, allUnknown, Endpoints.bytes("vpce-logs", 0), REGION, NOW, WINDOW).status())
                .isEqualTo(Status.NEEDS_UNKNOWN);
        assertThat(Idleness.judge(LOGS, new Demand.Builder().unknownInVpc("vpc-other", "x").build(),
                Endpoints.bytes("vpce-logs", 0), REGION, NOW, WINDOW).idle()).as("another VPC's unknowns").isTrue();
    }

    @Test
    void anEndpointOfAServiceNoTaskNeedsAtStartUpIsJudgedByItsBytes() {
        InterfaceEndpoint sqs = Endpoints.old("vpce-sqs", "sqs", false);

        assertThat(Idleness.judge(sqs, NOBODY, Endpoints.bytes("vpce-sqs", 0), REGION, NOW, WINDOW).idle()).isTrue();
        assertThat(Idleness.judge(sqs, NOBODY, Endpoints.bytes("vpce-sqs", 5), REGION, NOW, WINDOW).idle()).isFalse();
    }
}
