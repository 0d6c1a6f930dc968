package ecsvpce.app.port;

/**
 * What people are told about one outcome, ready for every kind of subscriber.
 *
 * @param subject  one line, under 100 characters (the e-mail subject)
 * @param text     the readable report, for e-mail
 * @param chatJson the same as an Amazon Q Developer in chat applications custom notification
 */
public record Notice(String subject, String text, String chatJson) {
}
