package ecsvpce.core.cost;

import static ecsvpce.core.cost.Endpoints.NOW;
import static ecsvpce.core.cost.Endpoints.REGION;
import static ecsvpce.core.cost.Endpoints.VPC;
import static ecsvpce.core.cost.Endpoints.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.cost.Removal.Step;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Removed only if ours, opted in, not a dry run, and idle at two sweeps in a row; else left to a person. */
class RemovalTest {
    private static final Demand NOBODY = new Demand.Builder().build();
    private static final String FIRST_SIGHTING = NOW.minus(Duration.ofHours(6)).toString();

    private static Removal.Decision decide(InterfaceEndpoint endpoint, long bytes, boolean removeIdle, boolean dryRun) {
        Idleness.Verdict verdict = Idleness.judge(endpoint, NOBODY, Endpoints.bytes(endpoint.id(), bytes), REGION, NOW, WINDOW);
        return Removal.decide(endpoint, verdict, removeIdle, dryRun, NOW);
    }

    private static InterfaceEndpoint oursMarked(String mark) {
        return Endpoints.endpoint("vpce-1", VPC, "kms", NOW.minus(Duration.ofDays(40)), true, mark);
    }

    @Test
    void theFirstIdleSightingMarksTheSecondRemoves() {
        assertThat(decide(oursMarked(null), 0, true, false).step()).isEqualTo(Step.MARK);
        assertThat(decide(oursMarked(FIRST_SIGHTING), 0, true, false).step()).isEqualTo(Step.DELETE);
    }

    @Test
    void neverWithoutTheParameter() {
        Removal.Decision decision = decide(oursMarked(FIRST_SIGHTING), 0, false, false);

        assertThat(decision.step()).isEqualTo(Step.REPORT);
        assertThat(decision.reason()).contains("RemoveIdleEndpoints is off");
    }

    @Test
    void neverInADryRunNeitherMarkNorDelete() {
        assertThat(decide(oursMarked(null), 0, true, true)).satisfies(d -> {
            assertThat(d.step()).isEqualTo(Step.REPORT);
            assertThat(d.reason()).contains("dry run: would be marked");
        });
        assertThat(decide(oursMarked(FIRST_SIGHTING), 0, true, true).reason()).contains("dry run: would be removed");
        assertThat(decide(oursMarked(FIRST_SIGHTING), 5, true, true).step()).as("nor unmark").isEqualTo(Step.NONE);
    }

    @Test
    void neverAnEndpointTheProductDidNotCreate() {
        InterfaceEndpoint theirs = Endpoints.endpoint("vpce-1", VPC, "kms", NOW.minus(Duration.ofDays(40)), false,
                FIRST_SIGHTING);

        Removal.Decision decision = decide(theirs, 0, true, false);

        assertThat(decision.step()).isEqualTo(Step.REPORT);
        assertThat(decision.reason()).contains("not created by the product");
        assertThat(Removal.command(theirs, REGION)).isEqualTo("aws ec2 delete-vpc-endpoints --vpc-endpoint-ids vpce-1 --region "
                + REGION);
        assertThat(decide(theirs, 5, true, false).step()).as("nor its tags touched").isEqualTo(Step.NONE);
    }

    @Test
    void neverAnEndpointTaggedToBeLeftAlone() {
        InterfaceEndpoint skipped = new InterfaceEndpoint("vpce-1", VPC, "com.amazonaws." + REGION + ".kms", "available",
                java.util.List.of("subnet-a"), java.util.List.of("a"), NOW.minus(Duration.ofDays(40)), java.util.Map.of(
                ecsvpce.core.plan.ResourceTags.CREATED_BY, ecsvpce.core.plan.ResourceTags.PRODUCT,
                ecsvpce.core.plan.ResourceTags.SKIP, "", InterfaceEndpoint.IDLE_SINCE, FIRST_SIGHTING));

        assertThat(decide(skipped, 0, true, false).step()).isEqualTo(Step.REPORT);
    }

    @Test
    void neverWhenItIsNotIdleAndTheMarkComesOff() {
        assertThat(decide(oursMarked(FIRST_SIGHTING), 1, true, false).step()).isEqualTo(Step.UNMARK);
        assertThat(decide(oursMarked(FIRST_SIGHTING), 1, false, false).step()).as("whatever the parameter").isEqualTo(Step.UNMARK);
        assertThat(decide(oursMarked(null), 1, true, false).step()).isEqualTo(Step.NONE);
    }

    @Test
    void aMarkOfAnEarlierSweepInTheSameSecondCounts() {
        assertThat(decide(oursMarked(NOW.toString()), 0, true, false).step()).isEqualTo(Step.DELETE);
    }

    @Test
    void aMarkThatIsNotATimeStartsTheCountAgain() {
        assertThat(decide(oursMarked("yesterday"), 0, true, false).step()).isEqualTo(Step.MARK);
        assertThat(decide(oursMarked(NOW.plusSeconds(60).toString()), 0, true, false).step()).as("a mark from the future")
                .isEqualTo(Step.MARK);
    }

    @Test
    void aRefusedDeleteIsNotTriedAgain() {
        Removal.Decision decision = decide(oursMarked(FIRST_SIGHTING + " " + InterfaceEndpoint.DELETE_REFUSED), 0, true, false);

        assertThat(decision.step()).isEqualTo(Step.REPORT);
        assertThat(decision.reason()).contains("refused").contains("not tried again");
    }
}
