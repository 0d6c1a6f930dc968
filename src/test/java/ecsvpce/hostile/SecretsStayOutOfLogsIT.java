package ecsvpce.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.MotoServer;
import ecsvpce.testing.MotoTest;
import ecsvpce.testing.TaskStoppedEvent;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Issue 5, secrets in logs, end to end against moto: a task whose definition pulls its image from
 * another account's registry, reads a secret that another account shares, and carries environment
 * values; its stop reason quotes a presigned S3 URL. The report that is logged (one JSON line on
 * stdout) and returned shows where each need comes from, the event's own account, and nothing else:
 * no credential, no other account's id, no environment value. The remediator never reads a secret
 * value (its clients are EC2 and ECS only) and its model of a task definition has no
 * {@code environment} at all, so the report can carry {@code valueFrom} references only.
 */
@MotoTest
class SecretsStayOutOfLogsIT {
    static final String REGISTRY_ACCOUNT = "999988887777";
    static final String SECRETS_ACCOUNT = "444455556666";
    static final String IMAGE = REGISTRY_ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/vendor/app:1";
    static final String SHARED_SECRET = "arn:aws:secretsmanager:us-east-1:" + SECRETS_ACCOUNT
            + ":secret:VALUEFROM-MARKER-shared-api-key-Ab12Cd";
    static final String ENVIRONMENT_VALUE = "ENVIRONMENT-VALUE-MARKER-5f4dcc3b5aa765d61d8327deb882cf99";
    static final String OVERRIDE_VALUE = "OVERRIDE-VALUE-MARKER-e10adc3949ba59abbe56e057f20f883e";
    static final String ACCESS_KEY = "ASIAQEXAMPLE7KEYID00";
    static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKENpart1%2Bpart2%3D%3D";
    static final String SIGNATURE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String REASON = "CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: "
            + "httpReadSeeker: failed open: failed to do request: Get \""
            + RedactionRulesTest.presignedV4(ACCESS_KEY, TOKEN, SIGNATURE) + "\": dial tcp 52.216.0.1:443: i/o timeout";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CallRecorder recorder = new CallRecorder("RemediateFunction");

    @Test
    void theReportShowsReferencesAndTheOwnAccountOnly() throws IOException {
        try (FargateScenario scenario = FargateScenario.builder().image(IMAGE).secret("API_KEY", SHARED_SECRET)
                .environmentFile("arn:aws:s3:::config-" + SECRETS_ACCOUNT + "/app.env").create()) {
            String taskArn = runAndStopTaskWithEnvironment(scenario);
            ObjectNode event = eventFor(scenario, taskArn);

            Invocation run = Invocation.call(Functions.remediate(Mode.REMEDIATE, recorder), recorder,
                    HostileEvents.prettyText(event));

            assertThat(run.thrown()).isNull();
            assertThat(run.outcome()).isEqualTo("REMEDIATED");
            assertThat(run.reportLines()).hasSize(1);
            String logged = run.reportLines().get(0);
            String returned = JSON.writeValueAsString(run.report());
            for (String text : List.of(logged, returned)) {
                assertThat(text).contains(
                                "image = <other-account>.dkr.ecr.us-east-1.amazonaws.com/vendor/app:1",
                                "secrets[API_KEY].valueFrom = arn:aws:secretsmanager:us-east-1:<other-account>:secret:"
                                        + "VALUEFROM-MARKER-shared-api-key-Ab12Cd",
                                "environmentFiles = arn:aws:s3:::config-<other-account>/app.env",
                                "X-Amz-Signature=REDACTED",
                                "\"taskArn\":\"" + taskArn + "\"")
                        .doesNotContain(REGISTRY_ACCOUNT, SECRETS_ACCOUNT, ACCESS_KEY, TOKEN, SIGNATURE,
                                ENVIRONMENT_VALUE, OVERRIDE_VALUE);
            }
            assertThat(JSON.readTree(logged)).isEqualTo(JSON.readTree(returned));
            assertThat(recorder.calls()).as("only EC2, ECS and Route 53's zones: no secret or parameter is ever read")
                    .allMatch(call -> call.startsWith("ec2:") || call.startsWith("ecs:") || call.startsWith("route53:"))
                    .noneMatch(call -> call.startsWith("secretsmanager:") || call.startsWith("ssm:"));
        }
    }

    /**
     * Registers a revision of the scenario's task definition whose containers carry an environment
     * value, runs it and stops it (what {@link FargateScenario#runAndStopTask} does for the
     * scenario's own definition); returns the task's ARN.
     */
    private static String runAndStopTaskWithEnvironment(FargateScenario scenario) {
        EcsClient ecs = scenario.ecs();
        TaskDefinition base = ecs.describeTaskDefinition(r -> r.taskDefinition(scenario.taskDefinitionArn())).taskDefinition();
        String marked = ecs.registerTaskDefinition(r -> r.family(base.family()).networkMode(base.networkMode())
                        .requiresCompatibilities(base.requiresCompatibilities()).cpu(base.cpu()).memory(base.memory())
                        .executionRoleArn(base.executionRoleArn())
                        .containerDefinitions(base.containerDefinitions().stream().map(c -> c.toBuilder()
                                .environment(KeyValuePair.builder().name("DB_PASSWORD").value(ENVIRONMENT_VALUE).build())
                                .build()).toList()))
                .taskDefinition().taskDefinitionArn();
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(marked)).taskDefinition().containerDefinitions()
                .get(0).environment()).as("moto keeps the environment").extracting(KeyValuePair::value)
                .containsExactly(ENVIRONMENT_VALUE);
        Task task = ecs.runTask(r -> r.cluster(scenario.clusterArn()).taskDefinition(marked).count(1)
                .launchType(LaunchType.FARGATE).platformVersion(scenario.platformVersion())
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(scenario.subnetId())
                        .securityGroups(scenario.taskSecurityGroupId())))).tasks().get(0);
        ecs.stopTask(r -> r.cluster(scenario.clusterArn()).task(task.taskArn()).reason(REASON));
        ecs.describeTasks(r -> r.cluster(scenario.clusterArn()).tasks(task.taskArn()));
        return task.taskArn();
    }

    /**
     * AWS's event for that task: the scenario's event for a task of its own, re-aimed at ours, with
     * an environment override in {@code overrides} as ECS reports one.
     */
    private static ObjectNode eventFor(FargateScenario scenario, String taskArn) throws IOException {
        TaskStoppedEvent template = scenario.runAndStopTask(REASON);
        ObjectNode event = (ObjectNode) JSON.readTree(template.json().replace(template.taskArn(), taskArn));
        ObjectNode override = (ObjectNode) HostileEvents.detail(event).path("overrides").path("containerOverrides").path(0);
        override.putArray("environment").addObject().put("name", "DB_PASSWORD").put("value", OVERRIDE_VALUE);
        assertThat(event.path("account").asText()).isEqualTo(MotoServer.ACCOUNT_ID);
        return event;
    }
}
