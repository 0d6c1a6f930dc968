package ecsvpce.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The follow-up queue, read as Lambda's SQS poller reads it for VerifyFunction: each message
 * becomes an SQS event of one record (the template's BatchSize).
 */
public final class FollowUpQueueFixture {
    private final SqsClient sqs = FixtureClients.sqs();
    private final String queueUrl;
    private final String queueArn;

    private FollowUpQueueFixture(String queueUrl, String queueArn) {
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
    }

    public static FollowUpQueueFixture create(String name) {
        SqsClient sqs = FixtureClients.sqs();
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new FollowUpQueueFixture(url, arn);
    }

    public String url() {
        return queueUrl;
    }

    /** Every message waiting, taken off the queue, each as the SQS event VerifyFunction gets. */
    public List<Map<String, Object>> takeEvents() {
        List<Map<String, Object>> events = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
            for (Message message : batch) {
                events.add(event(message.messageId(), message.body()));
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return events;
    }

    /** An SQS event of one record with this body, as Lambda delivers it. */
    public Map<String, Object> event(String messageId, String body) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("messageId", messageId);
        record.put("body", body);
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", queueArn);
        record.put("awsRegion", MotoServer.REGION);
        return Map.of("Records", List.of(record));
    }
}
