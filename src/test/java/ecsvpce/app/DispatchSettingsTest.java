package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a function tells people and queues checks: read from its environment, refused when malformed. */
class DispatchSettingsTest {
    private static final String CENTRAL = "arn:aws:sns:eu-west-1:111122223333:ecs-vpce-remediator-reports";

    @Test
    void nothingSetMeansNoNotificationNoFollowUpAndTheDefaultDelay() {
        DispatchSettings settings = DispatchSettings.fromEnvironment(Map.of(DispatchSettings.TOPIC_ARN, " "));

        assertThat(settings).isEqualTo(DispatchSettings.none());
        assertThat(settings.followUpDelay()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aTopicInAnotherAccountAndRegionIsReachedThroughItsRegion() {
        DispatchSettings settings = DispatchSettings.fromEnvironment(Map.of(DispatchSettings.TOPIC_ARN, CENTRAL,
                DispatchSettings.QUEUE_URL, "https://sqs.us-east-1.amazonaws.com/123456789012/verify",
                DispatchSettings.DELAY_SECONDS, "120"));

        assertThat(settings.topicArn()).contains(CENTRAL);
        assertThat(settings.topicRegion()).contains("eu-west-1");
        assertThat(settings.queueUrl()).contains("https://sqs.us-east-1.amazonaws.com/123456789012/verify");
        assertThat(settings.followUpDelay()).isEqualTo(Duration.ofSeconds(120));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "900"})
    void aDelayFromNoneToSqsLongestIsTaken(String seconds) {
        DispatchSettings settings = DispatchSettings.fromEnvironment(Map.of(DispatchSettings.DELAY_SECONDS, seconds));

        assertThat(settings.followUpDelay()).isEqualTo(Duration.ofSeconds(Long.parseLong(seconds)));
    }

    @Test
    void malformedValuesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> DispatchSettings.fromEnvironment(Map.of(DispatchSettings.TOPIC_ARN, "my-topic")))
                .hasMessageContaining("must be an SNS topic ARN");
        assertThatThrownBy(() -> DispatchSettings.fromEnvironment(Map.of(DispatchSettings.TOPIC_ARN, CENTRAL + ".fifo")))
                .hasMessageContaining("FIFO topic delivers to SQS queues only");
        assertThatThrownBy(() -> DispatchSettings.fromEnvironment(Map.of(DispatchSettings.DELAY_SECONDS, "5m")))
                .hasMessageContaining("whole number of seconds");
        assertThatThrownBy(() -> DispatchSettings.fromEnvironment(Map.of(DispatchSettings.DELAY_SECONDS, "901")))
                .hasMessageContaining("0 to 900");
        assertThatThrownBy(() -> DispatchSettings.fromEnvironment(Map.of(DispatchSettings.DELAY_SECONDS, "-1")))
                .hasMessageContaining("0 to 900");
    }
}
