package ecsvpce.aws;

import ecsvpce.app.port.FollowUp;
import ecsvpce.app.port.FollowUpQueue;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Queues a follow-up check as the JSON body of an SQS message, delayed until it is due. */
public final class SqsFollowUpQueue implements FollowUpQueue {
    private final Supplier<SqsClient> sqs;
    private final String queueUrl;

    /** @param sqs built at the first follow-up: only applied changes ask for one */
    public SqsFollowUpQueue(Supplier<SqsClient> sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(FollowUp followUp, Duration delay) {
        AwsCall.run("sqs:SendMessage", () -> sqs.get().sendMessage(r -> r.queueUrl(queueUrl).messageBody(followUp.toJson())
                .delaySeconds((int) delay.toSeconds())));
    }
}
