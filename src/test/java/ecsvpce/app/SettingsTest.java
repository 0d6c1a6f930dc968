package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ecsvpce.report.Mode;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsRemediateIsolatedSubnetsOnlyAtUsEast1Prices() {
        Settings settings = Settings.fromEnvironment(Map.of());

        assertThat(settings.mode()).isEqualTo(Mode.REMEDIATE);
        assertThat(settings.plan().remediateWithInternetPath()).isFalse();
        assertThat(settings.plan().interfaceEndpointUsdPerAzHour()).isEqualByComparingTo("0.01");
    }

    @Test
    void readsEverySetting() {
        Settings settings = Settings.fromEnvironment(Map.of(
                "REMEDIATION_MODE", "DRY_RUN", "REMEDIATE_WITH_INTERNET_PATH", "true",
                "INTERFACE_ENDPOINT_USD_PER_AZ_HOUR", "0.013"));

        assertThat(settings.mode()).isEqualTo(Mode.DRY_RUN);
        assertThat(settings.plan().remediateWithInternetPath()).isTrue();
        assertThat(settings.plan().interfaceEndpointUsdPerAzHour()).isEqualTo(new BigDecimal("0.013"));
    }

    @Test
    void anAllowListNamesTheOnlyVpcsTouched() {
        Settings everywhere = Settings.fromEnvironment(Map.of("ALLOWED_VPC_IDS", ""));
        Settings two = Settings.fromEnvironment(Map.of("ALLOWED_VPC_IDS", " vpc-0a1b2c3d4e5f60718 ,vpc-11112222"));

        assertThat(everywhere.allows("vpc-99999999")).isTrue();
        assertThat(two.allowedVpcIds()).containsExactlyInAnyOrder("vpc-0a1b2c3d4e5f60718", "vpc-11112222");
        assertThat(two.allows("vpc-11112222")).isTrue();
        assertThat(two.allows("vpc-99999999")).isFalse();
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("ALLOWED_VPC_IDS", "vpc-1,subnet-2")))
                .hasMessageContaining("ALLOWED_VPC_IDS");
    }

    @Test
    void aMalformedValueIsAClearErrorNotASilentDefault() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("REMEDIATION_MODE", "dry-run")))
                .hasMessageContaining("REMEDIATION_MODE").hasMessageContaining("dry-run");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("REMEDIATE_WITH_INTERNET_PATH", "yes")))
                .hasMessageContaining("REMEDIATE_WITH_INTERNET_PATH");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("INTERFACE_ENDPOINT_USD_PER_AZ_HOUR", "cheap")))
                .hasMessageContaining("INTERFACE_ENDPOINT_USD_PER_AZ_HOUR");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("INTERFACE_ENDPOINT_USD_PER_AZ_HOUR", "-0.01")))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void aFreePriceIsAPriceAllTheSame() {
        assertThat(Settings.fromEnvironment(Map.of("INTERFACE_ENDPOINT_USD_PER_AZ_HOUR", "0")).plan()
                .interfaceEndpointUsdPerAzHour()).isZero();
    }
}
