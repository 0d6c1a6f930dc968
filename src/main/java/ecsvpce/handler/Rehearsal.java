package ecsvpce.handler;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import ecsvpce.app.DispatchSettings;
import ecsvpce.app.ReportDispatch;
import ecsvpce.app.Settings;
import ecsvpce.aws.AwsClients;
import ecsvpce.aws.AwsClients.Connection;
import ecsvpce.aws.CannedAws;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.report.Mode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Each function's whole path, run on a made-up account ({@link CannedAws}): the raw payload read,
 * the SDK's marshalling, signing and unmarshalling of every read, the adapters, the engine, the
 * report rendered. It is what {@link Priming} runs before a snapshot, so it is built to leave
 * nothing behind that a restored function would use: its own SDK clients on the canned HTTP client,
 * made-up keys (the function's credential chain is never asked), a dry run (no write is even
 * attempted), a clock fixed at the epoch, and its report and log line discarded.
 */
final class Rehearsal {
    private static final Clock EPOCH = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    private static final Settings DRY_RUN = new Settings(Mode.DRY_RUN, PlanSettings.defaults());
    private static final PrintStream NO_LOG = new PrintStream(OutputStream.nullOutputStream());

    /** The task state change EventBridge sends for the made-up task. */
    static final String TASK_STOPPED_EVENT = """
            {"version":"0","id":"3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b","detail-type":"ECS Task State Change",
             "source":"aws.ecs","account":"%s","time":"1970-01-01T00:00:00Z","region":"%s","resources":["%s"],
             "detail":{"taskArn":"%s","clusterArn":"%s","taskDefinitionArn":"%s","lastStatus":"STOPPED",
              "desiredStatus":"STOPPED","stopCode":"TaskFailedToStart","stoppedReason":"%s","launchType":"FARGATE",
              "platformVersion":"1.4.0","platformFamily":"Linux","availabilityZone":"us-east-1a","group":"service:web",
              "startedBy":"ecs-svc/1234567890123456789","enableExecuteCommand":false,
              "attachments":[{"id":"6c1d7a4e-2b7f-4d0e-9c1a-0d2f3e4a5b6c","type":"eni","status":"DELETED",
               "details":[{"name":"subnetId","value":"%s"},{"name":"networkInterfaceId","value":"eni-0000000000000000a"}]}]}}"""
            .formatted(CannedAws.ACCOUNT, CannedAws.REGION, CannedAws.TASK_ARN, CannedAws.TASK_ARN, CannedAws.CLUSTER_ARN,
                    CannedAws.TASK_DEFINITION_ARN, CannedAws.STOPPED_REASON, CannedAws.SUBNET_ID);
    static final String SCHEDULED_EVENT = """
            {"version":"0","id":"dbe06b38-f951-5faa-6b8f-683c9f15a076","detail-type":"Scheduled Event",
             "source":"aws.events","account":"%s","time":"1970-01-01T00:00:00Z","region":"%s","resources":[],"detail":{}}"""
            .formatted(CannedAws.ACCOUNT, CannedAws.REGION);

    /** A check of the made-up service's launch, then the same launch as a CloudFormation hook asks it. */
    static final String CHECK_REQUEST = """
            {"taskDefinition":"%s","subnets":["%s"],"securityGroups":["sg-0000000000000000a"],"platformVersion":"1.4.0"}"""
            .formatted(CannedAws.TASK_DEFINITION_ARN, CannedAws.SUBNET_ID);
    static final String HOOK_REQUEST = """
            {"clientRequestToken":"00000000-0000-4000-8000-000000000000","awsAccountId":"%s",
             "hookTypeName":"Private::EcsVpceRemediator::DeployGate","hookTypeVersion":"00000001",
             "actionInvocationPoint":"CREATE_PRE_PROVISION","requestData":{"targetName":"AWS::ECS::Service",
              "targetType":"AWS::ECS::Service","targetLogicalId":"Service","targetModel":{"resourceProperties":{
               "TaskDefinition":"%s","LaunchType":"FARGATE","NetworkConfiguration":{"AwsvpcConfiguration":{
                "Subnets":["%s"],"SecurityGroups":["sg-0000000000000000a"]}}}}},
             "requestContext":{"invocation":1,"callbackContext":null}}"""
            .formatted(CannedAws.ACCOUNT, CannedAws.TASK_DEFINITION_ARN, CannedAws.SUBNET_ID);

    private Rehearsal() {
    }

    /** RemediateFunction on the made-up task of a service, then on one of no service; returns their reports. */
    static List<Map<String, Object>> remediate() {
        Connection offline = Connection.offline(new CannedAws());
        try (Ec2Client ec2 = AwsClients.ec2(List.of(), offline); EcsClient ecs = AwsClients.ecs(List.of(), offline);
             Route53Client route53 = AwsClients.route53(List.of(), offline)) {
            RemediateFunction function = new RemediateFunction(
                    RemediateComposition.of(DRY_RUN, ec2, ecs, route53, offline.regionId(), EPOCH),
                    quiet(RemediateFunction.ID), () -> NO_LOG);
            return List.of(run(function, TASK_STOPPED_EVENT), run(function, TASK_STOPPED_EVENT
                    .replace(CannedAws.TASK_ARN, CannedAws.STANDALONE_TASK_ARN).replace("service:web", "family:web")));
        }
    }

    /** SweepFunction on the schedule's event over the made-up fleet; returns its report. */
    static Map<String, Object> sweep() {
        Connection offline = Connection.offline(new CannedAws());
        try (Ec2Client ec2 = AwsClients.ec2(List.of(), offline); EcsClient ecs = AwsClients.ecs(List.of(), offline);
             Route53Client route53 = AwsClients.route53(List.of(), offline)) {
            return run(new SweepFunction(SweepComposition.of(DRY_RUN, ec2, ecs, route53, offline.regionId(), EPOCH),
                    quiet(SweepFunction.ID), () -> NO_LOG), SCHEDULED_EVENT);
        }
    }

    /** CheckFunction on a check request, then on a hook's; returns their answers. */
    static List<Map<String, Object>> check() {
        Connection offline = Connection.offline(new CannedAws());
        try (Ec2Client ec2 = AwsClients.ec2(List.of(), offline); EcsClient ecs = AwsClients.ecs(List.of(), offline);
             Route53Client route53 = AwsClients.route53(List.of(), offline)) {
            CheckFunction function = new CheckFunction(CheckComposition.of(DRY_RUN, ec2, ecs, route53,
                    offline.regionId(), EPOCH), () -> NO_LOG);
            return List.of(run(function, CHECK_REQUEST), run(function, HOOK_REQUEST));
        }
    }

    /** Nobody told, nothing queued, metric lines discarded: a rehearsal leaves no trace. */
    private static ReportDispatch quiet(String function) {
        return DispatchComposition.of(function, DispatchSettings.none(), CannedAws.REGION, List.of(), EPOCH,
                () -> NO_LOG);
    }

    private static Map<String, Object> run(RequestStreamHandler function, String event) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            function.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), response, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ((RawPayload.Read) RawPayload.parse(response.toByteArray())).object();
    }
}
