package ecsvpce.it;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.Settings;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.core.plan.ResourceTags;
import ecsvpce.handler.RemediateFunction;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.support.Lambda;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.MotoTest;
import ecsvpce.testing.TaskStoppedEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;

/** What a team can fence off: the skip tag on a VPC, subnet, service or task, and the VPC allow-list. */
@MotoTest
class GuardRailsIT {
    private final CallRecorder recorder = new CallRecorder("RemediateFunction");

    @Test
    void aVpcTaggedSkipIsDiagnosedAndLeftAlone() {
        try (FargateScenario scenario = FargateScenario.builder().create(); Ec2Client ec2 = ecsvpce.testing.FixtureClients.ec2()) {
            ec2.createTags(r -> r.resources(scenario.vpcId()).tags(t -> t.key(ResourceTags.SKIP).value("yes")));

            Map<String, Object> report = remediate(scenario);

            assertThat(report.get("outcome")).isEqualTo("SKIPPED");
            assertThat((String) report.get("summary")).contains(scenario.vpcId()).contains(ResourceTags.SKIP);
            assertThat(RemediateFunctionIT.findingCodes(report)).contains("ENDPOINT_MISSING");
            assertThat(recorder.writes()).isEmpty();
        }
    }

    @Test
    void aSubnetTaggedSkipIsLeftAlone() {
        try (FargateScenario scenario = FargateScenario.builder().create(); Ec2Client ec2 = ecsvpce.testing.FixtureClients.ec2()) {
            ec2.createTags(r -> r.resources(scenario.subnetId()).tags(t -> t.key(ResourceTags.SKIP).value("")));

            Map<String, Object> report = remediate(scenario);

            assertThat(report.get("outcome")).isEqualTo("SKIPPED");
            assertThat(recorder.writes()).isEmpty();
            assertThat(scenario.readBack().endpoints()).isEmpty();
        }
    }

    @Test
    void aServiceTaggedSkipIsLeftAloneBeforeItsVpcIsRead() {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create();
             EcsClient ecs = ecsvpce.testing.FixtureClients.ecs()) {
            ecs.tagResource(r -> r.resourceArn(scenario.serviceArn().orElseThrow())
                    .tags(t -> t.key(ResourceTags.SKIP).value("true")));

            Map<String, Object> report = remediate(scenario);

            assertThat(report.get("outcome")).isEqualTo("SKIPPED");
            assertThat((String) report.get("summary")).contains("service web").contains(ResourceTags.SKIP);
            assertThat(recorder.calls()).containsExactly("ecs:DescribeTasks", "ecs:DescribeServices");
        }
    }

    @Test
    void aVpcOutsideTheAllowListIsNeitherReadNorChanged() {
        try (FargateScenario scenario = FargateScenario.builder().create()) {
            TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
            RemediateFunction function = Functions.remediate(
                    new Settings(Mode.REMEDIATE, PlanSettings.defaults(), Set.of("vpc-0123456789abcdef0")),
                    List.of(recorder), List.of(recorder));

            Map<String, Object> report = Lambda.invoke(function, event.json());

            assertThat(report.get("outcome")).isEqualTo("SKIPPED");
            assertThat((String) report.get("summary")).contains(scenario.vpcId()).contains("ALLOWED_VPC_IDS");
            assertThat(recorder.calls()).doesNotContain("ec2:DescribeVpcEndpoints");
            assertThat(recorder.writes()).isEmpty();
        }
    }

    @Test
    void aSubnetWithAnInternetPathIsLeftAloneUnlessTheSettingAsksForEndpoints() {
        try (FargateScenario scenario = FargateScenario.builder().natGatewayRoute().create()) {
            TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);

            Map<String, Object> byDefault = Invocations.remediate(Mode.REMEDIATE, recorder, event.json());

            // The NAT gateway serves what the endpoints would: the cause is elsewhere, and nothing is changed.
            assertThat(byDefault.get("outcome")).isEqualTo("NOTHING_TO_DO");
            assertThat(RemediateFunctionIT.findingCodes(byDefault)).contains("INTERNET_PATH_PRESENT");
            // Besides what moto's DescribeTasks leaves out (noted as the event's), one note: the path.
            assertThat(byDefault.get("notes")).asList().map(String.class::cast)
                    .filteredOn(note -> !note.startsWith("the event's") && !note.startsWith("the availability zone"))
                    .singleElement().asString()
                    .contains(scenario.natGatewayId().orElseThrow()).contains("security group, NACL or DNS");
            assertThat(recorder.writes()).isEmpty();

            RemediateFunction optedIn = Functions.remediate(
                    new Settings(Mode.REMEDIATE, new PlanSettings(true, PlanSettings.US_EAST_1_USD_PER_AZ_HOUR)),
                    List.of(recorder), List.of(recorder));
            Map<String, Object> withSetting = Lambda.invoke(optedIn, event.json());

            assertThat(withSetting.get("outcome")).isEqualTo("REMEDIATED");
            assertThat(scenario.readBack().endpointCount("secretsmanager")).isEqualTo(1);
        }
    }

    private Map<String, Object> remediate(FargateScenario scenario) {
        TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
        return Invocations.remediate(Mode.REMEDIATE, recorder, event.json());
    }
}
