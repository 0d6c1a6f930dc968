package ecsvpce.testing;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients for tests and fixtures: the URL connection HTTP client, passed explicitly, and
 * nothing else. Endpoint, region and credentials come from the SDK's standard settings
 * (system properties such as those {@link MotoServer#configureSdk()} sets, or AWS_* variables).
 */
public final class FixtureClients {

    private FixtureClients() {
    }

    public static Ec2Client ec2() {
        return Ec2Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static EcsClient ecs() {
        return EcsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    /**
     * Route 53 is a global service: the region (us-east-1 from the standard settings, or
     * {@code aws-global}) only scopes the signature, which names the service {@code route53};
     * moto routes the request on that, so the one endpoint URL serves it like EC2 and ECS.
     */
    public static Route53Client route53() {
        return Route53Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static SnsClient sns() {
        return SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static SqsClient sqs() {
        return SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }
}
