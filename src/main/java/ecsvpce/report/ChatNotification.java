package ecsvpce.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A report as an Amazon Q Developer in chat applications custom notification: the only shape it
 * posts to Slack, Microsoft Teams or Amazon Chime from an SNS topic (any other payload is dropped
 * without a trace). The description is Markdown, cut to {@link #DESCRIPTION_LIMIT} characters: the
 * whole report is in the e-mail and the logs.
 */
public final class ChatNotification {
    static final int DESCRIPTION_LIMIT = 3_000;
    /** Lines of a section shown in chat, and characters of a line; the e-mail and the log have them all. */
    static final int SECTION_LINES = 5;
    static final int LINE_LIMIT = 200;
    static final int NEXT_STEPS = 5;
    static final int NEXT_STEP_LIMIT = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatNotification() {
    }

    public static String json(Readable readable) {
        ObjectNode notification = JSON.createObjectNode().put("version", "1.0").put("source", "custom");
        ObjectNode content = notification.putObject("content").put("textType", "client-markdown")
                .put("title", readable.subject()).put("description", description(readable));
        readable.nextSteps().stream().limit(NEXT_STEPS).map(step -> cut(step, NEXT_STEP_LIMIT))
                .forEach(content.putArray("nextSteps")::add);
        readable.keywords().forEach(content.putArray("keywords")::add);
        return notification.toString();
    }

    private static String description(Readable readable) {
        StringBuilder text = new StringBuilder(readable.headline()).append("\n_").append(readable.origin()).append("_\n");
        for (Readable.Section section : readable.sections()) {
            text.append("\n*").append(section.heading()).append("*\n");
            section.lines().stream().limit(SECTION_LINES).forEach(line -> text.append("• ").append(cut(line, LINE_LIMIT)).append('\n'));
            if (section.lines().size() > SECTION_LINES) {
                text.append("• ... and ").append(section.lines().size() - SECTION_LINES).append(" more\n");
            }
        }
        return cut(text.toString(), DESCRIPTION_LIMIT);
    }

    static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
