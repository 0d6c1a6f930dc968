package ecsvpce.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.CostSettings;
import ecsvpce.app.Settings;
import ecsvpce.core.cost.InterfaceEndpoint;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.support.Functions;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.MotoTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * The sweep's cost side against moto: a spare VPC with no service, whose interface endpoints are 40
 * days old (moto stamps "now": patch v ages them) and are needed by an EventBridge rule's nightly
 * task, a Scheduler schedule, an AWS Batch compute environment on Fargate, or nobody. An idle
 * endpoint of ours is removed only with RemoveIdleEndpoints on, only at the second sweep; one that
 * is not ours is reported with its command and kept; traffic, a scheduled task or a dry run keep it.
 */
@MotoTest
class IdleEndpointsIT {
    private final CallRecorder recorder = new CallRecorder(Sweeps.FUNCTION);
    private final Fleet fleet = new Fleet();
    private final CostFixture costs = new CostFixture(fleet.ec2());
    private VpcEndpoint kmsOurs;
    private VpcEndpoint stsTheirs;
    private VpcEndpoint logsOurs;
    private VpcEndpoint secretsOurs;
    private VpcEndpoint ssmOurs;
    private VpcEndpoint execOurs;
    private String rule;
    private String schedule;
    private String batch;

    @BeforeEach
    void fleetAndSpareVpc() {
        FargateScenario busy = fleet.vpc("busy", FargateScenario.seedEndpointsAllOn());
        String cluster = fleet.cluster("c");
        fleet.service(Fleet.Service.of(cluster, "web", fleet.taskDefinition("app", Fleet.Definition.seed()), busy));
        FargateScenario spare = fleet.vpc("spare", FargateScenario.builder());
        String subnet = spare.subnetId();
        String group = spare.taskSecurityGroupId();
        kmsOurs = costs.endpoint(spare.vpcId(), subnet, "kms", 40, true);
        stsTheirs = costs.endpoint(spare.vpcId(), subnet, "sts", 40, false);
        logsOurs = costs.endpoint(spare.vpcId(), subnet, "logs", 40, true);
        secretsOurs = costs.endpoint(spare.vpcId(), subnet, "secretsmanager", 40, true);
        ssmOurs = costs.endpoint(spare.vpcId(), subnet, "ssm", 40, true);
        execOurs = costs.endpoint(spare.vpcId(), subnet, "ssmmessages", 40, true);
        costs.traffic(execOurs, 2_048);
        // The nightly job logs with awslogs (a public image: no ECR); the report reads a secret only.
        String nightly = fleet.taskDefinition("nightly", new Fleet.Definition(PUBLIC_IMAGE, true, List.of()));
        String report = fleet.taskDefinition("report", new Fleet.Definition(PUBLIC_IMAGE, false,
                List.of(FargateScenario.SECRET_ARN)));
        rule = costs.nightlyRule(cluster, nightly, subnet, group);
        schedule = costs.dailySchedule(cluster, report, subnet, group);
        batch = costs.batchOnFargate(subnet, group);
    }

    private static final String PUBLIC_IMAGE = "public.ecr.aws/docker/library/busybox:stable";

    @AfterEach
    void close() {
        costs.close();
        fleet.close();
    }

    @Test
    void anIdleEndpointOfOursIsRemovedOnlyAtTheSecondSweepWithTheParameterOn() {
        SweepResult first = sweep(Mode.REMEDIATE, true);

        assertThat(first.endpoint(kmsOurs.vpcEndpointId())).containsEntry("status", "IDLE").containsEntry("removal", "MARKED");
        assertThat(idleMark(kmsOurs)).isPresent();
        assertThat(recorder.count("ec2:DeleteVpcEndpoints")).isZero();
        assertNeededAndInUseAreKept(first);

        SweepResult second = sweep(Mode.REMEDIATE, true);

        assertThat(second.endpoint(kmsOurs.vpcEndpointId())).containsEntry("removal", "REMOVED");
        assertThat(costs.read(kmsOurs.vpcEndpointId()).stateAsString()).isEqualTo("deleted");
        assertThat(recorder.count("ec2:DeleteVpcEndpoints")).isEqualTo(1);
        assertThat(second.endpoint(stsTheirs.vpcEndpointId())).containsEntry("status", "IDLE")
                .containsEntry("removal", "REPORTED").containsEntry("command",
                        "aws ec2 delete-vpc-endpoints --vpc-endpoint-ids " + stsTheirs.vpcEndpointId() + " --region us-east-1");
        assertThat(costs.read(stsTheirs.vpcEndpointId()).stateAsString()).isEqualTo("available");
        assertThat(idleMark(stsTheirs)).as("nothing is written on what is not ours").isEmpty();
        assertNeededAndInUseAreKept(second);
        assertThat(second.summary()).contains("2 idle").contains("1 removed");
    }

    @Test
    void withoutTheParameterNothingIsRemovedOrMarked() {
        sweep(Mode.REMEDIATE, false);
        SweepResult second = sweep(Mode.REMEDIATE, false);

        assertThat(second.endpoint(kmsOurs.vpcEndpointId())).containsEntry("status", "IDLE").containsEntry("removal", "REPORTED");
        assertThat(recorder.writes()).isEmpty();
        assertThat(costs.read(kmsOurs.vpcEndpointId()).stateAsString()).isEqualTo("available");
    }

    @Test
    void aDryRunWritesNothingAtAll() {
        sweep(Mode.DRY_RUN, true);
        SweepResult second = sweep(Mode.DRY_RUN, true);

        assertThat(recorder.writes()).isEmpty();
        assertThat((String) second.endpoint(kmsOurs.vpcEndpointId()).get("removalReason")).contains("dry run");
        assertThat(idleMark(kmsOurs)).isEmpty();
    }

    @Test
    void trafficAfterTheFirstSightingTakesTheMarkOffAndASeriesOfOtherDimensionsIsNotTraffic() {
        sweep(Mode.REMEDIATE, true);
        costs.traffic(kmsOurs, 512);
        // PrivateLink publishes no series under the id alone; an exact read (as CloudWatch matches) must not see it.
        costs.trafficUnderAnotherDimensionSet(stsTheirs, 4_096);

        SweepResult second = sweep(Mode.REMEDIATE, true);

        assertThat(second.endpoint(kmsOurs.vpcEndpointId())).containsEntry("status", "IN_USE").containsEntry("removal", "UNMARKED");
        assertThat(idleMark(kmsOurs)).isEmpty();
        assertThat(costs.read(kmsOurs.vpcEndpointId()).stateAsString()).isEqualTo("available");
        assertThat(second.endpoint(stsTheirs.vpcEndpointId())).containsEntry("status", "IDLE");
        assertThat(recorder.count("ec2:DeleteTags")).isEqualTo(1);
        assertThat(recorder.count("ec2:DeleteVpcEndpoints")).isZero();
    }

    private void assertNeededAndInUseAreKept(SweepResult report) {
        assertThat(report.endpoint(logsOurs.vpcEndpointId())).containsEntry("status", "NEEDED");
        assertThat(neededBy(report, logsOurs)).containsExactlyInAnyOrder(rule, batch);
        assertThat(neededBy(report, secretsOurs)).containsExactly(schedule);
        assertThat(neededBy(report, ssmOurs)).containsExactly(batch);
        assertThat(report.endpoint(execOurs.vpcEndpointId())).containsEntry("status", "IN_USE").containsEntry("bytesProcessed", 2048);
        for (VpcEndpoint kept : List.of(logsOurs, secretsOurs, ssmOurs, execOurs)) {
            assertThat(costs.read(kept.vpcEndpointId()).stateAsString()).isEqualTo("available");
            assertThat(idleMark(kept)).isEmpty();
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sources = (List<Map<String, Object>>) ((Map<String, Object>) report.json()
                .get("endpointCosts")).get("sources");
        assertThat(sources).extracting(s -> s.get("status")).containsOnly("READ");
    }

    @SuppressWarnings("unchecked")
    private static List<String> neededBy(SweepResult report, VpcEndpoint endpoint) {
        return (List<String>) report.endpoint(endpoint.vpcEndpointId()).get("neededBy");
    }

    private Optional<String> idleMark(VpcEndpoint endpoint) {
        return costs.read(endpoint.vpcEndpointId()).tags().stream().filter(t -> t.key().equals(InterfaceEndpoint.IDLE_SINCE))
                .map(Tag::value).findFirst();
    }

    private SweepResult sweep(Mode mode, boolean removeIdle) {
        return Sweeps.run(Functions.sweep(new Settings(mode, PlanSettings.defaults()),
                        new CostSettings(CostSettings.DEFAULT_IDLE_WINDOW_DAYS, removeIdle, Optional.empty()),
                        List.of(recorder), List.of(recorder, fleet.motoServiceFields())),
                Sweeps.payloadFile("events/scheduled-sweep.json"));
    }
}
