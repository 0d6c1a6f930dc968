package ecsvpce.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An SNS topic with an SQS queue subscribed to it, as a machine (or the test) listens to what people
 * are told: every published message arrives in the queue in SNS's envelope, with the text SNS
 * picks for the {@code sqs} protocol.
 */
public final class Inbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs = FixtureClients.sqs();
    private final String topicArn;
    private final String queueUrl;

    private Inbox(String topicArn, String queueUrl) {
        this.topicArn = topicArn;
        this.queueUrl = queueUrl;
    }

    /** A new topic named {@code name} and a queue subscribed to it. */
    public static Inbox create(String name) {
        SnsClient sns = FixtureClients.sns();
        SqsClient sqs = FixtureClients.sqs();
        String topicArn = sns.createTopic(r -> r.name(name)).topicArn();
        String queueUrl = sqs.createQueue(r -> r.queueName(name + "-inbox")).queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
        return new Inbox(topicArn, queueUrl);
    }

    public String topicArn() {
        return topicArn;
    }

    /** Every message that arrived since the last call, oldest first, as SNS's envelope. */
    public List<JsonNode> take() {
        List<JsonNode> envelopes = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
            for (Message message : batch) {
                envelopes.add(read(message.body()));
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return envelopes;
    }

    /** The {@code Message} of an envelope, which for SQS subscribers is the chat notification. */
    public static JsonNode chat(JsonNode envelope) {
        return read(envelope.path("Message").asText());
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
