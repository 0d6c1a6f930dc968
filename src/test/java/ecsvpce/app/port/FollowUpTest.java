package ecsvpce.app.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ecsvpce.core.EndpointService;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The follow-up message: what is written is what is read back, and anything else is refused with the reason. */
class FollowUpTest {
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
    void theLargestMessageReadsBackAndAnyLargerIsRefused() {
        FollowUp largest = new FollowUp(FOLLOW_UP.vpcId(), FOLLOW_UP.trigger(), FOLLOW_UP.failedAt(), FOLLOW_UP.appliedAt(), 1,
                Collections.nCopies(FollowUp.MAX_WORKLOADS, FOLLOW_UP.workloads().get(0)));
        String padded = largest.toJson() + " ".repeat(FollowUp.MAX_BYTES - largest.toJson().length());

        assertThat(FollowUp.parse(padded)).isEqualTo(largest);
        assertThatThrownBy(() -> FollowUp.parse(padded + " ")).hasMessageContaining("larger than " + FollowUp.MAX_BYTES + " bytes");
        assertThatThrownBy(() -> FollowUp.parse(new FollowUp(FOLLOW_UP.vpcId(), FOLLOW_UP.trigger(), FOLLOW_UP.failedAt(),
                FOLLOW_UP.appliedAt(), 1, Collections.nCopies(FollowUp.MAX_WORKLOADS + 1, FOLLOW_UP.workloads().get(0))).toJson()))
                .hasMessageContaining("\"workloads\" must list 1 to " + FollowUp.MAX_WORKLOADS);
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
    })
    void anythingElseIsRefusedWithTheReason(String body, String reason) {
        assertThatThrownBy(() -> FollowUp.parse(body)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
