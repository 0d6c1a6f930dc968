package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a manual sweep payload may ask for, and the clear error for what it may not. */
class SweepScopeTest {

    @Test
    void noPayloadAndAnEmptyOneMeanEverything() {
        assertThat(SweepScope.fromPayload(null)).isEqualTo(SweepScope.everything());
        assertThat(SweepScope.fromPayload(Map.of())).isEqualTo(SweepScope.everything());
        assertThat(SweepScope.everything().dryRun()).isFalse();
    }

    @Test
    void clustersVpcsAndADryRunAreTakenAsGiven() {
        SweepScope scope = SweepScope.fromPayload(Map.of("clusters", List.of("prod", "stage"),
                "vpcIds", List.of("vpc-0a1b2c3d"), "dryRun", true));

        assertThat(scope.clusters()).containsExactly("prod", "stage");
        assertThat(scope.vpcIds()).containsExactly("vpc-0a1b2c3d");
        assertThat(scope.dryRun()).isTrue();
    }

    @Test
    void aKeySetToNullMeansItsDefault() {
        Map<String, Object> payload = new HashMap<>();
        payload.put("clusters", null);

        assertThat(SweepScope.fromPayload(payload).clusters()).isEmpty();
    }

    @Test
    void valuesOfTheWrongShapeAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> SweepScope.fromPayload(Map.of("dryRun", "yes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dryRun must be true or false");
        assertThatThrownBy(() -> SweepScope.fromPayload(Map.of("clusters", "prod")))
                .hasMessage("clusters must be a list of non-empty strings");
        assertThatThrownBy(() -> SweepScope.fromPayload(Map.of("vpcIds", List.of("vpc-1", 2))))
                .hasMessage("vpcIds must be a list of non-empty strings");
        assertThatThrownBy(() -> SweepScope.fromPayload(Map.of("clusters", List.of(" "))))
                .hasMessage("clusters must be a list of non-empty strings");
        assertThatThrownBy(() -> SweepScope.fromPayload(Map.of("clusters", Arrays.asList("prod", null))))
                .hasMessage("clusters must be a list of non-empty strings");
    }
}
