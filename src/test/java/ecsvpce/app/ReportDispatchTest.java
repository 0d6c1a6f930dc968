package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ecsvpce.app.ReportSamples.CheckSample;
import ecsvpce.app.ReportSamples.SweepSample;
import ecsvpce.app.ReportSamples.TaskSample;
import ecsvpce.app.port.FollowUp;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.report.Mode;
import ecsvpce.report.ReportJson;
import ecsvpce.report.SweepReport;
import ecsvpce.report.SweepReports;
import ecsvpce.report.TaskReport;
import ecsvpce.report.VerificationReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What happens to a finished report: its origin, its follow-up, its notification, its metrics. */
class ReportDispatchTest {
    private static final Duration DELAY = Duration.ofMinutes(5);

    private final InMemoryPorts channels = new InMemoryPorts();
    private final MutableClock clock = new MutableClock(ReportSamples.NOW);
    private final ByteArrayOutputStream metrics = new ByteArrayOutputStream();
    private final ReportDispatch dispatch = new ReportDispatch("RemediateFunction", ReportSamples.REGION,
            Optional.of(channels), Optional.of(channels), DELAY, clock, () -> new PrintStream(metrics, true, StandardCharsets.UTF_8));

    @Test
    void aRemediationIsToldOnceQueuesItsCheckAndNamesItsAccountAndRegion() {
        Map<String, Object> out = task(TaskSample.REMEDIATED.report());

        assertThat(out).containsEntry("account", ReportSamples.ACCOUNT).containsEntry("region", ReportSamples.REGION);
        assertThat(List.copyOf(out.keySet()).subList(0, 5)).containsExactly("outcome", "mode", "summary", "account", "region");
        assertThat(out.get("followUp")).isEqualTo(Map.of("status", "QUEUED", "vpcId", Snapshots.VPC_ID, "check", 1,
                "checkAt", ReportSamples.NOW.plus(DELAY).toString()));
        assertThat(channels.queued).containsExactly(Map.entry(new FollowUp(Snapshots.VPC_ID, Tasks.TASK_ARN,
                ReportSamples.FAILED_AT, ReportSamples.NOW, 1, List.of(new FollowUp.Workload(Snapshots.TASK_SUBNET,
                        ReportSamples.SEED_NEEDS, List.of(Snapshots.TASK_SG), Tasks.CLUSTER_ARN, ReportSamples.SERVICE, true))),
                DELAY));
        assertThat(out.get("notification")).isEqualTo(Map.of("status", "SENT", "messageId", "message-1"));
        assertThat(channels.published).singleElement().satisfies(notice -> {
            assertThat(notice.subject()).startsWith("REMEDIATED web in " + Snapshots.VPC_ID);
            assertThat(notice.text()).contains("Follow-up check 1 of " + Snapshots.VPC_ID + " queued for");
            assertThat(notice.chatJson()).startsWith("{\"version\":\"1.0\",\"source\":\"custom\"");
        });
    }

    @Test
    void aStandaloneTasksCheckNamesNoServiceToWaitFor() {
        task(TaskSample.STANDALONE.report());

        assertThat(channels.queued.keySet()).singleElement().satisfies(followUp -> assertThat(followUp.workloads())
                .containsExactly(new FollowUp.Workload(Snapshots.TASK_SUBNET, ReportSamples.SEED_NEEDS,
                        List.of(Snapshots.TASK_SG), null, null)));
    }

    @Test
    void aStormOfTwentyEventsWithTheSameStoryIsToldOnce() {
        for (int event = 0; event < 20; event++) {
            Map<String, Object> out = task(TaskSample.PLANNED.report());
            assertThat(out.get("notification")).extracting(n -> ((Map<?, ?>) n).get("status"))
                    .isEqualTo(event == 0 ? "SENT" : "ALREADY_SENT");
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(channels.published).hasSize(1);
    }

    @Test
    void differentStoriesFromOneContainerAreEachTold() {
        task(TaskSample.REMEDIATED.report());
        task(TaskSample.NEEDS_A_PERSON.report());
        VerificationReport healed = CheckSample.HEALED.report();
        VerificationReport undone = CheckSample.UNDONE.report();
        dispatch.verification(healed, Optional.empty(), ReportJson.toMap(healed), ReportSamples.ACCOUNT);
        dispatch.verification(undone, Optional.empty(), ReportJson.toMap(undone), ReportSamples.ACCOUNT);

        assertThat(channels.published).extracting(notice -> notice.subject().split(" ")[0])
                .containsExactly("REMEDIATED", "NOT_FIXABLE_BY_ENDPOINTS", "HEALED", "STILL_BROKEN");
    }

    @Test
    void theSameStoryIsToldAgainOnceTheWindowHasPassed() {
        task(TaskSample.NEEDS_A_PERSON.report());
        clock.advance(RecentNotices.WINDOW.minusSeconds(1));
        task(TaskSample.NEEDS_A_PERSON.report());
        clock.advance(Duration.ofSeconds(1));
        task(TaskSample.NEEDS_A_PERSON.report());

        assertThat(channels.published).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(value = TaskSample.class, names = {"NOTHING_TO_DO", "OPTED_OUT", "NOT_OURS"})
    void skipsAndNothingToDoAreNotTold(TaskSample sample) {
        Map<String, Object> out = task(sample.report());

        assertThat(out.get("notification")).isEqualTo(Map.of("status", "NOT_NEEDED"));
        assertThat(out).doesNotContainKey("followUp");
        assertThat(channels.calls).isEmpty();
    }

    @Test
    void aTopicThatRefusesNeverTurnsTheFixIntoAFailureAndIsTriedAgainAtTheNextEvent() {
        channels.fail("publish", InMemoryPorts.refused("sns:Publish"));

        Map<String, Object> first = task(TaskSample.REMEDIATED.report());
        Map<String, Object> second = task(TaskSample.REMEDIATED.report());

        assertThat(first).containsEntry("outcome", "REMEDIATED");
        assertThat(first.get("notification")).isEqualTo(Map.of("status", "FAILED",
                "error", "sns:Publish was denied: grant it to the function's role (UnauthorizedOperation)"));
        assertThat(((Map<?, ?>) second.get("notification")).get("status")).isEqualTo("FAILED");
        assertThat(channels.calls).containsExactly("send", "publish", "send", "publish");
        assertThat(metrics.toString(StandardCharsets.UTF_8)).contains("\"NotificationsFailed\":1");
    }

    @Test
    void aQueueThatRefusesIsReportedAndTheStoryIsStillTold() {
        channels.fail("send", InMemoryPorts.refused("sqs:SendMessage"));

        Map<String, Object> out = task(TaskSample.REMEDIATED.report());

        assertThat(out.get("followUp")).isEqualTo(Map.of("status", "FAILED", "vpcId", Snapshots.VPC_ID, "check", 1,
                "error", "sqs:SendMessage was denied: grant it to the function's role (UnauthorizedOperation)"));
        assertThat(channels.published).singleElement().satisfies(notice ->
                assertThat(notice.text()).contains("The follow-up check could not be queued"));
    }

    @Test
    void withoutTopicOrQueueTheReportSaysSo() {
        ReportDispatch unconfigured = new ReportDispatch("RemediateFunction", ReportSamples.REGION, Optional.empty(),
                Optional.empty(), DELAY, clock, () -> new PrintStream(metrics, true, StandardCharsets.UTF_8));
        TaskReport report = TaskSample.REMEDIATED.report();

        Map<String, Object> out = unconfigured.task(report, ReportJson.toMap(report, Set.of()), null, null);

        assertThat(out.get("followUp")).isEqualTo(Map.of("status", "NOT_CONFIGURED"));
        assertThat(out.get("notification")).isEqualTo(Map.of("status", "NOT_CONFIGURED"));
        assertThat(out).doesNotContainKey("account").containsEntry("region", ReportSamples.REGION);
    }

    @Test
    void everyDispatchWritesItsMetricLines() {
        task(TaskSample.REMEDIATED.report());

        assertThat(metrics.toString(StandardCharsets.UTF_8).lines()).hasSize(4)
                .allSatisfy(line -> assertThat(line).startsWith("{\"_aws\":{\"Timestamp\":" + ReportSamples.NOW.toEpochMilli()));
    }

    @Test
    void aSweepQueuesOneCheckPerVpcItChanged() {
        SweepReport report = SweepSample.FIXED.report();

        Map<String, Object> out = dispatch.sweep(report, ReportJson.toMap(report), ReportSamples.ACCOUNT);

        assertThat(out.get("followUps")).asList().singleElement().extracting(f -> ((Map<?, ?>) f).get("status"))
                .isEqualTo("QUEUED");
        FollowUp queued = channels.queued.keySet().iterator().next();
        assertThat(queued.trigger()).isEqualTo(FollowUpRequests.SWEEP);
        assertThat(queued.workloads()).singleElement().satisfies(w -> {
            assertThat(w.serviceName()).isEqualTo(ReportSamples.SERVICE);
            assertThat(w.clusterArn()).isEqualTo(Tasks.CLUSTER_ARN);
        });
        assertThat(channels.published).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = SweepSample.class, names = {"PLANNED", "NEEDS_A_PERSON", "COMPLIANT", "FAILED"})
    void aSweepThatFixedNothingQueuesNoCheck(SweepSample sample) {
        SweepReport report = sample.report();

        Map<String, Object> out = dispatch.sweep(report, ReportJson.toMap(report), ReportSamples.ACCOUNT);

        assertThat(out).doesNotContainKey("followUps");
        assertThat(channels.queued).isEmpty();
    }

    @Test
    void aDryRunSweepSaysPerVpcWhichFailingServicesItsCheckWouldDeployAgain() {
        SweepReport.VpcReport planned = ((SweepReport.Swept) SweepSample.PLANNED.report()).vpcs().get(0);
        SweepReport report = SweepReports.swept(Mode.DRY_RUN, 1, List.of(failingToStart(planned, planned.vpcId()),
                failingToStart(planned, "vpc-0second")), List.of(), List.of(), List.of());

        Map<String, Object> out = dispatch.sweep(report, ReportJson.toMap(report), ReportSamples.ACCOUNT);

        assertThat(channels.queued).isEmpty();
        assertThat(out.get("followUps")).asList().extracting(f -> ((Map<?, ?>) f).get("status"), f -> ((Map<?, ?>) f).get("vpcId"),
                        f -> ((List<?>) ((Map<?, ?>) f).get("wouldRecover")).size())
                .containsExactly(tuple("DRY_RUN", Snapshots.VPC_ID, 1), tuple("DRY_RUN", "vpc-0second", 1));
    }

    @Test
    void aPendingCheckIsQueuedAgainAndNotTold() {
        FollowUpCheck.Checked checked = CheckSample.PENDING.checked();
        VerificationReport report = checked.report();

        Map<String, Object> out = dispatch.verification(report, checked.again(), ReportJson.toMap(report), ReportSamples.ACCOUNT);

        assertThat(out.get("followUp")).extracting(f -> ((Map<?, ?>) f).get("check")).isEqualTo(2);
        assertThat(out.get("notification")).isEqualTo(Map.of("status", "NOT_NEEDED"));
    }

    /** With a first delay of five minutes: half a minute while something moves, fifteen (SQS's most) while ECS is awaited. */
    @Test
    void theNextCheckComesSoonWhileSomethingMovesAndLaterWhileEcsIsAwaited() {
        FollowUpCheck.Checked checked = CheckSample.PENDING.checked();
        VerificationReport report = checked.report();

        Map<String, Object> soon = dispatch.verification(report, checked.again(), FollowUpCheck.Pace.SOON,
                ReportJson.toMap(report), ReportSamples.ACCOUNT);
        Map<String, Object> later = dispatch.verification(report, checked.again(), FollowUpCheck.Pace.LATER,
                ReportJson.toMap(report), ReportSamples.ACCOUNT);

        assertThat(checked.pace()).as("an endpoint is still pending").isEqualTo(FollowUpCheck.Pace.SOON);
        assertThat(((Map<?, ?>) soon.get("followUp")).get("checkAt")).isEqualTo(ReportSamples.NOW.plusSeconds(30).toString());
        assertThat(((Map<?, ?>) later.get("followUp")).get("checkAt")).isEqualTo(ReportSamples.NOW.plusSeconds(900).toString());
        assertThat(FollowUpCheck.Pace.LATER.delay(Duration.ofSeconds(60))).as("the default first delay")
                .isEqualTo(Duration.ofSeconds(300));
        assertThat(FollowUpCheck.Pace.SOON.delay(Duration.ZERO)).isZero();
    }

    @Test
    void aDryRunQueuesNoCheckAndSaysWhichServiceItsCheckWouldDeployAgainAndTheCommand() {
        Map<String, Object> out = task(TaskSample.PLANNED.report());

        assertThat(channels.queued).isEmpty();
        assertThat(out.get("followUp")).isEqualTo(Map.of("status", "DRY_RUN", "vpcId", Snapshots.VPC_ID,
                "recoverServices", true, "wouldRecover", List.of(Map.of("clusterArn", Tasks.CLUSTER_ARN, "serviceName", "web",
                        "command", "aws ecs update-service --region ap-northeast-1 --cluster " + Tasks.CLUSTER_ARN
                                + " --service web --force-new-deployment"))));
        assertThat(channels.published).singleElement().satisfies(notice -> assertThat(notice.text())
                .contains("Dry run, no follow-up check: with these changes applied and their endpoints available, the check "
                        + "would start one new deployment of web. After applying them by hand, take it out of ECS's back-off: "
                        + "aws ecs update-service"));
    }

    /** The VPC's report under {@code vpcId}, with its services below their desired count. */
    private static SweepReport.VpcReport failingToStart(SweepReport.VpcReport vpc, String vpcId) {
        return new SweepReport.VpcReport(vpcId, vpc.compliant(), vpc.subnets().stream().map(subnet -> new SweepReport.SubnetReport(
                subnet.subnetId(), subnet.availabilityZone(), subnet.routeTableId(), subnet.services().stream()
                .map(s -> new SweepReport.ServiceReport(s.serviceName(), s.serviceArn(), s.clusterArn(), s.status(), s.needs(),
                        s.findings(), true)).toList())).toList(), vpc.actions(), vpc.unfixed(), vpc.notes(),
                vpc.monthlyCostUsd(), vpc.error());
    }

    private Map<String, Object> task(TaskReport report) {
        return dispatch.task(report, ReportJson.toMap(report, Set.of(ReportSamples.ACCOUNT)), ReportSamples.ACCOUNT,
                ReportSamples.FAILED_AT);
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
