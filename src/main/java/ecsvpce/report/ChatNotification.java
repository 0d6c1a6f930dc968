package ecsvpce.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A report as an Amazon Q Developer in chat applications custom notification: the only shape it
 * posts to Slack, Microsoft Teams or Amazon Chime from an SNS topic (any other payload is dropped
 * without a trace). It is also what SQS, HTTPS and Lambda subscribers receive. The description is
 * Markdown and lists every line of every section, in the readable's order (the cause of the failure
 * first), as long as it fits in the service's limit of {@link #DESCRIPTION_LIMIT} characters; only the
 * lines beyond it become "... and N more" (the whole report is in the e-mail and the log).
 */
public final class ChatNotification {
    /**
     * The description's size: within what Amazon Q Developer takes and what Slack shows in one block of
     * text, 3,000 characters (docs/telling-people.md#chat-the-custom-notification-schema).
     */
    static final int DESCRIPTION_LIMIT = 3_000;
    /** Characters of one line: a finding's change (an AWS CLI command) fits whole. */
    static final int LINE_LIMIT = 600;
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
        StringBuilder text = new StringBuilder(readable.headline()).append("\n_")
                .append(readable.origin()).append("_\n");
        List<Readable.Section> sections = readable.sections();
        int left = sections.stream().mapToInt(section -> section.lines().size()).sum();
        int reserve = more(left).length();
        for (Readable.Section section : sections) {
            String heading = "\n*" + section.heading() + "*\n";
            for (int index = 0; index < section.lines().size(); index++) {
                String line = (index == 0 ? heading : "") + "• " + cut(section.lines().get(index), LINE_LIMIT) + "\n";
                // Room is kept for the line that says how many more there are, unless this is the last.
                if (text.length() + line.length() + (left > 1 ? reserve : 0) > DESCRIPTION_LIMIT) {
                    return text.append(more(left)).toString();
                }
                text.append(line);
                left--;
            }
        }
        return text.toString();
    }

    private static String more(int count) {
        return "• ... and " + count + " more (the e-mail and the function's log have them all)\n";
    }

    static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
