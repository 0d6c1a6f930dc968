package ecsvpce.app.port;

/** Where people are told what happened: an SNS topic, in the deployed product. */
public interface Notifier {

    /**
     * @return the id the channel gave the message
     * @throws CallFailure when the channel refuses it (access denied, throttled after retries, ...)
     */
    String publish(Notice notice);
}
