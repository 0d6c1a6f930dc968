package ecsvpce.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.app.port.Notice;
import ecsvpce.app.port.Notifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes a notice to an SNS topic once, with one text per kind of subscriber
 * ({@code MessageStructure: json}): e-mail gets the readable report, every other protocol (the
 * chat integration's HTTPS subscription, SQS, Lambda) the chat notification, which is JSON. The
 * notice's labels go along as message attributes, so a subscription's filter policy can pick
 * outcomes, accounts or Regions out of a topic shared by an organisation.
 */
public final class SnsNotifier implements Notifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<SnsClient> sns;
    private final String topicArn;

    /** @param sns built at the first notice: most invocations tell nobody */
    public SnsNotifier(Supplier<SnsClient> sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public String publish(Notice notice) {
        String message = JSON.createObjectNode().put("default", notice.chatJson()).put("email", notice.text()).toString();
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        notice.labels().forEach((name, value) ->
                attributes.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        return AwsCall.run("sns:Publish", () -> sns.get().publish(r -> r.topicArn(topicArn).subject(notice.subject())
                .messageStructure("json").message(message).messageAttributes(attributes))).messageId();
    }
}
