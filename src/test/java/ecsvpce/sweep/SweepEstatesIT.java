package ecsvpce.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.Settings;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.testing.EstateFixtures;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.FixtureClients;
import ecsvpce.testing.MotoTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

/** The sweep in real estates: zones and Exec keys read once per VPC and per fleet, not per service. */
@MotoTest
class SweepEstatesIT {
    private final CallRecorder recorder = new CallRecorder(Sweeps.FUNCTION);
    private final Fleet fleet = new Fleet();

    @AfterEach
    void closeFleet() {
        fleet.close();
    }

    @Test
    void aHubZoneServesItsServiceAndAnExecKeyAsksForKmsOnlyWhereExecIsOn() {
        FargateScenario vpc = fleet.vpc("spoke", FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs"));
        EstateFixtures.centralZones(vpc.vpcId(), List.of("logs"));
        String cluster = fleet.cluster("c");
        try (EcsClient ecs = FixtureClients.ecs()) {
            EstateFixtures.execKey(ecs, cluster, "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d");
        }
        String app = fleet.taskDefinition("app", Fleet.Definition.seed());
        fleet.service(Fleet.Service.of(cluster, "shell", app, vpc).ecsExec());
        fleet.service(Fleet.Service.of(cluster, "web", app, vpc));

        SweepResult report = Sweeps.run(Functions.sweep(Settings.fromEnvironment(Map.of()), List.of(recorder),
                List.of(recorder, fleet.motoServiceFields())), Sweeps.payloadFile("events/scheduled-sweep.json"));

        assertThat(report.service("web")).singleElement().satisfies(web -> {
            assertThat(web.status()).isEqualTo("COMPLIANT");
            assertThat(web.findingCodes()).containsExactly("SERVED_BY_CENTRAL_ENDPOINT");
        });
        assertThat(report.service("shell")).singleElement().satisfies(shell ->
                assertThat(shell.needs()).contains("ssmmessages", "kms"));
        assertThat(vpc.readBack().endpointCountByService()).containsKeys("ssmmessages", "kms").doesNotContainKey("logs");
        assertThat(recorder.calls()).containsOnlyOnce("ecs:DescribeClusters", "route53:ListHostedZonesByVPC",
                "ec2:DescribeNetworkAcls");
        assertThat(recorder.calls()).contains("route53:ListResourceRecordSets");
    }

    @Test
    void aHubsZonesAssociatedWithEverySpokeAreReadOnceForTheSweep() {
        FargateScenario first = fleet.vpc("spoke-a",
                FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs").withoutEndpoint("secretsmanager"));
        FargateScenario second = fleet.vpc("spoke-b",
                FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs").withoutEndpoint("secretsmanager"));
        List<String> hubZones = EstateFixtures.centralZones(first.vpcId(), List.of("logs", "secretsmanager"));
        hubZones.forEach(zone -> EstateFixtures.associate(zone, second.vpcId()));
        String cluster = fleet.cluster("c");
        String app = fleet.taskDefinition("app", Fleet.Definition.seed());
        fleet.service(Fleet.Service.of(cluster, "web-a", app, first));
        fleet.service(Fleet.Service.of(cluster, "web-b", app, second));

        SweepResult report = Sweeps.run(Functions.sweep(Settings.fromEnvironment(Map.of()), List.of(recorder),
                List.of(recorder, fleet.motoServiceFields())), Sweeps.payloadFile("events/scheduled-sweep.json"));

        for (String service : List.of("web-a", "web-b")) {
            assertThat(report.service(service)).singleElement().satisfies(web -> assertThat(web.status()).isEqualTo("COMPLIANT"));
        }
        assertThat(recorder.count("route53:ListHostedZonesByVPC")).as("one list per VPC").isEqualTo(2);
        assertThat(recorder.count("route53:ListResourceRecordSets")).as("one read per hub zone").isEqualTo(2);
    }
}
