package ecsvpce.aws;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients once per Lambda container. Region, credentials and endpoints come only from
 * the SDK's standard settings ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL}, ...), so the same code
 * talks to AWS, moto or LocalStack.
 */
public final class AwsClients {
    /** Attempts per call, the first included; throttling, 5xx and timeouts back off between them. */
    static final int MAX_ATTEMPTS = 5;

    private AwsClients() {
    }

    public static Ec2Client ec2(List<ExecutionInterceptor> interceptors) {
        return Ec2Client.builder().httpClient(httpClient()).overrideConfiguration(configuration(interceptors)).build();
    }

    public static EcsClient ecs(List<ExecutionInterceptor> interceptors) {
        return EcsClient.builder().httpClient(httpClient()).overrideConfiguration(configuration(interceptors)).build();
    }

    /**
     * @param region the topic's Region: a topic in another Region (a central one) is reached only
     *               through that Region's endpoint
     */
    public static SnsClient sns(Region region, List<ExecutionInterceptor> interceptors) {
        return SnsClient.builder().region(region).httpClient(httpClient())
                .overrideConfiguration(configuration(interceptors)).build();
    }

    public static SqsClient sqs(List<ExecutionInterceptor> interceptors) {
        return SqsClient.builder().httpClient(httpClient()).overrideConfiguration(configuration(interceptors)).build();
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(20))
                .build();
    }

    private static ClientOverrideConfiguration configuration(List<ExecutionInterceptor> interceptors) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
                .apiCallAttemptTimeout(Duration.ofSeconds(20))
                .apiCallTimeout(Duration.ofSeconds(90))
                .executionInterceptors(interceptors)
                .build();
    }
}
