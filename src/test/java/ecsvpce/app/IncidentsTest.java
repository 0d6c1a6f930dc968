package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.ReportSamples.CheckSample;
import ecsvpce.app.ReportSamples.SweepSample;
import ecsvpce.app.ReportSamples.TaskSample;
import ecsvpce.app.port.Incident;
import ecsvpce.app.port.Ledger;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import java.time.Duration;
import java.time.Instant;
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
        assertThat(incident.findings()).isNotEmpty().allSatisfy(finding -> assertThat(finding).contains(" "));
        assertThat(incident.actions()).isNotEmpty().allSatisfy(change -> assertThat(change.resourceId()).isNotNull());
        assertThat(incident.endpointsCreated()).isPositive();
        assertThat(incident.monthlyCostUsd()).isPositive();
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
    void aFailedStartTheNetworkNowServesAddsToTheOpenIncidentAndOpensNone() {
        IncidentEvent served = task(TaskSample.NOTHING_TO_DO);
        Incident open = apply(Ledger.Latest.none(), task(TaskSample.REMEDIATED)).orElseThrow();

        assertThat(apply(Ledger.Latest.none(), served)).isEmpty();
        assertThat(apply(Ledger.Latest.of(open), served)).hasValueSatisfying(updated ->
                assertThat(updated.failedStarts()).isEqualTo(2));
    }

    @Test
    void theFollowUpsHealedClosesItWithItsTimeToRecoveryAndTheNextFailureOpensTheNext() {
        Incident open = apply(Ledger.Latest.none(), task(TaskSample.REMEDIATED)).orElseThrow();
        IncidentEvent healed = Incidents.ofVerification(CheckSample.HEALED.report(), NOW).orElseThrow();

        Incident closed = apply(Ledger.Latest.of(open), healed).orElseThrow();

        assertThat(closed.open()).isFalse();
        assertThat(closed.closedBy()).isEqualTo(Incidents.BY_FOLLOW_UP);
        assertThat(closed.healedAt()).isEqualTo(Instant.parse(CheckSample.HEALED.report().checkedAt()));
        assertThat(closed.recoverySeconds()).contains(Duration.between(FAILED_AT, closed.healedAt()).toSeconds());
        assertThat(apply(Ledger.Latest.of(closed), healed)).as("a second check of the same fix").isEmpty();
        assertThat(apply(Ledger.Latest.of(closed), task(TaskSample.PLANNED))).hasValueSatisfying(next ->
                assertThat(next.id()).isEqualTo(Snapshots.VPC_ID + "#2"));
    }

    @Test
    void aCheckStillBrokenAddsWhatRemainsAndAGoneVpcClosesWithoutATimeToRecovery() {
        Incident open = apply(Ledger.Latest.none(), task(TaskSample.REMEDIATED)).orElseThrow();

        Incident broken = apply(Ledger.Latest.of(open), Incidents.ofVerification(CheckSample.UNDONE.report(), NOW)
                .orElseThrow()).orElseThrow();
        Incident gone = apply(Ledger.Latest.of(broken), Incidents.ofVerification(CheckSample.GONE.report(), NOW)
                .orElseThrow()).orElseThrow();

        assertThat(broken.open()).isTrue();
        assertThat(broken.failedStarts()).isEqualTo(1);
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
