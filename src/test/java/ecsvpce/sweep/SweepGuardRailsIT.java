package ecsvpce.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.Settings;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.core.plan.ResourceTags;
import ecsvpce.handler.SweepFunction;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.MotoTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;

/** The sweep honours the same fences as the task-stopped function, and reports what it cannot list. */
@MotoTest
class SweepGuardRailsIT {
    private final CallRecorder recorder = new CallRecorder(Sweeps.FUNCTION);
    private final Fleet fleet = new Fleet();

    @AfterEach
    void closeFleet() {
        fleet.close();
    }

    @Test
    void aServiceTaggedSkipIsListedAsSkippedAndItsVpcLeftAsItIs() {
        FargateScenario vpc = fleet.vpc("s", FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs"));
        String cluster = fleet.cluster("c");
        String app = fleet.taskDefinition("app", Fleet.Definition.seed());
        String skipped = fleet.service(Fleet.Service.of(cluster, "fenced", app, vpc));
        try (EcsClient ecs = ecsvpce.testing.FixtureClients.ecs()) {
            ecs.tagResource(r -> r.resourceArn(skipped).tags(t -> t.key(ResourceTags.SKIP).value("true")));
        }

        SweepResult report = sweep(Settings.fromEnvironment(Map.of()));

        assertThat(report.serviceNames()).isEmpty();
        assertThat(report.json().get("skipped")).asList().singleElement().asString().contains(skipped);
        assertThat(recorder.writes()).isEmpty();
        assertThat(vpc.readBack().endpointCount("logs")).isZero();
    }

    @Test
    void aVpcTaggedSkipIsDiagnosedAndLeftAlone() {
        FargateScenario vpc = fleet.vpc("v", FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs"));
        String cluster = fleet.cluster("c");
        fleet.service(Fleet.Service.of(cluster, "web", fleet.taskDefinition("app", Fleet.Definition.seed()), vpc));
        try (Ec2Client ec2 = ecsvpce.testing.FixtureClients.ec2()) {
            ec2.createTags(r -> r.resources(vpc.vpcId()).tags(t -> t.key(ResourceTags.SKIP).value("")));
        }

        SweepResult report = sweep(Settings.fromEnvironment(Map.of()));

        assertThat(report.service("web")).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("SKIPPED");
            assertThat(s.findingCodes()).contains("ENDPOINT_MISSING");
        });
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void vpcsOutsideTheAllowListAreNeitherReadNorChanged() {
        FargateScenario inside = fleet.vpc("in", FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs"));
        FargateScenario outside = fleet.vpc("out", FargateScenario.seedEndpointsAllOn().withoutEndpoint("logs"));
        String cluster = fleet.cluster("c");
        String app = fleet.taskDefinition("app", Fleet.Definition.seed());
        fleet.service(Fleet.Service.of(cluster, "inside", app, inside));
        fleet.service(Fleet.Service.of(cluster, "outside", app, outside));

        SweepResult report = sweep(new Settings(Mode.REMEDIATE, PlanSettings.defaults(), Set.of(inside.vpcId())));

        assertThat(report.vpcIds()).containsExactly(inside.vpcId());
        assertThat(report.json().get("skipped")).asList().singleElement().asString().contains(outside.vpcId())
                .contains("ALLOWED_VPC_IDS");
        // The inside VPC's snapshot, and the cost side's list of endpoints, filtered to the allowed VPCs.
        assertThat(recorder.count("ec2:DescribeVpcEndpoints")).isEqualTo(2);
        assertThat(SweepResult.endpointLines(report.json())).isNotEmpty()
                .allSatisfy(line -> assertThat(line.get("vpcId")).isEqualTo(inside.vpcId()));
        assertThat(inside.readBack().endpointCount("logs")).isEqualTo(1);
        assertThat(outside.readBack().endpointCount("logs")).isZero();
    }

    @Test
    void customDnsServersAreReportedAndLeftAlone() {
        FargateScenario vpc = fleet.vpc("d", FargateScenario.seedEndpointsAllOn());
        String cluster = fleet.cluster("c");
        fleet.service(Fleet.Service.of(cluster, "web", fleet.taskDefinition("app", Fleet.Definition.seed()), vpc));
        try (Ec2Client ec2 = ecsvpce.testing.FixtureClients.ec2()) {
            String options = ec2.createDhcpOptions(r -> r.dhcpConfigurations(c -> c.key("domain-name-servers")
                    .values("10.0.0.53"))).dhcpOptions().dhcpOptionsId();
            ec2.associateDhcpOptions(r -> r.dhcpOptionsId(options).vpcId(vpc.vpcId()));
        }

        SweepResult report = sweep(Settings.fromEnvironment(Map.of()));

        assertThat(report.service("web")).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("COMPLIANT");
            assertThat(s.findingCodes()).containsExactly("CUSTOM_DNS_SERVERS");
        });
        assertThat(recorder.calls()).contains("ec2:DescribeDhcpOptions");
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void clustersThatCannotBeListedEndTheSweepWithAReportNamingTheAction() {
        SweepFunction function = Functions.sweep(Settings.fromEnvironment(Map.of()), List.of(recorder),
                List.of(recorder, FailCall.deniedListClusters()));

        SweepResult report = Sweeps.run(function, Sweeps.payloadFile("events/scheduled-sweep.json"));

        assertThat(report.json().get("error")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("kind", "ACCESS_DENIED").containsEntry("iamAction", "ecs:ListClusters");
        assertThat(recorder.writes()).isEmpty();
    }

    private SweepResult sweep(Settings settings) {
        SweepFunction function = Functions.sweep(settings, List.of(recorder),
                List.of(recorder, fleet.motoServiceFields()));
        return Sweeps.run(function, Sweeps.payloadFile("events/scheduled-sweep.json"));
    }
}
