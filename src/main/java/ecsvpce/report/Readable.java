package ecsvpce.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as a person reads it, before it becomes plain text ({@link ReportText}) or a chat message
 * ({@link ChatNotification}). Built from the report's JSON form by {@link Readables}, so it shows what
 * the log line shows, redacted the same way.
 *
 * @param subject   one line under 100 characters: outcome, what, account and Region
 * @param headline  the report's summary
 * @param origin    the account, Region and mode it came from
 * @param nextSteps what a person can do, most useful first
 * @param labels    {@code outcome} (or verdict, or the sweep's label), {@code account} and {@code region},
 *                  each when known: what chat clients show as keywords and a shared topic's subscribers
 *                  filter on
 */
public record Readable(String subject, String headline, String origin, List<Section> sections, List<String> nextSteps,
                       Map<String, String> labels) {

    public Readable {
        sections = sections.stream().filter(section -> !section.lines().isEmpty()).toList();
        nextSteps = List.copyOf(nextSteps);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** The labels' values, outcome first. */
    public List<String> keywords() {
        return List.copyOf(labels.values());
    }

    /** A heading and its lines; a section without lines is left out. */
    public record Section(String heading, List<String> lines) {
        public Section {
            lines = List.copyOf(lines);
        }
    }
}
