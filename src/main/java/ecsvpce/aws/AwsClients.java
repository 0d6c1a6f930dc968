package ecsvpce.aws;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.utils.Lazy;

/**
 * Builds the SDK clients. Every client of a {@link Connection} shares its one HTTP client (URL
 * connection: no connection pool to start, nothing to tear down). The region comes from
 * {@code aws.region} or {@code AWS_REGION} (Lambda sets it), credentials from Lambda's own sources,
 * resolved at the first request, never before; endpoints from the SDK's standard settings
 * ({@code AWS_ENDPOINT_URL}, ...), so the same code talks to AWS, moto or LocalStack.
 */
public final class AwsClients {
    /** Attempts per call, the first included; throttling, 5xx and timeouts back off between them. */
    static final int MAX_ATTEMPTS = 5;

    private AwsClients() {
    }

    /**
     * Where and as whom the clients talk.
     *
     * @param credentials asked at each request (and only then); the SDK signs with what it answers
     */
    public record Connection(SdkHttpClient http, Region region, AwsCredentialsProvider credentials) {
        private static final Lazy<Connection> STANDARD = new Lazy<>(() -> new Connection(
                new DeferredHttpClient("UrlConnection", AwsClients::urlConnectionClient), standardRegion(),
                lambdaCredentials()));

        /** As Lambda runs the functions; one per process, so one HTTP client for every SDK client. */
        public static Connection standard() {
            return STANDARD.getValue();
        }

        /** Starts making what the first request needs (the HTTP client) on a thread of its own; returns at once. */
        public void prepare() {
            if (http instanceof DeferredHttpClient deferred) {
                deferred.start();
            }
        }

        /** Makes what the first request needs now, on this thread if nothing has started it (before a snapshot). */
        public void ready() {
            if (http instanceof DeferredHttpClient deferred) {
                deferred.client();
            }
        }

        /**
         * Answered by {@code http} alone, as an account in us-east-1 whose fixed, made-up keys sign
         * what is sent: nothing about the real account is known or needed.
         */
        public static Connection offline(SdkHttpClient http) {
            return new Connection(http, Region.US_EAST_1,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAOFFLINEPRIMING00", "offline")));
        }

        public String regionId() {
            return region.id();
        }
    }

    /** The HTTP client every SDK client of the standard connection shares. */
    static SdkHttpClient urlConnectionClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(20))
                .build();
    }

    public static Ec2Client ec2(List<ExecutionInterceptor> interceptors) {
        return ec2(interceptors, Connection.standard());
    }

    public static EcsClient ecs(List<ExecutionInterceptor> interceptors) {
        return ecs(interceptors, Connection.standard());
    }

    /**
     * @param region the topic's Region: a topic in another Region (a central one) is reached only
     *               through that Region's endpoint
     */
    public static SnsClient sns(Region region, List<ExecutionInterceptor> interceptors) {
        Connection connection = Connection.standard();
        return SnsClient.builder().httpClient(connection.http()).region(region)
                .credentialsProvider(connection.credentials())
                .overrideConfiguration(configuration(interceptors)).build();
    }

    public static SqsClient sqs(List<ExecutionInterceptor> interceptors) {
        Connection connection = Connection.standard();
        return SqsClient.builder().httpClient(connection.http()).region(connection.region())
                .credentialsProvider(connection.credentials())
                .overrideConfiguration(configuration(interceptors)).build();
    }

    /** The ledger's table, in the function's own Region. */
    public static DynamoDbClient dynamoDb(List<ExecutionInterceptor> interceptors) {
        Connection connection = Connection.standard();
        return DynamoDbClient.builder().httpClient(connection.http()).region(connection.region())
                .credentialsProvider(connection.credentials())
                .overrideConfiguration(configuration(interceptors)).build();
    }

    public static Route53Client route53(List<ExecutionInterceptor> interceptors) {
        return route53(interceptors, Connection.standard());
    }

    /** Route 53 is global: its one endpoint answers for every region, signed as {@code aws-global}. */
    public static Route53Client route53(List<ExecutionInterceptor> interceptors, Connection connection) {
        return Route53Client.builder().httpClient(connection.http()).region(Region.AWS_GLOBAL)
                .credentialsProvider(connection.credentials())
                .overrideConfiguration(configuration(interceptors)).build();
    }

    public static Ec2Client ec2(List<ExecutionInterceptor> interceptors, Connection connection) {
        return Ec2Client.builder().httpClient(connection.http()).region(connection.region())
                .credentialsProvider(connection.credentials())
                .overrideConfiguration(configuration(interceptors)).build();
    }

    public static EcsClient ecs(List<ExecutionInterceptor> interceptors, Connection connection) {
        return EcsClient.builder().httpClient(connection.http()).region(connection.region())
                .credentialsProvider(connection.credentials())
                .overrideConfiguration(configuration(interceptors)).build();
    }

    /** The sweep's cost side reads these four; one set per connection, built at its first use. */
    public record CostClients(EventBridgeClient events, SchedulerClient scheduler, BatchClient batch,
                              CloudWatchClient cloudWatch) {
        public static CostClients of(List<ExecutionInterceptor> interceptors, Connection connection) {
            return new CostClients(
                    EventBridgeClient.builder().httpClient(connection.http()).region(connection.region())
                            .credentialsProvider(connection.credentials())
                            .overrideConfiguration(configuration(interceptors)).build(),
                    SchedulerClient.builder().httpClient(connection.http()).region(connection.region())
                            .credentialsProvider(connection.credentials())
                            .overrideConfiguration(configuration(interceptors)).build(),
                    BatchClient.builder().httpClient(connection.http()).region(connection.region())
                            .credentialsProvider(connection.credentials())
                            .overrideConfiguration(configuration(interceptors)).build(),
                    CloudWatchClient.builder().httpClient(connection.http()).region(connection.region())
                            .credentialsProvider(connection.credentials())
                            .overrideConfiguration(configuration(interceptors)).build());
        }

        public static CostClients of(List<ExecutionInterceptor> interceptors) {
            return of(interceptors, Connection.standard());
        }
    }

    private static ClientOverrideConfiguration configuration(List<ExecutionInterceptor> interceptors) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
                .apiCallAttemptTimeout(Duration.ofSeconds(20))
                .apiCallTimeout(Duration.ofSeconds(90))
                .executionInterceptors(interceptors)
                .build();
    }

    /** {@code aws.region} or {@code AWS_REGION}; the SDK's full chain (profile, instance metadata) only without them. */
    private static Region standardRegion() {
        try {
            return new SystemSettingsRegionProvider().getRegion();
        } catch (SdkClientException notInTheEnvironment) {
            return new DefaultAwsRegionProviderChain().getRegion();
        }
    }

    /**
     * Lambda's credentials: the environment's keys, or, under SnapStart, the container endpoint Lambda
     * points at (which serves fresh credentials after a restore); the SDK's full chain (profiles, ...)
     * only where neither is set, as in a local run. Which one is decided at the first request, so
     * nothing about credentials exists before then, nor in a snapshot.
     */
    private static AwsCredentialsProvider lambdaCredentials() {
        Lazy<AwsCredentialsProvider> source = new Lazy<>(AwsClients::credentialSource);
        return new AwsCredentialsProvider() {
            @Override
            public AwsCredentials resolveCredentials() {
                return source.getValue().resolveCredentials();
            }
        };
    }

    private static AwsCredentialsProvider credentialSource() {
        if (System.getProperty("aws.accessKeyId") != null) {
            return SystemPropertyCredentialsProvider.create();
        }
        if (System.getenv("AWS_ACCESS_KEY_ID") != null) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        if (System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null) {
            return ContainerCredentialsProvider.create();
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
