package ecsvpce.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.app.ReportSamples.SweepSample;
import ecsvpce.app.ReportSamples.TaskSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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
    void sectionsAreMarkdownAndListEveryLineThatFits() throws Exception {
        Map<String, Object> json = SweepSample.FIXED.json();
        Readable readable = Readables.of(json);

        String description = description(readable);

        assertThat(description).contains("*VPC vpc-0a1b2c3d4e5f60001*\n• FIXED web").doesNotContain("... and");
        readable.sections().forEach(section -> section.lines().forEach(line -> assertThat(description).contains(line)));
    }

    /** The case: a fix of seven changes showed five in chat and hid the endpoint that was the cause. */
    @Test
    void everyChangeOfAFixIsListedTheCauseFirst() throws Exception {
        Readable readable = Readables.of(TaskSample.REMEDIATED.json());
        Readable.Section changes = readable.sections().stream().filter(s -> s.heading().equals("What changed"))
                .findFirst().orElseThrow();

        String description = description(readable);

        assertThat(changes.lines()).hasSizeGreaterThan(7);
        assertThat(changes.lines().get(0)).contains("create secretsmanager interface endpoint");
        assertThat(description).contains("*What changed*\n• " + changes.lines().get(0))
                .hasSizeLessThanOrEqualTo(ChatNotification.DESCRIPTION_LIMIT);
        changes.lines().stream().filter(line -> line.startsWith("APPLIED "))
                .forEach(line -> assertThat(description).contains("• " + line + "\n"));
        readable.sections().stream().filter(s -> s.heading().equals("Findings")).flatMap(s -> s.lines().stream())
                .forEach(line -> assertThat(description).contains("• " + line + "\n"));
        assertThat(description.indexOf("secretsmanager interface endpoint"))
                .isLessThan(description.indexOf("ecr.dkr interface endpoint"));
    }

    @Test
    void onlyWhatIsBeyondTheServicesLimitBecomesAndNMore() throws Exception {
        List<String> lines = IntStream.range(0, 200).mapToObj(i -> String.format("line %03d ", i) + "x".repeat(90)).toList();
        Readable readable = new Readable("subject", "headline", "origin", List.of(new Readable.Section("Many", lines)),
                List.of(), Map.of());

        String description = description(readable);

        assertThat(description).hasSizeLessThanOrEqualTo(ChatNotification.DESCRIPTION_LIMIT);
        long shown = description.lines().filter(line -> line.startsWith("• line ")).count();
        // Every line that fits is shown: only the room for the last line's "... and N more" is kept back.
        assertThat(shown).isGreaterThanOrEqualTo((ChatNotification.DESCRIPTION_LIMIT - 200) / 100 - 1);
        assertThat(description).endsWith("• ... and " + (200 - shown) + " more (the e-mail and the function's log have them all)\n");
        assertThat(description).contains("• " + lines.get((int) shown - 1) + "\n").doesNotContain(lines.get((int) shown));
    }

    @Test
    void aListThatJustFitsIsShownWholeWithoutAndMore() throws Exception {
        String header = "headline\n_origin_\n\n*Fits*\n";
        int room = ChatNotification.DESCRIPTION_LIMIT - header.length();
        List<String> lines = new ArrayList<>();
        while (room >= 100) {
            lines.add("y".repeat(100 - 3));
            room -= 100;
        }
        lines.add("z".repeat(room - 3));
        Readable readable = new Readable("subject", "headline", "origin", List.of(new Readable.Section("Fits", lines)),
                List.of(), Map.of());

        String description = description(readable);

        assertThat(description).hasSize(ChatNotification.DESCRIPTION_LIMIT).doesNotContain("... and").endsWith("z\n");
    }

    private static String description(Readable readable) throws Exception {
        return JSON.readTree(ChatNotification.json(readable)).path("content").path("description").asText();
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
