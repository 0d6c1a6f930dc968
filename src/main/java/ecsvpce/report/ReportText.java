package ecsvpce.report;

import java.util.Map;

/** A report as plain text: what e-mail subscribers get, what the demo and {@code local-invoke --text} print. */
public final class ReportText {
    private ReportText() {
    }

    /** @param report a report's JSON form, as the handlers return and log it */
    public static String of(Map<String, Object> report) {
        return render(Readables.of(report));
    }

    public static String render(Readable readable) {
        StringBuilder text = new StringBuilder(readable.headline()).append('\n').append(readable.origin()).append('\n');
        for (Readable.Section section : readable.sections()) {
            heading(text, section.heading());
            section.lines().forEach(line -> text.append("  ").append(line).append('\n'));
        }
        if (!readable.nextSteps().isEmpty()) {
            heading(text, "Next steps");
            readable.nextSteps().forEach(step -> text.append("  - ").append(step).append('\n'));
        }
        return text.toString();
    }

    private static void heading(StringBuilder text, String heading) {
        text.append('\n').append(heading).append('\n').append("-".repeat(heading.length())).append('\n');
    }
}
