package ecsvpce.sweep;

import ecsvpce.core.plan.ResourceTags;
import ecsvpce.testing.MotoServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.CEState;
import software.amazon.awssdk.services.batch.model.CEType;
import software.amazon.awssdk.services.batch.model.CRType;
import software.amazon.awssdk.services.batch.model.JobDefinitionType;
import software.amazon.awssdk.services.batch.model.PlatformCapability;
import software.amazon.awssdk.services.batch.model.ResourceType;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.LaunchType;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;

/**
 * What the cost side reads, built in moto through the SDK: interface endpoints of a given age
 * (patch v), their PrivateLink metric, an EventBridge rule and a Scheduler schedule that run a
 * Fargate task, and an AWS Batch compute environment on Fargate with a job definition.
 */
final class CostFixture implements AutoCloseable {
    /** What moto's Batch needs and AWS does not (AWS falls back to Batch's service-linked role). */
    private static final String BATCH_ROLE = "ecs-vpce-remediator-test-batch";
    private static final String ROLE_ARN = "arn:aws:iam::" + MotoServer.ACCOUNT_ID + ":role/";

    private final Ec2Client ec2;
    private final EventBridgeClient events = EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    private final SchedulerClient scheduler = SchedulerClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    private final BatchClient batch = BatchClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    private final CloudWatchClient cloudWatch = CloudWatchClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

    CostFixture(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /** An interface endpoint without private DNS, created {@code ageDays} ago, tagged ours or not. */
    VpcEndpoint endpoint(String vpcId, String subnetId, String service, int ageDays, boolean ours) {
        List<Tag> tags = new ArrayList<>(List.of(Tag.builder().key("moto-ext:creation-timestamp")
                .value(Instant.now().minus(Duration.ofDays(ageDays)).toString()).build()));
        if (ours) {
            tags.add(Tag.builder().key(ResourceTags.CREATED_BY).value(ResourceTags.PRODUCT).build());
        }
        return ec2.createVpcEndpoint(r -> r.vpcId(vpcId).serviceName("com.amazonaws." + MotoServer.REGION + "." + service)
                .vpcEndpointType("Interface").subnetIds(subnetId).privateDnsEnabled(false)
                .tagSpecifications(t -> t.resourceType(software.amazon.awssdk.services.ec2.model.ResourceType.VPC_ENDPOINT).tags(tags))).vpcEndpoint();
    }

    /** Bytes the endpoint processed a minute ago, as PrivateLink publishes them: the exact per-endpoint dimensions. */
    void traffic(VpcEndpoint endpoint, double bytes) {
        cloudWatch.putMetricData(r -> r.namespace("AWS/PrivateLinkEndpoints").metricData(m -> m.metricName("BytesProcessed")
                .timestamp(Instant.now().minusSeconds(60)).value(bytes).dimensions(
                        dimension("Endpoint Type", "Interface"), dimension("Service Name", endpoint.serviceName()),
                        dimension("VPC Endpoint Id", endpoint.vpcEndpointId()), dimension("VPC Id", endpoint.vpcId()))));
    }

    /** The same bytes under the endpoint's id alone: a series PrivateLink does not publish, which an exact read must not see. */
    void trafficUnderAnotherDimensionSet(VpcEndpoint endpoint, double bytes) {
        cloudWatch.putMetricData(r -> r.namespace("AWS/PrivateLinkEndpoints").metricData(m -> m.metricName("BytesProcessed")
                .timestamp(Instant.now().minusSeconds(60)).value(bytes)
                .dimensions(dimension("VPC Endpoint Id", endpoint.vpcEndpointId()))));
    }

    /** A nightly rule on the default bus whose ECS target runs the task definition on Fargate in the subnet. */
    String nightlyRule(String clusterArn, String taskDefinitionArn, String subnetId, String securityGroupId) {
        String rule = events.putRule(r -> r.name("nightly").scheduleExpression("cron(0 2 * * ? *)")).ruleArn();
        events.putTargets(r -> r.rule("nightly").targets(t -> t.id("task").arn(clusterArn)
                .roleArn(ROLE_ARN + "events-run-task").ecsParameters(e -> e.taskDefinitionArn(taskDefinitionArn)
                        .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a
                                .subnets(subnetId).securityGroups(securityGroupId))))));
        return rule + "#task";
    }

    /** A daily Scheduler schedule whose ECS target runs the task definition on Fargate in the subnet. */
    String dailySchedule(String clusterArn, String taskDefinitionArn, String subnetId, String securityGroupId) {
        return scheduler.createSchedule(r -> r.name("daily-report").scheduleExpression("rate(1 day)")
                .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF)).target(t -> t.arn(clusterArn)
                        .roleArn(ROLE_ARN + "scheduler-run-task").ecsParameters(e -> e.taskDefinitionArn(taskDefinitionArn)
                                .launchType(software.amazon.awssdk.services.scheduler.model.LaunchType.FARGATE)
                                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnetId)
                                        .securityGroups(securityGroupId)))))).scheduleArn();
    }

    /** A Fargate compute environment in the subnet and a Fargate job definition whose secret is in Parameter Store. */
    String batchOnFargate(String subnetId, String securityGroupId) {
        createRole(BATCH_ROLE);
        String environment = batch.createComputeEnvironment(r -> r.computeEnvironmentName("jobs").type(CEType.MANAGED)
                .state(CEState.ENABLED).serviceRole(ROLE_ARN + BATCH_ROLE).computeResources(c -> c.type(CRType.FARGATE)
                        .maxvCpus(4).subnets(subnetId).securityGroupIds(securityGroupId))).computeEnvironmentArn();
        batch.registerJobDefinition(r -> r.jobDefinitionName("export").type(JobDefinitionType.CONTAINER)
                .platformCapabilities(PlatformCapability.FARGATE).containerProperties(c -> c
                        .image("public.ecr.aws/docker/library/busybox:stable").executionRoleArn(ROLE_ARN + BATCH_ROLE)
                        .resourceRequirements(q -> q.type(ResourceType.VCPU).value("0.25"),
                                q -> q.type(ResourceType.MEMORY).value("512"))
                        .secrets(s -> s.name("TOKEN").valueFrom("arn:aws:ssm:" + MotoServer.REGION + ":"
                                + MotoServer.ACCOUNT_ID + ":parameter/export/token"))));
        return environment;
    }

    /** IAM through moto's Query API (the project builds no IAM client): moto routes on the signing scope. */
    private static void createRole(String name) {
        String body = "Action=CreateRole&Version=2010-05-08&RoleName=" + name + "&AssumeRolePolicyDocument="
                + URLEncoder.encode("{\"Version\":\"2012-10-17\",\"Statement\":[]}", StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(MotoServer.get().endpointUrl() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && !response.body().contains("EntityAlreadyExists")) {
                throw new IllegalStateException("moto refused CreateRole: " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The endpoint as EC2 describes it now. */
    VpcEndpoint read(String endpointId) {
        return ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(endpointId)).vpcEndpoints().get(0);
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    @Override
    public void close() {
        events.close();
        scheduler.close();
        batch.close();
        cloudWatch.close();
    }
}
