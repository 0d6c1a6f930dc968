package ecsvpce.app;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a function tells people and queues follow-up checks, read once per container from its
 * environment. Unset (or empty): no notification, no follow-up.
 *
 * @param topicArn      the SNS topic people subscribe to; a standard topic, in any account and Region
 * @param queueUrl      the SQS queue the verify function reads
 * @param followUpDelay how long the first follow-up check waits in the queue; later ones pace themselves from it
 */
public record DispatchSettings(Optional<String> topicArn, Optional<String> queueUrl, Duration followUpDelay) {

    public static final String TOPIC_ARN = "NOTIFICATION_TOPIC_ARN";
    public static final String QUEUE_URL = "VERIFY_QUEUE_URL";
    public static final String DELAY_SECONDS = "VERIFY_DELAY_SECONDS";
    /**
     * The first check a minute after the fix: a new interface endpoint is usually still pending then, and
     * is checked again every half minute ({@link FollowUpCheck.Pace}); docs/recovery.md says why.
     */
    static final Duration DEFAULT_DELAY = Duration.ofSeconds(60);
    /** SQS delays a message by 15 minutes at most. */
    static final int MAX_DELAY_SECONDS = 900;
    private static final Pattern TOPIC = Pattern.compile("arn:aws[a-z-]*:sns:([a-z0-9-]+):[0-9]{12}:[A-Za-z0-9_.-]{1,256}");

    /** Nothing configured: reports only. */
    public static DispatchSettings none() {
        return new DispatchSettings(Optional.empty(), Optional.empty(), DEFAULT_DELAY);
    }

    /** The Region of the topic: a topic in another Region is published to through that Region's endpoint. */
    public Optional<String> topicRegion() {
        return topicArn.map(arn -> {
            Matcher matcher = TOPIC.matcher(arn);
            return matcher.matches() ? matcher.group(1) : null;
        });
    }

    /** Reads the settings; a value that is set but malformed is an error, never a silent default. */
    public static DispatchSettings fromEnvironment(Map<String, String> env) {
        Optional<String> topic = value(env, TOPIC_ARN);
        topic.ifPresent(arn -> {
            if (!TOPIC.matcher(arn).matches()) {
                throw new IllegalArgumentException(TOPIC_ARN + " must be an SNS topic ARN, not '" + arn + "'");
            }
            if (arn.endsWith(".fifo")) {
                throw new IllegalArgumentException(TOPIC_ARN + " must be a standard topic: a FIFO topic delivers "
                        + "to SQS queues only, not to e-mail or chat");
            }
        });
        Duration delay = DEFAULT_DELAY;
        Optional<String> seconds = value(env, DELAY_SECONDS);
        if (seconds.isPresent()) {
            int parsed;
            try {
                parsed = Integer.parseInt(seconds.get());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(DELAY_SECONDS + " must be a whole number of seconds, not '"
                        + seconds.get() + "'", e);
            }
            if (parsed < 0 || parsed > MAX_DELAY_SECONDS) {
                throw new IllegalArgumentException(DELAY_SECONDS + " must be 0 to " + MAX_DELAY_SECONDS + ", not " + parsed);
            }
            delay = Duration.ofSeconds(parsed);
        }
        return new DispatchSettings(topic, value(env, QUEUE_URL), delay);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }
}
