package ecsvpce.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ecsvpce.app.Settings;
import ecsvpce.app.SweepScope;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.report.Mode;
import ecsvpce.report.SweepReport.ServiceEvent;
import ecsvpce.support.Lambda;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which service an ECS event asks the sweep to check, and the reason when it asks for none. */
class ServiceEventsTest {
    private static final String SERVICE = "arn:aws:ecs:us-east-1:123456789012:service/orders-prod/orders-api";
    private static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/orders-prod";

    private static Map<String, Object> sample(String file) {
        return ((RawPayload.Read) RawPayload.parse(Lambda.file("events/" + file))).object();
    }

    @Test
    void aCreatedOrUpdatedServiceIsTheOneEcsAnsweredWith() {
        assertThat(ServiceEvents.scope(sample("service-created.json")))
                .isEqualTo(SweepScope.ofService(new ServiceEvent("CreateService", CLUSTER, SERVICE)));
        assertThat(ServiceEvents.scope(sample("service-updated.json")).serviceEvent())
                .isEqualTo(new ServiceEvent("UpdateService", CLUSTER, SERVICE));
    }

    @Test
    void withoutEcssAnswerTheRequestNamesTheService() {
        Map<String, Object> created = sample("service-created.json");
        detail(created).remove("responseElements");
        Map<String, Object> updated = sample("service-updated.json");
        detail(updated).put("responseElements", null);

        assertThat(ServiceEvents.scope(created).serviceEvent()).isEqualTo(new ServiceEvent("CreateService",
                "orders-prod", "orders-api"));
        assertThat(ServiceEvents.scope(updated).serviceEvent()).isEqualTo(new ServiceEvent("UpdateService",
                "orders-prod", "orders-api"));
    }

    @Test
    void aServiceThatCannotStartItsTasksIsTheResourceOfTheServiceAction() {
        SweepScope scope = ServiceEvents.scope(sample("service-task-start-impaired.json"));

        assertThat(scope.serviceEvent()).isEqualTo(new ServiceEvent(ServiceEvent.START_IMPAIRED, CLUSTER, SERVICE));
        assertThat(scope.serviceEvent().startImpaired()).isTrue();
        assertThat(scope.clusters()).isEmpty();
        assertThat(scope.dryRun()).isFalse();
    }

    @Test
    void eventsThatAskForNoSweepSayWhy() {
        Map<String, Object> failed = sample("service-created.json");
        detail(failed).put("errorCode", "AccessDeniedException");
        Map<String, Object> deleted = sample("service-created.json");
        detail(deleted).put("eventName", "DeleteService");
        Map<String, Object> steady = sample("service-task-start-impaired.json");
        detail(steady).put("eventName", "SERVICE_STEADY_STATE");
        Map<String, Object> noResource = sample("service-task-start-impaired.json");
        noResource.put("resources", List.of());
        Map<String, Object> taskChange = new HashMap<>(sample("task-stopped-secretsmanager.json"));

        assertThatThrownBy(() -> ServiceEvents.scope(failed)).hasMessage(
                "CreateService failed (AccessDeniedException): it changed nothing");
        assertThatThrownBy(() -> ServiceEvents.scope(deleted)).hasMessage("the API call DeleteService changes no service's tasks");
        assertThatThrownBy(() -> ServiceEvents.scope(steady)).hasMessageStartingWith("service action SERVICE_STEADY_STATE asks for no sweep");
        assertThatThrownBy(() -> ServiceEvents.scope(noResource)).hasMessage("SERVICE_TASK_START_IMPAIRED names no service in its resources");
        assertThatThrownBy(() -> ServiceEvents.scope(taskChange)).hasMessage(
                "an aws.ecs event of detail-type ECS Task State Change asks for no sweep");
    }

    @Test
    void theSweepFunctionRejectsSuchAnEventWithTheReasonAndReadsNothing() {
        SweepFunction sweep = new SweepFunction(SweepComposition.compose(new Settings(Mode.REMEDIATE, PlanSettings.defaults()),
                NoClients::ec2, NoClients::ecs, NoClients::route53, "us-east-1", Clock.systemUTC(), null));

        Map<String, Object> report = Lambda.invoke(sweep, Lambda.file("events/task-stopped-ssm.json"));

        assertThat(report).containsEntry("summary", "rejected: an aws.ecs event of detail-type ECS Task State Change "
                + "asks for no sweep");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Map<String, Object> event) {
        return (Map<String, Object>) event.get("detail");
    }
}
