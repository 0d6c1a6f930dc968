package ecsvpce.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.EndpointService;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a scope covers, and how reports name it. */
class ChangeScopeTest {
    @Test
    void everyNeedCoversEveryServiceNoneCoversNone() {
        for (EndpointService service : EndpointService.values()) {
            assertThat(ChangeScope.EVERY_NEED.covers(service)).isTrue();
            assertThat(ChangeScope.NONE.covers(service)).isFalse();
        }
    }

    @Test
    void aServiceNamedByTheMessageCoversItAndForEcrsRegistryItsLayerBucket() {
        assertThat(ChangeScope.pointedAt(EndpointService.SSM)).isEqualTo(new ChangeScope(false, Set.of(EndpointService.SSM)));
        assertThat(ChangeScope.pointedAt(EndpointService.ECR_DKR).services())
                .containsExactlyInAnyOrder(EndpointService.ECR_DKR, EndpointService.S3);
        assertThat(ChangeScope.pointedAt(EndpointService.S3).covers(EndpointService.ECR_DKR)).isFalse();
    }

    @Test
    void reportsNameTheScopeInWords() {
        assertThat(ChangeScope.EVERY_NEED).hasToString("every need");
        assertThat(ChangeScope.NONE).hasToString("no endpoint service");
        assertThat(ChangeScope.pointedAt(EndpointService.ECR_DKR)).hasToString("ecr.dkr, s3");
    }
}
