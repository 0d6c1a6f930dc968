package ecsvpce.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.FollowUp;
import ecsvpce.app.port.Notice;
import ecsvpce.app.port.ServiceState;
import ecsvpce.core.EndpointService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** The SNS, SQS and ECS adapters of the operator side: the requests they make, the failures they sort. */
class NoticeAndFollowUpAdaptersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:reports";
    private static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";

    private final SnsClient sns = mock(SnsClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
    private final SqsClient sqs = mock(SqsClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
    private final EcsClient ecs = mock(EcsClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));

    @Test
    void oneNoticeIsOnePublishWithTheTextForEmailAndTheChatJsonForEveryOtherProtocol() throws Exception {
        List<PublishRequest> published = new ArrayList<>();
        doAnswer(call -> {
            published.add(call.getArgument(0));
            return PublishResponse.builder().messageId("m-1").build();
        }).when(sns).publish(any(PublishRequest.class));

        String id = new SnsNotifier(() -> sns, TOPIC).publish(new Notice("REMEDIATED web (1 eu-west-1)", "the text",
                "{\"version\":\"1.0\"}", Map.of("outcome", "REMEDIATED", "account", "123456789012", "region", "eu-west-1")));

        assertThat(id).isEqualTo("m-1");
        assertThat(published).singleElement().satisfies(request -> {
            assertThat(request.topicArn()).isEqualTo(TOPIC);
            assertThat(request.subject()).isEqualTo("REMEDIATED web (1 eu-west-1)");
            assertThat(request.messageStructure()).isEqualTo("json");
            JsonNode message = JSON.readTree(request.message());
            assertThat(JSON.convertValue(message, Map.class)).isEqualTo(Map.of("default", "{\"version\":\"1.0\"}", "email", "the text"));
            assertThat(request.messageAttributes()).hasSize(3).allSatisfy((name, value) ->
                    assertThat(value.dataType()).isEqualTo("String"));
            assertThat(request.messageAttributes().get("outcome").stringValue()).isEqualTo("REMEDIATED");
            assertThat(request.messageAttributes().get("account").stringValue()).isEqualTo("123456789012");
        });
    }

    @Test
    void aTopicPolicyThatRefusesThePublishIsAccessDenied() {
        doThrow(AwsErrors.error(403, "AuthorizationError", "User: arn:aws:sts::123456789012:assumed-role/r/f is not "
                + "authorized to perform: SNS:Publish on resource: " + TOPIC)).when(sns).publish(any(PublishRequest.class));

        assertThatThrownBy(() -> new SnsNotifier(() -> sns, TOPIC).publish(new Notice("s", "t", "{}", Map.of())))
                .isInstanceOfSatisfying(CallFailure.Refused.class, refused ->
                        assertThat(refused.getMessage()).isEqualTo("sns:Publish was denied: grant it to the function's role (AuthorizationError)"));
    }

    @Test
    void aFollowUpIsItsJsonDelayedUntilItIsDue() {
        List<SendMessageRequest> sent = new ArrayList<>();
        doAnswer(call -> {
            sent.add(call.getArgument(0));
            return SendMessageResponse.builder().messageId("q-1").build();
        }).when(sqs).sendMessage(any(SendMessageRequest.class));
        FollowUp followUp = new FollowUp("vpc-0a1b2c3d4e5f60001", "scheduled-sweep", Instant.parse("2026-11-30T09:00:00Z"),
                Instant.parse("2026-11-30T09:00:05Z"), 1, List.of(new FollowUp.Workload("subnet-0a1b2c3d4e5f60001",
                List.of(EndpointService.LOGS), List.of(), null, null)));

        new SqsFollowUpQueue(() -> sqs, "https://sqs.us-east-1.amazonaws.com/123456789012/verify").send(followUp, Duration.ofMinutes(5));

        assertThat(sent).singleElement().satisfies(request -> {
            assertThat(request.queueUrl()).isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/verify");
            assertThat(request.delaySeconds()).isEqualTo(300);
            assertThat(FollowUp.parse(request.messageBody())).isEqualTo(followUp);
        });
    }

    @Test
    void servicesAreReadTenAtATimeAndOnlyActiveOnesCount() {
        List<DescribeServicesRequest> describes = new ArrayList<>();
        doAnswer(call -> {
            DescribeServicesRequest request = call.getArgument(0);
            describes.add(request);
            return DescribeServicesResponse.builder().services(request.services().stream().map(name -> Service.builder()
                    .serviceName(name).status(name.equals("s3") ? "INACTIVE" : "ACTIVE").runningCount(1).desiredCount(2)
                    .networkConfiguration(n -> n.awsvpcConfiguration(AwsVpcConfiguration.builder().securityGroups("sg-1").build()))
                    .build()).toList()).build();
        }).when(ecs).describeServices(any(DescribeServicesRequest.class));

        Map<String, ServiceState> states = new EcsServiceStates(ecs).states(CLUSTER,
                IntStream.range(0, 12).mapToObj(i -> "s" + i).toList());

        assertThat(describes).extracting(r -> r.services().size()).containsExactly(10, 2);
        assertThat(states).hasSize(11).doesNotContainKey("s3")
                .containsEntry("s0", new ServiceState(1, 2, List.of("sg-1")));
    }

    @Test
    void aClusterThatIsGoneHasNoServicesLeftToRecover() {
        doThrow(AwsErrors.error(400, "ClusterNotFoundException", "Cluster not found."))
                .when(ecs).describeServices(any(DescribeServicesRequest.class));

        assertThat(new EcsServiceStates(ecs).states(CLUSTER, List.of("web"))).isEmpty();
    }
}
