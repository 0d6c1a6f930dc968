package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.ReportSamples.CheckSample;
import ecsvpce.app.ReportSamples.SweepSample;
import ecsvpce.app.ReportSamples.TaskSample;
import ecsvpce.app.port.Incident;
import ecsvpce.app.port.Ledger;
import ecsvpce.core.EndpointService;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.report.ErrorSummary;
import ecsvpce.report.Mode;
import ecsvpce.report.ServiceStatus;
import ecsvpce.report.SweepReport;
import ecsvpce.report.SweepReports;
import ecsvpce.report.TaskReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The incident rules: what opens an incident, what adds to it, what closes it. */
class IncidentsTest {
    private static final Instant FAILED_AT = ReportSamples.FAILED_AT;
    private static final Instant NOW = ReportSamples.NOW;

    @Test
    void aVpcsFirstFailedStartForANetworkCauseOpensIncidentOne() {
        Incident incident = apply(Ledger.Latest.none(), task(TaskSample.REMEDIATED)).orElseThrow();

        assertThat(incident.id()).isEqualTo(Snapshots.VPC_ID + "#1");
        assertThat(incident.open()).isTrue();
        assertThat(incident.revision()).isEqualTo(1);
        assertThat(incident.trigger()).isEqualTo(Tasks.TASK_ARN);
        assertThat(incident.firstFailureAt()).isEqualTo(FAILED_AT);
        assertThat(incident.fixAppliedAt()).isEqualTo(NOW);
        assertThat(incident.failedStarts()).isEqualTo(1);
        assertThat(incident.workloads()).containsExactly("cluster-1/web".replace("cluster-1", lastPart(Tasks.CLUSTER_ARN)));
        assertThat(incident.findings()).as("CODE service resource, blocking ones only").containsExactlyElementsOf(
                ReportSamples.SEED_NEEDS.stream().map(need -> "ENDPOINT_MISSING " + need.id() + " " + Snapshots.VPC_ID).toList());
        assertThat(incident.actions()).hasSize(7).allSatisfy(change -> assertThat(change.resourceId()).isNotNull());
        assertThat(incident.endpointsCreated()).as("five interface endpoints and the S3 gateway, not the security group")
                .isEqualTo(6);
        assertThat(incident.monthlyCostUsd()).isPositive();
    }

    @Test
    void theS3GatewayCountsAsAnEndpointCreatedAndTurningOnPrivateDnsDoesNot() {
        Incident gateway = opened(remediate(Tasks.SEED_STOPPED_REASON,
                Snapshots.isolatedSeedVpc().withoutEndpoint(EndpointService.S3).build()));
        Incident privateDns = opened(remediate(Tasks.SEED_STOPPED_REASON,
                Snapshots.isolatedSeedVpc().privateDnsOff(EndpointService.SECRETSMANAGER).build()));

        assertThat(gateway.actions()).extracting(Incident.Change::type).containsExactly("CREATE_GATEWAY_ENDPOINT");
        assertThat(gateway.endpointsCreated()).isEqualTo(1);
        assertThat(privateDns.actions()).extracting(Incident.Change::type).containsExactly("ENABLE_PRIVATE_DNS");
        assertThat(privateDns.endpointsCreated()).isZero();
    }

    @Test
    void laterFailuresOfTheSameVpcAreCountedInTheOpenIncidentAndEachChangeIsKeptOnce() {
        Incident first = apply(Ledger.Latest.none(), task(TaskSample.REMEDIATED)).orElseThrow();
        IncidentEvent again = Incidents.ofTask(TaskSample.REMEDIATED.report(), FAILED_AT.minusSeconds(30), NOW.plusSeconds(5))
                .orElseThrow();

        Incident second = apply(Ledger.Latest.of(first), again).orElseThrow();

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.failedStarts()).isEqualTo(2);
        assertThat(second.firstFailureAt()).as("the earliest failure").isEqualTo(FAILED_AT.minusSeconds(30));
        assertThat(second.fixAppliedAt()).as("the first fix").isEqualTo(NOW);
        assertThat(second.actions()).as("the same endpoints, applied twice with one client token").isEqualTo(first.actions());
    }

    @Test
    void theLastEventIsTheLatestWhicheverOrderTheEventsArriveIn() {
        Incident open = apply(Ledger.Latest.none(), task(TaskSample.REMEDIATED)).orElseThrow();
        Incident late = apply(Ledger.Latest.of(open), Incidents.ofTask(TaskSample.REMEDIATED.report(),
                FAILED_AT.minusSeconds(30), NOW).orElseThrow()).orElseThrow();
        Instant afterTheFix = NOW.plus(Duration.ofMinutes(30));
        Incident again = apply(Ledger.Latest.of(late), Incidents.ofTask(TaskSample.REMEDIATED.report(), afterTheFix,
                afterTheFix).orElseThrow()).orElseThrow();
        IncidentEvent swept = Incidents.ofSweep(SweepSample.COMPLIANT.report(), FAILED_AT.plus(Incidents.FOLLOW_UP_HORIZON)
                .plusSeconds(1)).get(0);

        assertThat(late.lastEventAt()).as("a failure reported late").isEqualTo(FAILED_AT);
        assertThat(again.lastEventAt()).isEqualTo(afterTheFix);
        assertThat(apply(Ledger.Latest.of(late), swept)).as("two hours after its last event").isPresent();
        assertThat(apply(Ledger.Latest.of(again), swept)).as("a failure since: its check decides").isEmpty();
    }

    @Test
    void anUnrecognisedStopReasonOpensOneWhenTheNetworkHasABlockingGap() {
        String reason = "ResourceInitializationError: the agent could not prepare the task";
        TaskReport unrecognised = remediate(reason, Snapshots.isolatedEmptyVpc().build());

        assertThat(((TaskReport.Examined) unrecognised).failure().failureClass()).isEqualTo("UNKNOWN");
        assertThat(Incidents.ofTask(unrecognised, FAILED_AT, NOW)).hasValueSatisfying(event ->
                assertThat(event.kind()).isEqualTo(IncidentEvent.Kind.OPENS));
    }

    @ParameterizedTest
    @EnumSource(value = TaskSample.class, names = {"NOT_NETWORK", "OPTED_OUT", "NOT_OURS", "FAILED_BEFORE_READING"})
    void aFailureThatIsNotTheNetworksOpensNothing(TaskSample sample) {
        assertThat(Incidents.ofTask(sample.report(), FAILED_AT, NOW)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = TaskSample.class, names = {"PLANNED", "NEEDS_A_PERSON", "FAILED_WHILE_APPLYING", "STANDALONE"})
    void aDryRunOrAGapForAPersonOpensOneToo(TaskSample sample) {
        Incident incident = apply(Ledger.Latest.none(), task(sample)).orElseThrow();

        assertThat(incident.failedStarts()).isEqualTo(1);
        assertThat(incident.findings()).isNotEmpty();
    }

    @Test
    void aFailedStartTheNetworkNowServesAddsToTheOpenIncidentOrOpensOneSoNoFailureGoesUncounted() {
        IncidentEvent served = task(TaskSample.NOTHING_TO_DO);
        Incident open = apply(Ledger.Latest.none(), task(TaskSample.REMEDIATED)).orElseThrow();

        assertThat(apply(Ledger.Latest.of(open), served)).hasValueSatisfying(updated -> {
            assertThat(updated.sequence()).isEqualTo(open.sequence());
            assertThat(updated.failedStarts()).isEqualTo(2);
        });
        // another environment fixed the VPC a moment ago and has not written its incident yet
        assertThat(apply(Ledger.Latest.none(), served)).hasValueSatisfying(opened -> {
            assertThat(opened.sequence()).isEqualTo(1);
            assertThat(opened.failedStarts()).isEqualTo(1);
        });
    }

    @Test
    void aLateEventOfAFailureBeforeTheLastIncidentClosedOpensNone() {
        Incident open = apply(Ledger.Latest.none(), task(TaskSample.REMEDIATED)).orElseThrow();
        Incident closed = apply(Ledger.Latest.of(open), Incidents.ofVerification(CheckSample.HEALED.report(),
                NOW.plusSeconds(90)).orElseThrow()).orElseThrow();
        IncidentEvent before = Incidents.ofTask(TaskSample.NOTHING_TO_DO.report(), FAILED_AT, NOW).orElseThrow();
        IncidentEvent after = Incidents.ofTask(TaskSample.NOTHING_TO_DO.report(), closed.lastEventAt().plusSeconds(1),
                NOW).orElseThrow();

        assertThat(closed.open()).isFalse();
        assertThat(apply(Ledger.Latest.of(closed), before)).isEmpty();
        assertThat(apply(Ledger.Latest.of(closed), after)).hasValueSatisfying(next ->
                assertThat(next.sequence()).isEqualTo(closed.sequence() + 1));
    }

    @Test
    void theFollowUpsHealedClosesItWithItsTimeToRecoveryAndTheNextFailureOpensTheNext() {
        Incident open = apply(Ledger.Latest.none(), task(TaskSample.REMEDIATED)).orElseThrow();
        IncidentEvent healed = Incidents.ofVerification(CheckSample.HEALED.report(), NOW.plusSeconds(90)).orElseThrow();

        Incident closed = apply(Ledger.Latest.of(open), healed).orElseThrow();

        assertThat(closed.open()).isFalse();
        assertThat(closed.closedBy()).isEqualTo(Incidents.BY_FOLLOW_UP);
        assertThat(closed.healedAt()).as("when the check looked, not when its report was handled")
                .isEqualTo(Instant.parse(CheckSample.HEALED.report().checkedAt()));
        assertThat(closed.recoverySeconds()).contains(Duration.between(FAILED_AT, closed.healedAt()).toSeconds());
        assertThat(apply(Ledger.Latest.of(closed), healed)).as("a second check of the same fix").isEmpty();
        assertThat(apply(Ledger.Latest.of(closed), task(TaskSample.PLANNED))).hasValueSatisfying(next ->
                assertThat(next.id()).isEqualTo(Snapshots.VPC_ID + "#2"));
    }

    @Test
    void aCheckStillBrokenAddsWhatRemainsAndAGoneVpcClosesWithoutATimeToRecovery() {
        Incident open = apply(Ledger.Latest.none(), task(TaskSample.NEEDS_A_PERSON)).orElseThrow();

        Incident broken = apply(Ledger.Latest.of(open), Incidents.ofVerification(CheckSample.UNDONE.report(), NOW)
                .orElseThrow()).orElseThrow();
        Incident gone = apply(Ledger.Latest.of(broken), Incidents.ofVerification(CheckSample.GONE.report(), NOW)
                .orElseThrow()).orElseThrow();

        assertThat(broken.open()).isTrue();
        assertThat(broken.failedStarts()).isEqualTo(1);
        assertThat(broken.findings()).as("what the check found still missing").contains(open.findings().toArray(String[]::new))
                .contains("ENDPOINT_MISSING secretsmanager " + Snapshots.VPC_ID);
        assertThat(broken.mode()).as("a check has no mode of its own").isEqualTo("REMEDIATE");
        assertThat(gone.open()).isFalse();
        assertThat(gone.closedBy()).isEqualTo(Incidents.BY_GONE);
        assertThat(gone.recoverySeconds()).isEmpty();
        assertThat(Incidents.ofVerification(CheckSample.PENDING.report(), NOW)).isEmpty();
        assertThat(Incidents.ofVerification(CheckSample.REJECTED.report(), NOW)).isEmpty();
    }

    @Test
    void aSweepFindingOpensOneAndASweepThatFindsTheVpcServingClosesItOnceNothingOfOursAwaitsItsCheck() {
        IncidentEvent finding = Incidents.ofSweep(SweepSample.PLANNED.report(), NOW).get(0);
        Incident planned = apply(Ledger.Latest.none(), finding).orElseThrow();
        Incident fixed = apply(Ledger.Latest.none(), Incidents.ofSweep(SweepSample.FIXED.report(), NOW).get(0)).orElseThrow();
        IncidentEvent compliantNow = Incidents.ofSweep(SweepSample.COMPLIANT.report(), NOW.plusSeconds(60)).get(0);
        IncidentEvent compliantLater = Incidents.ofSweep(SweepSample.COMPLIANT.report(),
                NOW.plus(Incidents.FOLLOW_UP_HORIZON).plusSeconds(1)).get(0);

        assertThat(planned.trigger()).isEqualTo(VpcSweep.TRIGGER);
        assertThat(planned.failedStarts()).isZero();
        assertThat(planned.workloads()).containsExactly(lastPart(Tasks.CLUSTER_ARN) + "/" + ReportSamples.SERVICE);
        assertThat(apply(Ledger.Latest.of(planned), compliantNow)).hasValueSatisfying(closed -> {
            assertThat(closed.closedBy()).isEqualTo(Incidents.BY_SWEEP);
            assertThat(closed.recoverySeconds()).contains(60L);
        });
        assertThat(apply(Ledger.Latest.of(fixed), compliantNow)).as("its follow-up decides").isEmpty();
        assertThat(apply(Ledger.Latest.of(fixed), compliantLater)).hasValueSatisfying(closed ->
                assertThat(closed.open()).isFalse());
        assertThat(apply(Ledger.Latest.none(), compliantNow)).as("nothing to close").isEmpty();
        assertThat(Incidents.ofSweep(SweepSample.FAILED.report(), NOW)).isEmpty();
        assertThat(Incidents.ofSweep(SweepSample.VPC_UNREADABLE.report(), NOW)).as("a VPC it could not read").isEmpty();
    }

    @Test
    void aSweepNamesOnlyTheServicesThatFailItsChecks() {
        SweepReport.VpcReport vpc = ((SweepReport.Swept) SweepSample.NEEDS_A_PERSON.report()).vpcs().get(0);
        SweepReport.SubnetReport subnet = vpc.subnets().get(0);
        List<SweepReport.ServiceReport> services = new ArrayList<>(subnet.services());
        services.add(new SweepReport.ServiceReport("api", Tasks.CLUSTER_ARN.replace(":cluster/", ":service/") + "/api",
                Tasks.CLUSTER_ARN, ServiceStatus.COMPLIANT, ReportSamples.SEED_NEEDS, List.of()));
        SweepReport.VpcReport withAHealthySibling = new SweepReport.VpcReport(vpc.vpcId(), false,
                List.of(new SweepReport.SubnetReport(subnet.subnetId(), subnet.availabilityZone(), subnet.routeTableId(), services)),
                vpc.actions(), vpc.unfixed(), vpc.notes(), vpc.monthlyCostUsd(), vpc.error());

        List<IncidentEvent> events = Incidents.ofSweep(SweepReports.swept(Mode.REMEDIATE, 1, List.of(withAHealthySibling),
                List.of(), List.of(), List.of()), NOW);

        assertThat(events).singleElement().satisfies(event ->
                assertThat(event.workloads()).containsExactly(lastPart(Tasks.CLUSTER_ARN) + "/" + ReportSamples.SERVICE));
    }

    @Test
    void aSweepWhoseChangesWereCutShortOpensOneWithWhatItApplied() {
        SweepReport.VpcReport fixed = ((SweepReport.Swept) SweepSample.FIXED.report()).vpcs().get(0);
        SweepReport.VpcReport cutShort = new SweepReport.VpcReport(fixed.vpcId(), false, fixed.subnets(),
                fixed.actions().subList(0, 1), fixed.unfixed(), fixed.notes(), fixed.monthlyCostUsd(),
                new ErrorSummary(ErrorSummary.Kind.ACCESS_DENIED, "ec2:CreateVpcEndpoint", "UnauthorizedOperation",
                        "ec2:CreateVpcEndpoint was denied"));

        List<IncidentEvent> events = Incidents.ofSweep(SweepReports.swept(Mode.REMEDIATE, 1, List.of(cutShort),
                List.of(), List.of(), List.of()), NOW);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(IncidentEvent.Kind.OPENS);
            assertThat(event.applied()).extracting(Incident.Change::type).containsExactly("CREATE_ENDPOINT_SECURITY_GROUP");
            assertThat(event.findings()).hasSize(ReportSamples.SEED_NEEDS.size());
        });
    }

    @Test
    void anUnreadableLatestIncidentIsSkippedAndItsNumberStaysTaken() {
        assertThat(apply(Ledger.Latest.unreadable(7, "format 2, this version reads 1"), task(TaskSample.PLANNED)))
                .hasValueSatisfying(incident -> assertThat(incident.sequence()).isEqualTo(8));
        assertThat(apply(Ledger.Latest.unreadable(7, "damaged"), task(TaskSample.NOTHING_TO_DO))).isEmpty();
    }

    @Test
    void listsAreBoundedSoAnItemStaysSmall() {
        Incident incident = apply(Ledger.Latest.none(), task(TaskSample.PLANNED)).orElseThrow();
        for (int event = 0; event < Incidents.MAX_ENTRIES + 5; event++) {
            IncidentEvent other = new IncidentEvent(IncidentEvent.Kind.ADDS, Snapshots.VPC_ID, NOW, null, null, true,
                    List.of("cluster/service-" + event), List.of("ENDPOINT_MISSING ssm " + event), List.of(), null);
            incident = apply(Ledger.Latest.of(incident), other).orElseThrow();
        }

        assertThat(incident.workloads()).hasSize(Incidents.MAX_ENTRIES);
        assertThat(incident.findings()).hasSize(Incidents.MAX_ENTRIES);
        assertThat(incident.failedStarts()).isEqualTo(Incidents.MAX_ENTRIES + 6);
    }

    /** The seed's task of service web, stopped for {@code reason}, remediated in {@code vpc}. */
    private static TaskReport remediate(String reason, NetworkSnapshot vpc) {
        return ReportSamples.remediate(Mode.REMEDIATE, vpc, ReportSamples.stoppedTask(reason,
                Tasks.TASK_DEFINITION_ARN, "service:" + ReportSamples.SERVICE), aws -> { });
    }

    private static Incident opened(TaskReport report) {
        return apply(Ledger.Latest.none(), Incidents.ofTask(report, FAILED_AT, NOW).orElseThrow()).orElseThrow();
    }

    private static IncidentEvent task(TaskSample sample) {
        return Incidents.ofTask(sample.report(), FAILED_AT, NOW).orElseThrow();
    }

    private static Optional<Incident> apply(Ledger.Latest latest, IncidentEvent event) {
        return Incidents.apply(latest, event);
    }

    private static String lastPart(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
