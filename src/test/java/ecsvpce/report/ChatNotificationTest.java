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

    @Test
    void theNextStepsAndKeywordsAreThoseOfTheReport() throws Exception {
        Readable readable = Readables.of(TaskSample.REMEDIATED.json());

        JsonNode content = JSON.readTree(ChatNotification.json(readable)).path("content");

        assertThat(texts(content.path("nextSteps"))).hasSize(2).isEqualTo(readable.nextSteps());
        assertThat(texts(content.path("keywords"))).isEqualTo(readable.keywords());
    }

    @Test
    void whatJustFitsIsKeptWholeAndOneMoreIsCut() throws Exception {
        List<String> fiveLines = List.of("one", "two", "three", "four", "five");
        String fits = "s".repeat(ChatNotification.NEXT_STEP_LIMIT);
        Readable readable = new Readable("subject", "headline", "origin", List.of(new Readable.Section("Five", fiveLines)),
                List.of(fits, fits + "t"), Map.of());

        JsonNode content = JSON.readTree(ChatNotification.json(readable)).path("content");

        assertThat(content.path("description").asText()).endsWith("*Five*\n• one\n• two\n• three\n• four\n• five\n");
        assertThat(texts(content.path("nextSteps"))).containsExactly(fits, "s".repeat(ChatNotification.NEXT_STEP_LIMIT - 1) + "…");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
