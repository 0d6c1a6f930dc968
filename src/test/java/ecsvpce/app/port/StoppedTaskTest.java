package ecsvpce.app.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a stopped task is read from what ECS reports, whether in an event or from DescribeTasks. */
class StoppedTaskTest {

    @Test
    void theSubnetAndInterfaceComeFromTheTasksNetworkInterfaceAttachmentOnly() {
        StoppedTask.Builder task = StoppedTask.builder();
        task.attachment("Service Connect", Map.of("subnetId", "subnet-other", "networkInterfaceId", "eni-other"));
        task.attachment("ElasticNetworkInterface", Map.of("subnetId", "subnet-1", "networkInterfaceId", "eni-1"));

        StoppedTask built = task.build();

        assertThat(built.subnetId()).isEqualTo("subnet-1");
        assertThat(built.networkInterfaceId()).isEqualTo("eni-1");
    }

    @Test
    void eventsNameTheAttachmentEniAndALaterAttachmentKeepsWhatItDoesNotName() {
        StoppedTask.Builder task = StoppedTask.builder();
        task.attachment("eni", Map.of("subnetId", "subnet-1", "networkInterfaceId", "eni-1"));
        task.attachment("ENI", Map.of("privateIPv4Address", "10.0.1.5"));

        assertThat(task.build().subnetId()).isEqualTo("subnet-1");
        assertThat(task.build().networkInterfaceId()).isEqualTo("eni-1");
    }

    @Test
    void anotherAvailabilityZoneChangesThatFieldOnly() {
        StoppedTask task = StoppedTask.builder().taskArn("t").subnetId("subnet-1").executeCommandEnabled(true)
                .tags(Map.of("team", "a")).build();

        StoppedTask moved = task.withAvailabilityZone("us-east-1a");

        assertThat(moved.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(moved.withAvailabilityZone(null)).isEqualTo(task);
    }

    @Test
    void theAccountIsTheOneTheTaskArnNamesAndNoneWithoutOne() {
        assertThat(StoppedTask.builder().taskArn("arn:aws:ecs:us-east-1:123456789012:task/prod/0123").build().accountId())
                .isEqualTo("123456789012");
        assertThat(StoppedTask.builder().taskArn("0123").build().accountId()).isNull();
        assertThat(StoppedTask.builder().build().accountId()).isNull();
    }

    @Test
    void aServiceTaskNamesItsServiceAndFargateIsALaunchTypeOrACapacityProvider() {
        assertThat(StoppedTask.builder().group("service:web").build().serviceName()).isEqualTo("web");
        assertThat(StoppedTask.builder().group("family:web").build().serviceName()).isNull();
        assertThat(StoppedTask.builder().build().serviceName()).isNull();
        assertThat(StoppedTask.builder().launchType("FARGATE").build().isFargate()).isTrue();
        assertThat(StoppedTask.builder().capacityProviderName("FARGATE_SPOT").build().isFargate()).isTrue();
        assertThat(StoppedTask.builder().capacityProviderName("my-asg").build().isFargate()).isFalse();
        assertThat(StoppedTask.builder().build().isFargate()).isFalse();
    }
}
