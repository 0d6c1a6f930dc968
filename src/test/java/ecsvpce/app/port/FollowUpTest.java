package ecsvpce.app.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.core.EndpointService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The follow-up message: what is written is what is read back, and anything else is refused with the reason. */
class FollowUpTest {
    private static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";
    private static final FollowUp FOLLOW_UP = new FollowUp("vpc-0a1b2c3d4e5f60001",
            "arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0", Instant.parse("2026-11-30T09:53:00Z"),
            Instant.parse("2026-11-30T09:55:00Z"), 2, List.of(
                    new FollowUp.Workload("subnet-0a1b2c3d4e5f60001", List.of(EndpointService.ECR_DKR, EndpointService.S3),
                            List.of("sg-0a1b2c3d4e5f60001"), "arn:aws:ecs:us-east-1:123456789012:cluster/prod", "web"),
                    new FollowUp.Workload("subnet-0a1b2c3d4e5f60002", List.of(), List.of(), null, null)));

    @Test
    void aMessageReadsBackAsWritten() {
        assertThat(FollowUp.parse(FOLLOW_UP.toJson())).isEqualTo(FOLLOW_UP);
        assertThat(FOLLOW_UP.next().check()).isEqualTo(3);
    }

    @Test
    void whatTheRecoveryCarriesFromCheckToCheckReadsBackAsWritten() {
        Instant live = Instant.parse("2026-11-30T09:56:30Z");
        FollowUp.Workload failing = new FollowUp.Workload("subnet-0a1b2c3d4e5f60001", List.of(EndpointService.LOGS),
                List.of(), CLUSTER, "web", true);
        FollowUp first = new FollowUp(FOLLOW_UP.vpcId(), FOLLOW_UP.trigger(), FOLLOW_UP.failedAt(), FOLLOW_UP.appliedAt(), 1,
                List.of(failing), List.of("vpce-0a1b2c3d4e5f60001", "vpce-0a1b2c3d4e5f60002"), null, List.of());
        FollowUp next = first.next(live, List.of(new FollowUp.ServiceTimes(CLUSTER, "web", "ecs-svc/4817196240812917432",
                live.plusSeconds(1), null, null)));
        FollowUp healed = next.next(live, List.of(new FollowUp.ServiceTimes(CLUSTER, "web", "ecs-svc/4817196240812917432",
                live.plusSeconds(1), live.plusSeconds(30), live.plusSeconds(60))));

        assertThat(FollowUp.parse(first.toJson())).isEqualTo(first);
        assertThat(FollowUp.parse(next.toJson())).isEqualTo(next);
        assertThat(FollowUp.parse(healed.toJson())).isEqualTo(healed);
        assertThat(next.check()).isEqualTo(2);
        assertThat(next.next().services()).isEqualTo(next.services());
    }

    /** A message an earlier version queued (no endpoint ids, no failing mark, no times) still reads: it recovers nothing. */
    @Test
    void aMessageOfTheEarlierFormatStillReads() throws Exception {
        String event = Files.readString(Path.of("events/verify-follow-up.json"));
        String body = new ObjectMapper().readTree(event).path("Records").get(0).path("body").asText();

        FollowUp earlier = FollowUp.parse(body);

        assertThat(earlier.endpointIds()).isEmpty();
        assertThat(earlier.liveAt()).isNull();
        assertThat(earlier.services()).isEmpty();
        assertThat(earlier.workloads()).singleElement().satisfies(w -> assertThat(w.failedToStart()).isFalse());
    }

    @Test
    void theLargestMessageReadsBackAndAnyLargerIsRefused() {
        FollowUp.ServiceTimes times = new FollowUp.ServiceTimes(CLUSTER, "web", "ecs-svc/4817196240812917432",
                FOLLOW_UP.appliedAt().plusSeconds(90), null, null);
        FollowUp largest = new FollowUp(FOLLOW_UP.vpcId(), FOLLOW_UP.trigger(), FOLLOW_UP.failedAt(), FOLLOW_UP.appliedAt(), 1,
                Collections.nCopies(FollowUp.MAX_WORKLOADS, FOLLOW_UP.workloads().get(0)),
                Collections.nCopies(FollowUp.MAX_WORKLOADS, "vpce-0a1b2c3d4e5f60001"), null,
                Collections.nCopies(FollowUp.MAX_WORKLOADS, times));
        String padded = largest.toJson() + " ".repeat(FollowUp.MAX_BYTES - largest.toJson().length());

        assertThat(FollowUp.parse(padded)).isEqualTo(largest);
        assertThatThrownBy(() -> FollowUp.parse(padded + " ")).hasMessageContaining("larger than " + FollowUp.MAX_BYTES + " bytes");
        assertThatThrownBy(() -> FollowUp.parse(new FollowUp(FOLLOW_UP.vpcId(), FOLLOW_UP.trigger(), FOLLOW_UP.failedAt(),
                FOLLOW_UP.appliedAt(), 1, Collections.nCopies(FollowUp.MAX_WORKLOADS + 1, FOLLOW_UP.workloads().get(0))).toJson()))
                .hasMessageContaining("\"workloads\" must list 1 to " + FollowUp.MAX_WORKLOADS);
        assertThatThrownBy(() -> FollowUp.parse(new FollowUp(FOLLOW_UP.vpcId(), FOLLOW_UP.trigger(), FOLLOW_UP.failedAt(),
                FOLLOW_UP.appliedAt(), 1, FOLLOW_UP.workloads(), List.of(), null,
                Collections.nCopies(FollowUp.MAX_WORKLOADS + 1, times)).toJson()))
                .hasMessageContaining("\"services\" must be a list of at most " + FollowUp.MAX_WORKLOADS + " items");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''| the message body is empty",
            "hello| the message body is not JSON",
            "[1]| not a follow-up message",
            "{\"followUp\": 2}| not a follow-up message",
            "{\"followUp\": 1, \"check\": 0}| \"check\" must be a whole number from 1",
            "{\"followUp\": 1, \"check\": 1, \"workloads\": []}| \"workloads\" must list 1 to 50 workloads",
            "{\"followUp\": 1, \"check\": 1, \"workloads\": [{\"subnetId\": \"subnet-0a1b2c3d\", \"needs\": [\"ftp\"]}]}| unknown need \"ftp\"",
            "{\"followUp\": 1, \"check\": 1, \"workloads\": [{\"subnetId\": \"x\"}]}| \"subnetId\" is missing or malformed",
            "{\"followUp\": 1, \"check\": 1, \"workloads\": [{\"subnetId\": \"subnet-0a1b2c3d\", \"securityGroupIds\": [\"default\"]}]}| not a security group id: \"default\"",
            "{\"followUp\": 1, \"check\": 1, \"workloads\": [{\"subnetId\": \"subnet-0a1b2c3d\", \"serviceName\": \"web\"}]}| names both clusterArn and serviceName, or neither",
            "{\"followUp\": 1, \"check\": 1, \"vpcId\": \"vpc-0a1b2c3d\", \"workloads\": [{\"subnetId\": \"subnet-0a1b2c3d\"}]}| \"failedAt\" is not an ISO-8601 instant",
            "{\"followUp\": 1, \"check\": 1, \"vpcId\": \"vpc-nope\", \"workloads\": [{\"subnetId\": \"subnet-0a1b2c3d\"}]}| \"vpcId\" is missing or malformed",
            "{\"followUp\": 1, \"check\": 1, \"workloads\": [{\"subnetId\": \"subnet-0a1b2c3d\", \"failedToStart\": \"yes\"}]}| \"failedToStart\" must be true or false",
            "{\"followUp\": 1, \"check\": 1, \"workloads\": [{\"subnetId\": \"subnet-0a1b2c3d\", \"failedToStart\": true}]}| only a service's workload can be failing to start",
            "{\"followUp\": 1, \"check\": 1, \"endpointIds\": [\"vpce-x\"], \"workloads\": [{\"subnetId\": \"subnet-0a1b2c3d\"}]}| not a VPC endpoint id: \"vpce-x\"",
            "{\"followUp\": 1, \"check\": 1, \"endpointIds\": \"vpce-0a1b2c3d\", \"workloads\": [{\"subnetId\": \"subnet-0a1b2c3d\"}]}| \"endpointIds\" must be a list",
            "{\"followUp\": 1, \"check\": 1, \"vpcId\": \"vpc-0a1b2c3d\", \"failedAt\": \"2026-11-30T09:53:00Z\", \"appliedAt\": \"2026-11-30T09:53:00Z\", \"liveAt\": \"soon\", \"workloads\": [{\"subnetId\": \"subnet-0a1b2c3d\"}]}| \"liveAt\" is not an ISO-8601 instant",
            "{\"followUp\": 1, \"check\": 1, \"services\": [{\"serviceName\": \"web\"}], \"workloads\": [{\"subnetId\": \"subnet-0a1b2c3d\"}]}| \"clusterArn\" is missing or malformed",
    })
    void anythingElseIsRefusedWithTheReason(String body, String reason) {
        assertThatThrownBy(() -> FollowUp.parse(body)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
