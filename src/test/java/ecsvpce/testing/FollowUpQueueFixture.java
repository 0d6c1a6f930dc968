package ecsvpce.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The follow-up queue, read as Lambda's SQS poller reads it for VerifyFunction: each message
 * becomes an SQS event of one record (the template's BatchSize).
 */
public final class FollowUpQueueFixture {
    private final TestQueue queue;

    private FollowUpQueueFixture(TestQueue queue) {
        this.queue = queue;
    }

    public static FollowUpQueueFixture create(String name) {
        return new FollowUpQueueFixture(TestQueue.create(name));
    }

    public String url() {
        return queue.url();
    }

    /** Every message waiting, taken off the queue, each as the SQS event VerifyFunction gets. */
    public List<Map<String, Object>> takeEvents() {
        return queue.take().stream().map(message -> event(message.messageId(), message.body())).toList();
    }

    /** The body of an SQS event's one record: the follow-up message. */
    @SuppressWarnings("unchecked")
    public static String body(Map<String, Object> event) {
        return String.valueOf(((List<Map<String, Object>>) event.get("Records")).get(0).get("body"));
    }

    /** An SQS event of one record with this body, as Lambda delivers it. */
    public Map<String, Object> event(String messageId, String body) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("messageId", messageId);
        record.put("body", body);
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", queue.arn());
        record.put("awsRegion", MotoServer.REGION);
        return Map.of("Records", List.of(record));
    }
}
