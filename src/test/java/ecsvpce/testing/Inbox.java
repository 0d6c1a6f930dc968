package ecsvpce.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * An SNS topic with an SQS queue subscribed to it, as a machine (or the test) listens to what people
 * are told: every published message arrives in the queue in SNS's envelope, with the text SNS
 * picks for the {@code sqs} protocol.
 */
public final class Inbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topicArn;
    private final TestQueue queue;

    private Inbox(String topicArn, TestQueue queue) {
        this.topicArn = topicArn;
        this.queue = queue;
    }

    /** A new topic named {@code name} and a queue subscribed to it. */
    public static Inbox create(String name) {
        return create(name, Map.of());
    }

    /** A new topic named {@code name} and a queue subscribed to it with these subscription attributes (FilterPolicy...). */
    public static Inbox create(String name, Map<String, String> subscriptionAttributes) {
        String topicArn = FixtureClients.sns().createTopic(r -> r.name(name)).topicArn();
        TestQueue queue = TestQueue.create(name + "-inbox");
        FixtureClients.sns().subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queue.arn())
                .attributes(subscriptionAttributes));
        return new Inbox(topicArn, queue);
    }

    public String topicArn() {
        return topicArn;
    }

    /** Every message that arrived since the last call, oldest first, as SNS's envelope. */
    public List<JsonNode> take() {
        return queue.take().stream().map(message -> read(message.body())).toList();
    }

    /** The {@code Message} of an envelope, which for SQS subscribers is the chat notification. */
    public static JsonNode chat(JsonNode envelope) {
        return read(envelope.path("Message").asText());
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
