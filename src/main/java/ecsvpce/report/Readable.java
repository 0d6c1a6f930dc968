package ecsvpce.report;

import java.util.List;

/**
 * A report as a person reads it, before it becomes plain text ({@link ReportText}) or a chat message
 * ({@link ChatNotification}). Built from the report's JSON form by {@link Readables}, so it shows what
 * the log line shows, redacted the same way.
 *
 * @param subject   one line under 100 characters: outcome, what, account and Region
 * @param headline  the report's summary
 * @param origin    the account, Region and mode it came from
 * @param nextSteps what a person can do, most useful first
 * @param keywords  short labels (outcome, account, Region) chat clients can show
 */
public record Readable(String subject, String headline, String origin, List<Section> sections, List<String> nextSteps,
                       List<String> keywords) {

    public Readable {
        sections = sections.stream().filter(section -> !section.lines().isEmpty()).toList();
        nextSteps = List.copyOf(nextSteps);
        keywords = List.copyOf(keywords);
    }

    /** A heading and its lines; a section without lines is left out. */
    public record Section(String heading, List<String> lines) {
        public Section {
            lines = List.copyOf(lines);
        }
    }
}
