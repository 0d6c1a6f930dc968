package ecsvpce.races;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.Settings;
import ecsvpce.app.TaskRemediation;
import ecsvpce.aws.Ec2NetworkReader;
import ecsvpce.aws.Ec2NetworkWriter;
import ecsvpce.aws.EcsTaskReader;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.report.Mode;
import ecsvpce.report.Outcome;
import ecsvpce.report.TaskReport;
import ecsvpce.support.FakeEcs;
import ecsvpce.support.NoPrivateZones;
import ecsvpce.support.fakeec2.FakeEc2;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A VPC shared by another account through AWS RAM (docs/real-estates.md#shared-vpcs), which moto
 * cannot show (one account): the product's own adapters read the VPC's owner from EC2, plan
 * nothing, make no write, and write down the owner's changes.
 */
class SharedVpcTest {
    private static final String OWNER = "210987654321";

    @Test
    void aVpcOwnedByAnotherAccountGetsNoWriteAndTheReportNamesTheOwnerAndItsChanges() {
        FakeEc2 ec2 = new FakeEc2();
        FakeEc2.Seed seed = ec2.seedVpc();
        ec2.shareVpcFrom(seed.vpcId(), OWNER);
        FakeEcs ecs = new FakeEcs(List.of(seed.taskSecurityGroupId()));
        EcsTaskReader tasks = new EcsTaskReader(ecs);
        try (Ec2NetworkReader reader = new Ec2NetworkReader(ec2, new NoPrivateZones(), "us-east-1")) {
            TaskRemediation remediation = new TaskRemediation(tasks, tasks, reader, new Ec2NetworkWriter(ec2),
                    new Settings(Mode.REMEDIATE, PlanSettings.defaults()), "us-east-1", Clock.systemUTC());

            TaskReport.Examined report = (TaskReport.Examined) remediation.remediate(
                    ecs.stoppedTask(seed.subnetId(), "us-east-1a"));

            assertThat(report.outcome()).isEqualTo(Outcome.NOT_FIXABLE_BY_ENDPOINTS);
            assertThat(report.summary()).startsWith(seed.vpcId() + " is owned by account " + OWNER)
                    .contains("blocking finding(s) need a person").contains("aws ec2 create-vpc-endpoint");
            assertThat(report.actions()).isEmpty();
            assertThat(report.unfixed()).isNotEmpty().allSatisfy(f -> assertThat(f.fix()).isNotBlank());
            assertThat(ec2.writes()).isEmpty();
        }
    }
}
