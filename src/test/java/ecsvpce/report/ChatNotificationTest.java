package ecsvpce.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.app.ReportSamples.SweepSample;
import ecsvpce.app.ReportSamples.TaskSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chat message is Amazon Q Developer in chat applications' custom notification, the only shape
 * it posts from an SNS topic; anything else is dropped without a trace, so the shape is checked exactly.
 */
class ChatNotificationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(TaskSample.class)
    void everyReportBecomesACustomNotification(TaskSample sample) throws Exception {
        Readable readable = Readables.of(sample.json());

        JsonNode chat = JSON.readTree(ChatNotification.json(readable));

        assertThat(fieldNames(chat)).containsExactly("version", "source", "content");
        assertThat(chat.path("version").asText()).isEqualTo("1.0");
        assertThat(chat.path("source").asText()).isEqualTo("custom");
        JsonNode content = chat.path("content");
        assertThat(fieldNames(content)).containsExactly("textType", "title", "description", "nextSteps", "keywords");
        assertThat(content.path("textType").asText()).isEqualTo("client-markdown");
        assertThat(content.path("title").asText()).isEqualTo(readable.subject());
        assertThat(content.path("description").asText()).startsWith(readable.headline())
                .hasSizeLessThanOrEqualTo(ChatNotification.DESCRIPTION_LIMIT);
        assertThat(content.path("nextSteps")).hasSizeLessThanOrEqualTo(ChatNotification.NEXT_STEPS)
                .allSatisfy(step -> assertThat(step.asText()).hasSizeLessThanOrEqualTo(ChatNotification.NEXT_STEP_LIMIT));
    }

    @Test
    void sectionsAreMarkdownAndShortenedForChat() throws Exception {
        Map<String, Object> json = SweepSample.FIXED.json();

        String description = JSON.readTree(ChatNotification.json(Readables.of(json))).path("content").path("description").asText();

        assertThat(description).contains("*VPC vpc-0a1b2c3d4e5f60001*\n• FIXED web")
                .contains("• ... and " + (9 - ChatNotification.SECTION_LINES) + " more");
        assertThat(description.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(ChatNotification.LINE_LIMIT + 2));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
