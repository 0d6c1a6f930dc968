package ecsvpce.report;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.EndpointService;
import ecsvpce.core.SweepEngine;
import ecsvpce.core.Workload;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.needs.NeedsAnalyzer;
import ecsvpce.core.needs.TaskNeeds;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.core.plan.ResourceTags;
import ecsvpce.report.CheckReport.Checked;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A check's report as scripts/preflight prints it and local-invoke --text shows it. */
class CheckTextTest {
    private static final Checked CHECKED = new Checked(Tasks.TASK_DEFINITION_ARN, null, null, "1.4.0",
            List.of(Snapshots.TASK_SUBNET), List.of(Snapshots.TASK_SG), false);

    private static String text(CheckReport report) {
        return ReportText.of(ReportJson.toMap(report));
    }

    private static CheckReport decided(Snapshots.Builder vpc) {
        TaskNeeds needs = NeedsAnalyzer.analyze(Tasks.seedDefinition(), Tasks.seedLaunch());
        return CheckReports.decided(Tasks.ACCOUNT, Snapshots.REGION, CHECKED, "task definition app:7", needs,
                SweepEngine.decide(vpc.build(), List.of(new Workload("app", needs, Snapshots.taskPlacement())),
                        PlanSettings.defaults(), ResourceTags.forCreation("deploy-check", Instant.EPOCH)), List.of());
    }

    @Test
    void willFailShowsEachFindingWithItsChangeAndWhatTheRemediatorWouldDo() {
        String text = text(decided(Snapshots.isolatedSeedVpc().withoutEndpoint(EndpointService.LOGS)));

        assertThat(text).startsWith("WILL_FAIL: task definition app:7 will fail to start in " + Snapshots.VPC_ID
                + ": 1 blocking finding(s): ENDPOINT_MISSING logs (" + Snapshots.VPC_ID + ")\n"
                + "Region " + Snapshots.REGION + ", account " + Tasks.ACCOUNT + "\n")
                .contains("Checked\n-------\n  Task definition: " + Tasks.TASK_DEFINITION_ARN + "\n  Subnets: "
                        + Snapshots.TASK_SUBNET + "\n  Security groups: " + Snapshots.TASK_SG + "\n  Platform version: 1.4.0\n")
                .contains("  logs: container 'app' logConfiguration.logDriver = awslogs")
                .contains("Subnet " + Snapshots.TASK_SUBNET + " (" + Snapshots.TASK_AZ + ", route table "
                        + Snapshots.ROUTE_TABLE + ")")
                .contains("  BLOCKING ENDPOINT_MISSING logs: no logs interface endpoint in " + Snapshots.VPC_ID
                        + "\n    change: ")
                .contains("What the remediator would change (REMEDIATE mode)\n", "  PLANNED create logs interface endpoint",
                        "Would add 7.30 USD a month")
                .contains("Next steps\n----------\n  - Make each change above");
    }

    @Test
    void readySaysSoAndAsksNothing() {
        String text = text(decided(Snapshots.isolatedSeedVpc()));

        assertThat(text).startsWith("READY: task definition app:7 finds every start-up need served in " + Snapshots.VPC_ID)
                .doesNotContain("Next steps", "BLOCKING", "What the remediator would change");
    }

    @Test
    void theSubjectNamesTheServiceOrTheTaskDefinitionAndTheVpcOnceKnown() {
        assertThat(Readables.of(ReportJson.toMap(decided(Snapshots.isolatedSeedVpc()))).subject())
                .isEqualTo("READY app:7 in " + Snapshots.VPC_ID + " (" + Tasks.ACCOUNT + " " + Snapshots.REGION + ")");
        Checked service = new Checked(Tasks.TASK_DEFINITION_ARN, "web", Tasks.CLUSTER_ARN, "1.4.0",
                List.of(Snapshots.TASK_SUBNET), List.of(Snapshots.TASK_SG), false);
        assertThat(Readables.of(ReportJson.toMap(CheckReports.cannotTell(Tasks.ACCOUNT, Snapshots.REGION, service,
                "subnet(s) subnet-x do not exist", false))).subject())
                .isEqualTo("CANNOT_TELL web (" + Tasks.ACCOUNT + " " + Snapshots.REGION + ")");
    }

    @Test
    void cannotTellSaysWhatCouldNotBeTold() {
        String text = text(CheckReports.cannotTell(null, Snapshots.REGION, CHECKED, "subnet(s) subnet-x do not exist", false));

        assertThat(text).startsWith("CANNOT_TELL: subnet(s) subnet-x do not exist\nRegion " + Snapshots.REGION + "\n")
                .contains("Could not tell\n--------------\n  subnet(s) subnet-x do not exist\n")
                .contains("  - Settle what could not be told, then check again.");
        assertThat(Readables.of(ReportJson.toMap(CheckReports.cannotTell(null, "us-east-1", null, "x", false))).subject())
                .isEqualTo("CANNOT_TELL (account unknown us-east-1)");
    }
}
