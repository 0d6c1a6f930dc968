package ecsvpce.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ecsvpce.app.CheckRequest;
import ecsvpce.core.needs.TaskDefinition;
import ecsvpce.core.network.PublicIp;
import ecsvpce.support.Lambda;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The check's request as the function's payload and as scripts/preflight's arguments: both become the
 * same {@link CheckRequest}, and what is wrong with either is said by name.
 */
class CheckRequestsTest {

    private static Map<String, Object> json(String text) {
        return ((RawPayload.Read) RawPayload.parse(text)).object();
    }

    @Test
    void theSampleRequestsAreALaunchAndAService() {
        assertThat(CheckRequests.parse(json(Lambda.file("events/check-request.json")))).isEqualTo(new CheckRequest.Launch(
                new CheckRequest.Named("orders-api:42"), List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"),
                List.of("sg-0a1b2c3d4e5f60001"), "1.4.0", "orders-prod", false, PublicIp.UNKNOWN));
        assertThat(CheckRequests.parse(json(Lambda.file("events/check-service.json"))))
                .isEqualTo(new CheckRequest.OfService("orders-prod", "orders-api"));
    }

    @Test
    void theCommandLineAsksTheSameQuestionAsThePayload() {
        Map<String, Object> payload = Preflight.payload(List.of("--task-definition", "orders-api:42", "--subnets",
                "subnet-0a1b2c3d4e5f60001,subnet-0a1b2c3d4e5f60002", "--security-groups=sg-0a1b2c3d4e5f60001",
                "--platform-version", "1.4.0", "--cluster", "orders-prod"));

        assertThat(CheckRequests.parse(payload)).isEqualTo(CheckRequests.parse(json(Lambda.file("events/check-request.json"))));
        assertThat(CheckRequests.parse(Preflight.payload(List.of("--cluster", "orders-prod", "--service", "orders-api"))))
                .isEqualTo(new CheckRequest.OfService("orders-prod", "orders-api"));
        assertThat(CheckRequests.parse(Preflight.payload(List.of("--task-definition", "app", "--subnets", "subnet-1",
                "--enable-execute-command")))).isInstanceOfSatisfying(CheckRequest.Launch.class, launch -> {
                    assertThat(launch.executeCommand()).isTrue();
                    assertThat(launch.securityGroupIds()).isEmpty();
                    assertThat(launch.platformVersion()).isNull();
                });
    }

    @Test
    void theTasksPublicIpIsWhatTheRequestSaysAndUnknownWhenItSaysNothing() {
        CheckRequest disabled = CheckRequests.parse(json("""
                {"taskDefinition": "app", "subnets": ["subnet-1"], "assignPublicIp": "DISABLED"}"""));

        assertThat(disabled).isInstanceOfSatisfying(CheckRequest.Launch.class,
                launch -> assertThat(launch.publicIp()).isEqualTo(PublicIp.NOT_ASSIGNED));
        assertThat(CheckRequests.parse(Preflight.payload(List.of("--task-definition", "app", "--subnets", "subnet-1",
                "--assign-public-ip", "DISABLED")))).isEqualTo(disabled);
        assertThat(CheckRequests.parse(Preflight.payload(List.of("--task-definition", "app", "--subnets", "subnet-1",
                "--assign-public-ip=ENABLED")))).isInstanceOfSatisfying(CheckRequest.Launch.class,
                launch -> assertThat(launch.publicIp()).isEqualTo(PublicIp.ASSIGNED));
        assertThat(CheckRequests.parse(json("{\"taskDefinition\": \"app\", \"subnets\": [\"subnet-1\"]}")))
                .isInstanceOfSatisfying(CheckRequest.Launch.class,
                        launch -> assertThat(launch.publicIp()).isEqualTo(PublicIp.UNKNOWN));
        assertThatThrownBy(() -> CheckRequests.parse(json("{\"taskDefinition\": \"app\", \"assignPublicIp\": \"yes\"}")))
                .hasMessage("assignPublicIp is yes, not ENABLED or DISABLED");
    }

    @Test
    void aDocumentIsReadInsteadOfATaskDefinitionName() {
        CheckRequest request = CheckRequests.parse(json("""
                {"taskDefinitionDocument": {"family": "app", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
                  "containerDefinitions": [{"name": "app", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"}]},
                 "subnets": ["subnet-1"]}"""));

        assertThat(request).isInstanceOfSatisfying(CheckRequest.Launch.class, launch ->
                assertThat(launch.definition()).isInstanceOfSatisfying(CheckRequest.Document.class, document ->
                        assertThat(document.definition().arn()).isEqualTo("app")));
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        assertThatThrownBy(() -> CheckRequests.parse(json("{\"subnets\": [\"subnet-1\"]}")))
                .hasMessageContaining("name the task definition or give its document, once");
        assertThatThrownBy(() -> CheckRequests.parse(json("{\"taskDefinition\": \"app\", \"subnets\": \"subnet-1\"}")))
                .hasMessage("subnets must be a list of non-empty strings");
        assertThatThrownBy(() -> CheckRequests.parse(json("{\"taskDefinition\": \"app\", \"subnet\": [\"subnet-1\"]}")))
                .hasMessageStartingWith("unknown key 'subnet': a check takes [");
        assertThatThrownBy(() -> CheckRequests.parse(json("{\"service\": \"web\", \"subnets\": [\"subnet-1\"]}")))
                .hasMessage("unknown key 'subnets': a check of a service takes [cluster, service]");
        assertThatThrownBy(() -> CheckRequests.parse(json("{\"taskDefinition\": \"app\", \"enableExecuteCommand\": 1}")))
                .hasMessage("enableExecuteCommand must be true or false");
        assertThatThrownBy(() -> CheckRequests.parse(json("{\"taskDefinitionDocument\": {\"family\": \"app\"}}")))
                .hasMessage("the task definition document has no containerDefinitions");
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertThatThrownBy(() -> Preflight.payload(List.of("--task-definition", "app"))).hasMessage("--subnets is missing");
        assertThatThrownBy(() -> Preflight.payload(List.of("--subnets"))).hasMessage("--subnets needs a value");
        assertThatThrownBy(() -> Preflight.payload(List.of("--subnets", "a", "--subnets", "b"))).hasMessage("--subnets is given twice");
        assertThatThrownBy(() -> Preflight.payload(List.of("--region", "eu-west-1"))).hasMessage("unknown argument --region");
        assertThatThrownBy(() -> Preflight.payload(List.of())).hasMessage(
                "name --task-definition and --subnets, or --cluster and --service");
        assertThatThrownBy(() -> Preflight.payload(List.of("--task-definition", "file:///no/such/file.json", "--subnets", "a")))
                .hasMessageStartingWith("cannot read /no/such/file.json");
        assertThatThrownBy(() -> CheckRequests.parse(Preflight.payload(List.of("--task-definition", "app", "--subnets", "a,")))
                ).hasMessage("subnets must be a list of non-empty strings");
    }

    @Test
    void aDocumentKeepsWhatDecidesStartUpNeedsAndWhereItMayRun() {
        TaskDefinition definition = TaskDefinitionDocument.parse(json("""
                {"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/app:3",
                  "compatibilities": ["EC2", "FARGATE"], "runtimePlatform": {"operatingSystemFamily": "LINUX"},
                  "containerDefinitions": [{"name": "app", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1",
                    "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/app"},
                      "secretOptions": [{"name": "token", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/t"}]},
                    "secrets": [{"name": "DB", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"}],
                    "repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:us-east-1:123456789012:secret:r"},
                    "environmentFiles": [{"value": "arn:aws:s3:::bucket/app.env", "type": "s3"}],
                    "portMappings": [{"containerPort": 8080}]}]}}"""));

        assertThat(definition.arn()).endsWith("task-definition/app:3");
        assertThat(definition.notForFargate()).isFalse();
        assertThat(definition.containers()).singleElement().satisfies(container -> {
            assertThat(container.logConfiguration().logDriver()).isEqualTo("awslogs");
            assertThat(container.logConfiguration().secretOptions()).hasSize(1);
            assertThat(container.secrets()).hasSize(1);
            assertThat(container.repositoryCredentialsParameter()).endsWith(":secret:r");
            assertThat(container.environmentFiles()).containsExactly("arn:aws:s3:::bucket/app.env");
        });
        assertThat(TaskDefinitionDocument.parse(json("""
                {"family": "legacy", "networkMode": "bridge", "containerDefinitions": [{"name": "a", "image": "nginx"}]}""")
        ).notForFargate()).as("Fargate takes awsvpc only").isTrue();
        assertThat(TaskDefinitionDocument.parse(json("""
                {"family": "ec2", "requiresCompatibilities": ["EC2"], "containerDefinitions": [{"name": "a", "image": "nginx"}]}""")
        ).notForFargate()).isTrue();
        assertThat(TaskDefinitionDocument.parse(json("""
                {"family": "plain", "networkMode": "awsvpc", "containerDefinitions": [{"name": "a", "image": "nginx"}]}""")
        ).notForFargate()).as("ECS registers a document that asks for nothing for EC2 only").isTrue();
    }
}
