package ecsvpce.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.MotoTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SweepFunction fed by the ECS events about one service, against moto: CloudTrail's CreateService or
 * UpdateService and ECS's SERVICE_TASK_START_IMPAIRED. Only that service is read and checked, told
 * or fixed per the mode, and the report names the event; a sibling in the same VPC is not read.
 */
@MotoTest
class ServiceEventsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CallRecorder recorder = new CallRecorder(Sweeps.FUNCTION);
    private final Fleet fleet = new Fleet();
    private FargateScenario vpc;
    private String cluster;

    @AfterEach
    void closeFleet() {
        fleet.close();
    }

    /** Two services in one VPC that lacks the logs endpoint both need. */
    private String twoServices() {
        vpc = fleet.vpc("a", FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs"));
        cluster = fleet.cluster("orders");
        String definition = fleet.taskDefinition("api", Fleet.Definition.seed());
        fleet.service(Fleet.Service.of(cluster, "sibling", definition, vpc));
        return fleet.service(Fleet.Service.of(cluster, "api", definition, vpc));
    }

    private SweepResult sweep(Mode mode, String event) {
        return Sweeps.run(Sweeps.function(mode, recorder, fleet.motoServiceFields()), event);
    }

    @Test
    void aServiceTheTeamCreatedIsSweptOnItsOwnAndFixed() throws Exception {
        String service = twoServices();

        SweepResult report = sweep(Mode.REMEDIATE, event("service-created.json", service));

        assertThat(report.serviceNames()).containsExactly("api");
        assertThat(report.service("api")).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("FIXED"));
        assertThat(vpc.readBack().endpoint("logs")).isPresent();
        assertThat(vpc.readBack().endpoint("logs").orElseThrow().tags())
                .containsEntry("ecs-vpce-remediator:trigger", "CreateService " + service);
        assertThat(report.json()).containsEntry("serviceEvent", Map.of("name", "CreateService", "cluster", cluster,
                "service", service));
        assertThat(report.summary()).startsWith("on CreateService of api: checked 1 service(s) in 1 VPC(s)");
        assertThat(recorder.count("ecs:DescribeServices")).isEqualTo(1);
        assertThat(recorder.calls()).doesNotContain("ecs:ListClusters", "ecs:ListServices");
    }

    @Test
    void aServiceEcsSaysCannotStartItsTasksIsCheckedLikeAStoppedTaskInADryRun() throws Exception {
        String service = twoServices();

        SweepResult report = sweep(Mode.DRY_RUN, event("service-task-start-impaired.json", service));

        assertThat(report.mode()).isEqualTo("DRY_RUN");
        assertThat(report.serviceNames()).containsExactly("api");
        assertThat(report.service("api").get(0).status()).isEqualTo("PLANNED");
        assertThat(report.actionTypes(vpc.vpcId())).contains("CREATE_INTERFACE_ENDPOINT");
        assertThat(recorder.writes()).isEmpty();
        assertThat(vpc.readBack().endpoints("logs")).isEmpty();
    }

    @Test
    void anUpdateOfAServiceThatIsGoneSinceIsLeftAlone() throws Exception {
        String service = twoServices();
        fleet.ecs().deleteService(r -> r.cluster(cluster).service("api").force(true));

        SweepResult report = sweep(Mode.REMEDIATE, event("service-updated.json", service));

        assertThat(report.vpcIds()).isEmpty();
        assertThat(report.unreadable()).isEmpty();
        assertThat(recorder.writes()).isEmpty();
        assertThat((String) report.json().get("summary")).startsWith("on UpdateService of api: checked 0 service(s)");
    }

    /** A sample of events/ about this fleet's service: its ARN and its cluster's. */
    private String event(String sample, String serviceArn) throws Exception {
        String text = java.nio.file.Files.readString(Path.of("events", sample))
                .replace("arn:aws:ecs:us-east-1:123456789012:service/orders-prod/orders-api", serviceArn)
                .replace("arn:aws:ecs:us-east-1:123456789012:cluster/orders-prod", cluster);
        ObjectNode event = (ObjectNode) JSON.readTree(text);
        return JSON.writeValueAsString(event);
    }
}
