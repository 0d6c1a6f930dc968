package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.port.StoppedTask;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** ECS's answer is the task; the event only adds what a report's text shows, and each claim ECS contradicts is noted. */
class ConfirmedTaskTest {
    private static final String TASK = "arn:aws:ecs:us-east-1:123456789012:task/prod/0123";

    private static StoppedTask.Builder ecs() {
        return StoppedTask.builder().taskArn(TASK).clusterArn("arn:aws:ecs:us-east-1:123456789012:cluster/prod")
                .taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3").lastStatus("STOPPED")
                .stopCode("TaskFailedToStart").stoppedReason("ResourceInitializationError: unable to pull secrets")
                .launchType("FARGATE").platformVersion("1.4.0").platformFamily("Linux").availabilityZone("us-east-1a")
                .group("service:web").startedBy("ecs-svc/1").subnetId("subnet-1").networkInterfaceId("eni-1")
                .tags(Map.of("team", "a"));
    }

    static Stream<Arguments> claimsOfEveryDecidingField() {
        return Stream.of(
                claim("clusterArn", b -> b.clusterArn("arn:aws:ecs:us-east-1:123456789012:cluster/other")),
                claim("taskDefinitionArn", b -> b.taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/big:1")),
                claim("lastStatus", b -> b.lastStatus("RUNNING")),
                claim("stopCode", b -> b.stopCode("EssentialContainerExited")),
                claim("launchType", b -> b.launchType("EC2")),
                claim("capacityProviderName", b -> b.capacityProviderName("FARGATE_SPOT")),
                claim("platformVersion", b -> b.platformVersion("1.3.0")),
                claim("platformFamily", b -> b.platformFamily("Windows")),
                claim("group", b -> b.group("service:other")),
                claim("startedBy", b -> b.startedBy("ecs-svc/2")),
                claim("subnetId", b -> b.subnetId("subnet-elsewhere")),
                claim("networkInterfaceId", b -> b.networkInterfaceId("eni-2")),
                claim("enableExecuteCommand", b -> b.executeCommandEnabled(true)));
    }

    private static Arguments claim(String field, UnaryOperator<StoppedTask.Builder> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("claimsOfEveryDecidingField")
    void aDecidingFieldTheEventClaimsOtherwiseIsEcsAndTheReportSaysSo(String field,
                                                                      UnaryOperator<StoppedTask.Builder> change) {
        StoppedTask fromEcs = ecs().build();

        ConfirmedTask confirmed = ConfirmedTask.of(fromEcs, change.apply(ecs()).build());

        assertThat(confirmed.task()).isEqualTo(fromEcs);
        assertThat(confirmed.notes()).singleElement().asString()
                .startsWith("the event's " + field + " ").endsWith("ECS's answer was used");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("claimsOfEveryDecidingField")
    void whereEcsGivesNoValueTheEventDoesNotFillIt(String field, UnaryOperator<StoppedTask.Builder> change) {
        StoppedTask fromEcs = StoppedTask.builder().taskArn(TASK).build();

        ConfirmedTask confirmed = ConfirmedTask.of(fromEcs, change.apply(ecs()).build());

        assertThat(confirmed.task()).isEqualTo(fromEcs.withAvailabilityZone("us-east-1a"));
        assertThat(confirmed.task().executeCommandEnabled()).isFalse();
        assertThat(confirmed.task().subnetId()).isNull();
        assertThat(confirmed.notes()).anySatisfy(note -> assertThat(note).startsWith("the event's " + field + " ")
                .contains(field.equals("enableExecuteCommand") ? "(off)" : "(none)").endsWith("ECS's answer was used"));
    }

    @Test
    void anEventThatSaysWhatEcsSaysAddsNothing() {
        ConfirmedTask confirmed = ConfirmedTask.of(ecs().build(), ecs().tags(Map.of()).build());

        assertThat(confirmed.task()).isEqualTo(ecs().build());
        assertThat(confirmed.notes()).isEmpty();
    }

    @Test
    void anEventThatSaysLessThanEcsAddsNothingEither() {
        ConfirmedTask confirmed = ConfirmedTask.of(ecs().executeCommandEnabled(true).build(),
                StoppedTask.builder().taskArn(TASK).build());

        assertThat(confirmed.task().executeCommandEnabled()).isTrue();
        assertThat(confirmed.notes()).isEmpty();
    }

    @Test
    void theStopReasonEcsNoLongerGivesIsQuotedAsTheEventsAndDecidesNothing() {
        StoppedTask fromEcs = ecs().stoppedReason(null).build();

        ConfirmedTask confirmed = ConfirmedTask.of(fromEcs, ecs().build());

        assertThat(confirmed.task().stoppedReason()).isNull();
        assertThat(confirmed.notes()).containsExactly("the event's stop reason, which ECS no longer gives (it decided "
                + "nothing): 'ResourceInitializationError: unable to pull secrets'");
    }

    @Test
    void aStopReasonOtherThanEcssIsNotQuoted() {
        ConfirmedTask confirmed = ConfirmedTask.of(ecs().build(),
                ecs().stoppedReason("ResourceInitializationError: made up, dial tcp 52.1.2.3:443: i/o timeout").build());

        assertThat(confirmed.task().stoppedReason()).isEqualTo("ResourceInitializationError: unable to pull secrets");
        assertThat(confirmed.notes()).containsExactly("the event's stop reason is not the one ECS gives; ECS's was used");
    }

    @Test
    void theAvailabilityZoneOnlyShapesTheReportSoTheEventMayFillItAndSaysSo() {
        ConfirmedTask filled = ConfirmedTask.of(ecs().availabilityZone(null).build(), ecs().build());
        ConfirmedTask contradicted = ConfirmedTask.of(ecs().build(), ecs().availabilityZone("us-east-1f").build());

        assertThat(filled.task().availabilityZone()).isEqualTo("us-east-1a");
        assertThat(filled.notes()).containsExactly("the availability zone shown is the event's: ECS gives none");
        assertThat(contradicted.task().availabilityZone()).isEqualTo("us-east-1a");
        assertThat(contradicted.notes()).containsExactly(
                "the event's availabilityZone 'us-east-1f' is not what ECS says (us-east-1a): ECS's answer was used");
    }

    @Test
    void aLongClaimIsCutInItsNote() {
        String claimed = "x".repeat(500);

        ConfirmedTask confirmed = ConfirmedTask.of(ecs().build(), ecs().group(claimed).build());

        assertThat(confirmed.notes()).singleElement().asString().hasSizeLessThan(320).contains("xxx...'");
    }
}
