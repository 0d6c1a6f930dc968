package ecsvpce.testing;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** An SQS queue a test reads everything from, taking each message off as it goes. */
final class TestQueue {
    private final SqsClient sqs = FixtureClients.sqs();
    private final String url;
    private final String arn;

    private TestQueue(String url, String arn) {
        this.url = url;
        this.arn = arn;
    }

    static TestQueue create(String name) {
        SqsClient sqs = FixtureClients.sqs();
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        return new TestQueue(url, sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN));
    }

    String url() {
        return url;
    }

    String arn() {
        return arn;
    }

    /** Every message waiting, oldest first, deleted from the queue. */
    List<Message> take() {
        List<Message> taken = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
            for (Message message : batch) {
                taken.add(message);
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return taken;
    }
}
