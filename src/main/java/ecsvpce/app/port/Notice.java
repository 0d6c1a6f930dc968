package ecsvpce.app.port;

import java.util.Map;

/**
 * What people are told about one outcome, ready for every kind of subscriber.
 *
 * @param subject  one line, under 100 characters (the e-mail subject)
 * @param text     the readable report, for e-mail
 * @param chatJson the same as an Amazon Q Developer in chat applications custom notification
 * @param labels   {@code outcome}, {@code account} and {@code region}, each when known: what the
 *                 subscribers of a topic shared by many accounts filter on
 */
public record Notice(String subject, String text, String chatJson, Map<String, String> labels) {
    public Notice {
        labels = Map.copyOf(labels);
    }
}
