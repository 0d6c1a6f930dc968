package ecsvpce.handler;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.CheckRequest;
import ecsvpce.app.Settings;
import ecsvpce.aws.AwsClients;
import ecsvpce.aws.AwsClients.Connection;
import ecsvpce.aws.CannedAws;
import ecsvpce.core.network.PublicIp;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.report.CheckReport;
import ecsvpce.report.CheckReports;
import ecsvpce.report.Mode;
import ecsvpce.support.Lambda;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The check as a CloudFormation Lambda hook: the service's properties become the check request, the
 * verdict becomes the hook's answer in the format the Hooks user guide documents, and a request it
 * cannot read gets the hook's failure answer with the reason. The samples are those in events/.
 */
class CloudFormationHookTest {
    private static final String TOKEN = "4b90a7e4-b790-456b-a937-0cfdfa211dfe";

    private final List<CheckRequest> asked = new ArrayList<>();

    private static Map<String, Object> sample(String file) {
        return ((RawPayload.Read) RawPayload.parse(Lambda.file("events/" + file))).object();
    }

    private CloudFormationHook.Answer answer(Map<String, Object> request, CheckReport report) {
        return CloudFormationHook.answer(request, check -> {
            asked.add(check);
            return report;
        });
    }

    private static CheckReport cannotTell(boolean retryable) {
        return CheckReports.cannotTell("123456789012", "us-east-1", null, "subnet(s) subnet-x do not exist", retryable);
    }

    @Test
    void aServiceBeingCreatedIsCheckedWithItsOwnProperties() {
        CloudFormationHook.Answer answer = answer(sample("hook-ecs-service-create.json"), cannotTell(false));

        assertThat(asked).containsExactly(new CheckRequest.Launch(new CheckRequest.Named(
                "arn:aws:ecs:us-east-1:123456789012:task-definition/orders-api:42"),
                List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"), List.of("sg-0a1b2c3d4e5f60001"),
                "1.4.0", "orders-prod", false, PublicIp.NOT_ASSIGNED));
        assertThat(answer.report()).isPresent();
    }

    @Test
    void anUpdateOfWhatTheServiceRunsIsCheckedOnAFargateCapacityProvider() {
        answer(sample("hook-ecs-service-update.json"), cannotTell(false));

        assertThat(asked).singleElement().isInstanceOfSatisfying(CheckRequest.Launch.class, launch -> {
            assertThat(((CheckRequest.Named) launch.definition()).reference()).endsWith("orders-api:43");
            assertThat(launch.platformVersion()).as("LATEST").isNull();
            assertThat(launch.publicIp()).as("AssignPublicIp left out: CloudFormation's DISABLED")
                    .isEqualTo(PublicIp.NOT_ASSIGNED);
        });
    }

    @Test
    void aServiceWhoseTasksGetAPublicIpIsCheckedWithIt() {
        Map<String, Object> request = sample("hook-ecs-service-create.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> awsvpc = (Map<String, Object>) ((Map<String, Object>) properties(request)
                .get("NetworkConfiguration")).get("AwsvpcConfiguration");
        awsvpc.put("AssignPublicIp", "ENABLED");

        answer(request, cannotTell(false));

        assertThat(asked).singleElement().isInstanceOfSatisfying(CheckRequest.Launch.class, launch ->
                assertThat(launch.publicIp()).isEqualTo(PublicIp.ASSIGNED));
    }

    @Test
    void anUpdateThatChangesNeitherWhatNorWhereIsNotChecked() {
        Map<String, Object> request = sample("hook-ecs-service-update.json");
        model(request).put("resourceProperties", model(request).get("previousResourceProperties"));

        Map<String, Object> response = answer(request, cannotTell(false)).response();

        assertThat(asked).isEmpty();
        assertThat(response).containsEntry("hookStatus", "SUCCESS").containsEntry("message",
                "the update changes neither what the service runs nor where: nothing to check");
    }

    @Test
    void aServiceThatWillFailIsRefusedAsNonCompliantWithEachChange() {
        Connection offline = Connection.offline(new CannedAws());
        CheckFunction function = new CheckFunction(CheckComposition.of(new Settings(Mode.REMEDIATE, PlanSettings.defaults()),
                AwsClients.ec2(List.of(), offline), AwsClients.ecs(List.of(), offline),
                AwsClients.route53(List.of(), offline), offline.regionId(), Clock.systemUTC()));

        Map<String, Object> response = Lambda.invoke(function, Rehearsal.HOOK_REQUEST);

        assertThat(response).containsEntry("hookStatus", "FAILED").containsEntry("errorCode", "NonCompliant")
                .containsKeys("message", "annotations").containsEntry("clientRequestToken",
                        "00000000-0000-4000-8000-000000000000");
        assertThat((String) response.get("message")).startsWith("WILL_FAIL: task definition web:1 will fail to start")
                .contains(". Change: ");
    }

    @Test
    void whatCannotBeToldDoesNotBlockTheDeployAndSaysWhy() {
        Map<String, Object> response = answer(sample("hook-ecs-service-create.json"), cannotTell(false)).response();

        assertThat(response).containsExactlyInAnyOrderEntriesOf(Map.of("hookStatus", "SUCCESS", "message",
                "not blocked, as nothing is known to fail: CANNOT_TELL: subnet(s) subnet-x do not exist",
                "clientRequestToken", TOKEN));
    }

    @ParameterizedTest(name = "invocation {0}: {1}")
    @CsvSource({"1, IN_PROGRESS", "2, IN_PROGRESS", "3, SUCCESS"})
    void aTransientFailureAsksToBeInvokedAgainWhileItMay(int invocation, String status) {
        Map<String, Object> request = sample("hook-ecs-service-create.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) request.get("requestContext");
        context.put("invocation", invocation);

        Map<String, Object> response = answer(request, cannotTell(true)).response();

        assertThat(response).containsEntry("hookStatus", status).containsEntry("clientRequestToken", TOKEN);
        if (status.equals("IN_PROGRESS")) {
            assertThat(response).containsEntry("callbackDelaySeconds", CloudFormationHook.RETRY_DELAY_SECONDS);
        }
    }

    @Test
    void theDocumentedSampleOfAnotherResourceTypeIsNotChecked() {
        Map<String, Object> response = answer(sample("hook-dynamodb-table-update.json"), null).response();

        assertThat(asked).isEmpty();
        assertThat(response).as("the documented resource sample carries no token; none is made up")
                .containsExactlyInAnyOrderEntriesOf(Map.of("hookStatus", "SUCCESS",
                        "message", "not an AWS::ECS::Service (AWS::DynamoDB::Table): nothing to check"));
    }

    @Test
    void aStackOperationIsNotChecked() {
        Map<String, Object> response = answer(sample("hook-stack-operation.json"), null).response();

        assertThat(response).containsEntry("hookStatus", "SUCCESS")
                .containsEntry("clientRequestToken", "f8da6d11-b23f-48f4-814c-0fb6a667f50e")
                .containsEntry("message", "not an AWS::ECS::Service (STACK): nothing to check");
    }

    @Test
    void aMalformedRequestGetsTheHooksFailureAnswerWithTheReason() {
        Map<String, Object> response = answer(sample("hook-malformed.json"), null).response();

        assertThat(asked).isEmpty();
        assertThat(response).containsExactlyInAnyOrderEntriesOf(Map.of("hookStatus", "FAILED", "errorCode", "InternalFailure",
                "message", "malformed hook request: it has no requestData.targetModel.resourceProperties",
                "clientRequestToken", "0e6c2b1a-93d4-4f5e-8a7b-1c2d3e4f5a6b"));
    }

    @Test
    void servicesNotOnFargateOrWithoutATaskDefinitionOrBeingDeletedAreNotChecked() {
        Map<String, Object> ec2 = sample("hook-ecs-service-create.json");
        properties(ec2).put("LaunchType", "EC2");
        Map<String, Object> defaultStrategy = sample("hook-ecs-service-create.json");
        properties(defaultStrategy).remove("LaunchType");
        Map<String, Object> external = sample("hook-ecs-service-create.json");
        properties(external).remove("TaskDefinition");
        Map<String, Object> deleted = sample("hook-ecs-service-create.json");
        deleted.put("actionInvocationPoint", "DELETE_PRE_PROVISION");

        assertThat(message(ec2)).isEqualTo("launch type EC2 is not Fargate: nothing to check");
        assertThat(message(defaultStrategy)).startsWith("neither LaunchType nor CapacityProviderStrategy is set");
        assertThat(message(external)).startsWith("the service names no TaskDefinition");
        assertThat(message(deleted)).isEqualTo("deleting a service starts no task: nothing to check");
        assertThat(asked).isEmpty();
    }

    @Test
    void propertiesOfTheWrongTypeAreAMalformedRequest() {
        Map<String, Object> request = sample("hook-ecs-service-create.json");
        properties(request).put("EnableExecuteCommand", "sometimes");
        Map<String, Object> unknownPoint = sample("hook-ecs-service-create.json");
        unknownPoint.put("actionInvocationPoint", "POST_PROVISION");

        assertThat(answer(request, null).response()).containsEntry("hookStatus", "FAILED")
                .containsEntry("message", "malformed hook request: EnableExecuteCommand must be true or false");
        assertThat(message(unknownPoint)).startsWith("malformed hook request: actionInvocationPoint is POST_PROVISION");
    }

    @Test
    void aLongMessageIsCutWhereCloudFormationCutsIt() {
        Map<String, Object> response = answer(sample("hook-ecs-service-create.json"),
                CheckReports.cannotTell(null, "us-east-1", null, "x".repeat(10_000), false)).response();

        assertThat((String) response.get("message")).hasSize(CloudFormationHook.MESSAGE_LIMIT).endsWith("...");
    }

    @Test
    void theFunctionAnswersAHookInTheHooksFormatAndACheckRequestWithItsReport() {
        CheckFunction function = new CheckFunction(CheckComposition.compose(new Settings(Mode.REMEDIATE,
                PlanSettings.defaults()), NoClients::ec2, NoClients::ecs, NoClients::route53, "us-east-1", Clock.systemUTC()));

        assertThat(Lambda.invoke(function, Lambda.file("events/hook-malformed.json"))).containsEntry("hookStatus", "FAILED");
        assertThat(Lambda.invoke(function, "{\"taskDefinition\": \"app\"}"))
                .containsEntry("verdict", "CANNOT_TELL").containsEntry("summary", "CANNOT_TELL: no subnet given: a "
                        + "Fargate task starts in the subnets of its awsvpc configuration");
        assertThat(Lambda.invoke(function, "[1, 2]")).containsEntry("summary",
                "CANNOT_TELL: the payload is an array, not a check request");
        assertThat(Lambda.invoke(function, "{\"taskDefinition\": ")).containsEntry("verdict", "CANNOT_TELL");
        assertThat(Lambda.invoke(function, "{\"cluster\": \"prod\"}")).containsEntry("verdict", "CANNOT_TELL");
    }

    private String message(Map<String, Object> request) {
        return (String) answer(request, null).response().get("message");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> model(Map<String, Object> request) {
        return (Map<String, Object>) ((Map<String, Object>) request.get("requestData")).get("targetModel");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> request) {
        return (Map<String, Object>) model(request).get("resourceProperties");
    }
}
