package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.ReportSamples.CheckSample;
import ecsvpce.app.ReportSamples.SweepSample;
import ecsvpce.app.ReportSamples.TaskSample;
import ecsvpce.app.port.ActionResult;
import ecsvpce.app.port.CallFailure;
import ecsvpce.core.EndpointService;
import ecsvpce.report.Outcome;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.report.EndpointCosts;
import ecsvpce.report.ErrorSummary;
import ecsvpce.report.Mode;
import ecsvpce.report.SweepReport;
import ecsvpce.report.SweepReports;
import ecsvpce.report.TaskReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which reports people are told about, and which two reports tell the same story. */
class NoticePolicyTest {
    private static final String NEXT_REVISION = Tasks.TASK_DEFINITION_ARN.replaceFirst(":[0-9]+$", ":8");
    private static final String OTHER_DEFINITION = Tasks.TASK_DEFINITION_ARN.replaceFirst("/app:[0-9]+$", "/worker:1");

    @ParameterizedTest
    @CsvSource({"REMEDIATED, true", "PLANNED, true", "NEEDS_A_PERSON, true", "NOT_NETWORK, true",
            "FAILED_WHILE_APPLYING, true", "FAILED_BEFORE_READING, true",
            "NOTHING_TO_DO, false", "OPTED_OUT, false", "NOT_OURS, false"})
    void taskReports(TaskSample sample, boolean told) {
        assertThat(NoticePolicy.task(sample.report()).isPresent()).isEqualTo(told);
    }

    @ParameterizedTest
    @CsvSource({"FIXED, true", "PLANNED, true", "NEEDS_A_PERSON, true", "FAILED, true", "VPC_UNREADABLE, true",
            "IDLE_ENDPOINTS, true", "COMPLIANT, false", "REJECTED, false"})
    void sweepReports(SweepSample sample, boolean told) {
        assertThat(NoticePolicy.sweep(sample.report()).isPresent()).isEqualTo(told);
    }

    @ParameterizedTest
    @CsvSource({"HEALED, true", "UNDONE, true", "NOT_RECOVERED, true", "GONE, true", "FAILED, true",
            "PENDING, false", "REJECTED, false"})
    void verdicts(CheckSample sample, boolean told) {
        assertThat(NoticePolicy.verification(sample.report()).isPresent()).isEqualTo(told);
    }

    @Test
    void anotherTaskOfTheSameStormTellsTheSameStory() {
        TaskReport first = TaskSample.NEEDS_A_PERSON.report();
        TaskReport second = TaskSample.NEEDS_A_PERSON.report();

        assertThat(((TaskReport.Examined) first).task()).isEqualTo(((TaskReport.Examined) second).task());
        assertThat(NoticePolicy.task(first)).isEqualTo(NoticePolicy.task(second));
    }

    @Test
    void differentStoriesHaveDifferentKeys() {
        List<Optional<String>> keys = List.of(NoticePolicy.task(TaskSample.REMEDIATED.report()),
                NoticePolicy.task(TaskSample.PLANNED.report()), NoticePolicy.task(TaskSample.NEEDS_A_PERSON.report()),
                NoticePolicy.task(TaskSample.NOT_NETWORK.report()), NoticePolicy.task(TaskSample.FAILED_WHILE_APPLYING.report()),
                NoticePolicy.task(TaskSample.FAILED_BEFORE_READING.report()), NoticePolicy.task(TaskSample.UNVERIFIED.report()));

        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void anotherGapOfTheSameVpcIsAnotherStory() {
        TaskReport oneEndpointMissing = remediate(Snapshots.isolatedSeedVpc().withoutEndpoint(EndpointService.SECRETSMANAGER)
                .build(), aws -> { });
        TaskReport reachesTheInternet = remediate(Snapshots.isolatedEmptyVpc().internetPath("igw-0a1b2c3d").build(), aws -> { });

        assertThat(List.of(NoticePolicy.task(TaskSample.REMEDIATED.report()), NoticePolicy.task(oneEndpointMissing),
                NoticePolicy.task(TaskSample.NEEDS_A_PERSON.report()), NoticePolicy.task(reachesTheInternet)))
                .doesNotHaveDuplicates();
    }

    @Test
    void anotherUndecidedGapIsAnotherStory() {
        TaskReport logsUndecided = remediate(Snapshots.isolatedSeedVpc().withoutEndpoint(EndpointService.LOGS)
                .internetPath("tgw-0egress").build(), aws -> { });
        TaskReport ssmUndecided = remediate(Snapshots.isolatedSeedVpc().withoutEndpoint(EndpointService.SSM)
                .internetPath("tgw-0egress").build(), aws -> { });

        assertThat(((TaskReport.Examined) logsUndecided).outcome()).isEqualTo(Outcome.NOT_FIXABLE_BY_ENDPOINTS);
        assertThat(NoticePolicy.task(logsUndecided)).isPresent().isNotEqualTo(NoticePolicy.task(ssmUndecided));
    }

    @Test
    void adviceBesideTheSameUndecidedGapIsTheSameStory() {
        TaskReport plain = remediate(Snapshots.isolatedSeedVpc().withSubnetC().withoutEndpoint(EndpointService.LOGS)
                .internetPath("tgw-0egress").build(), aws -> { });
        TaskReport withAdvice = remediate(Snapshots.isolatedSeedVpc().withSubnetC().withoutEndpoint(EndpointService.LOGS)
                .endpoint(EndpointService.SSM, e -> e.subnets(Snapshots.SUBNET_C)).internetPath("tgw-0egress").build(),
                aws -> { });

        assertThat(((TaskReport.Examined) withAdvice).findings()).extracting(f -> f.code().name())
                .contains("ENDPOINT_NOT_IN_TASK_AZ");
        assertThat(NoticePolicy.task(withAdvice)).isPresent().isEqualTo(NoticePolicy.task(plain));
    }

    @Test
    void anEndpointMadeAgainAfterItWasDeletedIsToldAgain() {
        TaskReport madeAgain = remediate(Snapshots.isolatedEmptyVpc().build(), aws -> aws.onApply((actions, done) ->
                actions.forEach(action -> done.add(ActionResult.applied(action, "vpce-again" + done.size())))));

        assertThat(NoticePolicy.task(madeAgain)).isNotEqualTo(NoticePolicy.task(TaskSample.REMEDIATED.report()));
    }

    @Test
    void aRefusalForAnotherReasonIsAnotherStory() {
        TaskReport clusterGone = remediate(Snapshots.isolatedEmptyVpc().build(), aws -> aws.fail("describeTask",
                new CallFailure.Refused(false, "ecs:DescribeTasks", "ClusterNotFoundException",
                        "ecs:DescribeTasks was rejected: ClusterNotFoundException", null)));

        assertThat(NoticePolicy.task(clusterGone)).isPresent()
                .isNotEqualTo(NoticePolicy.task(TaskSample.FAILED_BEFORE_READING.report()));
    }

    @Test
    void aFailureThatIsNotTheNetworkIsOneStoryPerTaskDefinitionFamily() {
        Optional<String> key = NoticePolicy.task(TaskSample.NOT_NETWORK.report());

        assertThat(NoticePolicy.task(TaskSample.NOT_NETWORK.report(NEXT_REVISION))).as("another revision").isEqualTo(key);
        assertThat(NoticePolicy.task(TaskSample.NOT_NETWORK.report(OTHER_DEFINITION))).as("another family").isNotEqualTo(key);
    }

    @Test
    void aGapOfTheVpcIsOneStoryWhicheverTaskDefinitionRanIntoIt() {
        assertThat(NoticePolicy.task(TaskSample.NEEDS_A_PERSON.report(OTHER_DEFINITION)))
                .isEqualTo(NoticePolicy.task(TaskSample.NEEDS_A_PERSON.report()));
    }

    @Test
    void differentSweepStoriesHaveDifferentKeys() {
        List<Optional<String>> keys = List.of(NoticePolicy.sweep(SweepSample.FIXED.report()),
                NoticePolicy.sweep(SweepSample.PLANNED.report()), NoticePolicy.sweep(SweepSample.NEEDS_A_PERSON.report()),
                NoticePolicy.sweep(SweepSample.FAILED.report()), NoticePolicy.sweep(SweepSample.VPC_UNREADABLE.report()));

        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void aCompliantVpcSweptAlongsideDoesNotMakeTheSameGapAnotherStory() {
        SweepReport.Swept alone = (SweepReport.Swept) SweepSample.NEEDS_A_PERSON.report();
        List<SweepReport.VpcReport> vpcs = new ArrayList<>(alone.vpcs());
        vpcs.add(new SweepReport.VpcReport("vpc-0compliant00001", true, List.of(), List.of(), List.of(), List.of(),
                BigDecimal.ZERO, null));

        SweepReport withACompliantVpc = SweepReports.swept(alone.mode(), 1, vpcs, List.of(), List.of(), List.of());

        assertThat(NoticePolicy.sweep(withACompliantVpc)).isEqualTo(NoticePolicy.sweep(alone));
    }

    @Test
    void aCompliantSweepIsToldForAnIdleEndpointOrAMarkItCouldNotChangeNotForEndpointsInUse() {
        SweepReport.Swept idle = (SweepReport.Swept) SweepSample.IDLE_ENDPOINTS.report();
        List<EndpointCosts.EndpointLine> inUse = idle.endpointCosts().endpoints().stream()
                .filter(line -> !"IDLE".equals(line.status())).toList();
        EndpointCosts.EndpointLine kms = idle.endpointCosts().endpoints().stream()
                .filter(line -> "IDLE".equals(line.status())).findFirst().orElseThrow();
        EndpointCosts.EndpointLine usedAgainStillMarked = new EndpointCosts.EndpointLine(kms.endpointId(), kms.vpcId(),
                kms.serviceName(), kms.availabilityZones(), kms.monthlyUsd(), 1_000_000L, kms.dataProcessingUsd(),
                kms.createdAt(), true, "IN_USE", "it processed data in the window", List.of(), "UNMARK_FAILED", null, null,
                new ErrorSummary(ErrorSummary.Kind.ACCESS_DENIED, "ec2:DeleteTags", "UnauthorizedOperation",
                        "ec2:DeleteTags was denied"));

        assertThat(inUse).isNotEmpty();
        assertThat(NoticePolicy.sweep(withEndpoints(idle, inUse))).as("every endpoint in use or needed").isEmpty();
        assertThat(NoticePolicy.sweep(withEndpoints(idle, List.of(usedAgainStillMarked)))).isPresent();
        assertThat(NoticePolicy.sweep(idle)).as("an endpoint in use beside the idle one changes nothing")
                .isEqualTo(NoticePolicy.sweep(withEndpoints(idle, idle.endpointCosts().endpoints().stream()
                        .filter(line -> "IDLE".equals(line.status())).toList())));
    }

    /** With a ledger: the key every environment claims. */
    @Test
    void aFixAndAVerdictAreOneStoryPerIncidentAndEveryOtherStoryKeepsItsKey() {
        String incident = Snapshots.VPC_ID + "#1";
        String whole = NoticePolicy.task(TaskSample.REMEDIATED.report()).orElseThrow();
        String otherPart = NoticePolicy.task(remediate(Snapshots.isolatedEmptyVpc().build(), aws -> aws.onApply((actions, done) ->
                actions.forEach(action -> done.add(ActionResult.applied(action, "vpce-other" + done.size())))))).orElseThrow();
        String stillBroken = NoticePolicy.verification(CheckSample.UNDONE.report()).orElseThrow();
        String stillBrokenLater = NoticePolicy.verification(CheckSample.NOT_RECOVERED.report()).orElseThrow();

        assertThat(NoticePolicy.perIncident(whole, incident)).as("another environment's part of the fix")
                .isEqualTo(NoticePolicy.perIncident(otherPart, incident))
                .isNotEqualTo(NoticePolicy.perIncident(whole, Snapshots.VPC_ID + "#2"));
        assertThat(NoticePolicy.perIncident(stillBroken, incident)).as("another check of the same incident")
                .isEqualTo(NoticePolicy.perIncident(stillBrokenLater, incident))
                .isNotEqualTo(NoticePolicy.perIncident(stillBroken, Snapshots.VPC_ID + "#2"));
        for (TaskSample sample : List.of(TaskSample.PLANNED, TaskSample.NEEDS_A_PERSON, TaskSample.FAILED_WHILE_APPLYING)) {
            String key = NoticePolicy.task(sample.report()).orElseThrow();
            assertThat(NoticePolicy.perIncident(key, incident)).as(sample.name()).isEqualTo(key);
        }
    }

    @Test
    void theSameCheckDeliveredTwiceIsOneStoryAndTheNextCheckAnother() {
        assertThat(NoticePolicy.verification(CheckSample.UNDONE.report()))
                .isEqualTo(NoticePolicy.verification(CheckSample.UNDONE.report()))
                .isNotEqualTo(NoticePolicy.verification(CheckSample.NOT_RECOVERED.report()));
    }

    private static SweepReport withEndpoints(SweepReport.Swept swept, List<EndpointCosts.EndpointLine> lines) {
        EndpointCosts costs = swept.endpointCosts();
        return new SweepReport.Swept(swept.mode(), swept.summary(), swept.totals(), swept.vpcs(), swept.unreadable(),
                swept.skipped(), swept.notReached(), new EndpointCosts(costs.pricing(), costs.idleWindowDays(),
                costs.removeIdleEndpoints(), costs.totals(), lines, costs.centralisation(), costs.sources(), costs.error()),
                swept.serviceEvent());
    }

    private static TaskReport remediate(NetworkSnapshot vpc, Consumer<InMemoryPorts> script) {
        return ReportSamples.remediate(Mode.REMEDIATE, vpc, ReportSamples.stoppedTask(Tasks.SEED_STOPPED_REASON,
                Tasks.TASK_DEFINITION_ARN, "service:" + ReportSamples.SERVICE), script);
    }
}
