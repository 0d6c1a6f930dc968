package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cost side's settings: defaults, the Region's price unless one is set, and a clear error for bad input. */
class CostSettingsTest {

    @Test
    void unsetMeansAThirtyDayWindowNoRemovalAndTheRegionsPrice() {
        CostSettings settings = CostSettings.fromEnvironment(Map.of());

        assertThat(settings).isEqualTo(new CostSettings(30, false, Optional.empty()));
        assertThat(settings.price("ap-northeast-1").usdPerAzHour()).isEqualByComparingTo("0.014");
        assertThat(CostSettings.fromEnvironment(Map.of("IDLE_WINDOW_DAYS", "", "REMOVE_IDLE_ENDPOINTS", "",
                "INTERFACE_ENDPOINT_USD_PER_AZ_HOUR", ""))).as("what the template passes for defaults").isEqualTo(settings);
    }

    @Test
    void setValuesAreRead() {
        CostSettings settings = CostSettings.fromEnvironment(Map.of("IDLE_WINDOW_DAYS", "90",
                "REMOVE_IDLE_ENDPOINTS", "TRUE", "INTERFACE_ENDPOINT_USD_PER_AZ_HOUR", "0.02"));

        assertThat(settings.idleWindowDays()).isEqualTo(90);
        assertThat(settings.removeIdle()).isTrue();
        assertThat(settings.price("ap-northeast-1").usdPerAzHour()).isEqualByComparingTo(new BigDecimal("0.02"));
        assertThat(settings.price("ap-northeast-1").source()).contains("InterfaceEndpointUsdPerAzHour");
    }

    @Test
    void theWindowsLimitsAreAccepted() {
        assertThat(CostSettings.fromEnvironment(Map.of("IDLE_WINDOW_DAYS", "1")).window()).hasDays(1);
        assertThat(CostSettings.fromEnvironment(Map.of("IDLE_WINDOW_DAYS", "455")).window())
                .as("CloudWatch's retention of hourly data, the template's MaxValue").hasDays(455);
    }

    @Test
    void badInputIsAClearErrorNeverASilentDefault() {
        assertThatThrownBy(() -> CostSettings.fromEnvironment(Map.of("IDLE_WINDOW_DAYS", "a month")))
                .hasMessageContaining("IDLE_WINDOW_DAYS must be a whole number of days");
        assertThatThrownBy(() -> CostSettings.fromEnvironment(Map.of("IDLE_WINDOW_DAYS", "0")))
                .hasMessageContaining("IDLE_WINDOW_DAYS must be 1 to 455");
        assertThatThrownBy(() -> CostSettings.fromEnvironment(Map.of("IDLE_WINDOW_DAYS", "456")))
                .hasMessageContaining("IDLE_WINDOW_DAYS must be 1 to 455");
        assertThatThrownBy(() -> CostSettings.fromEnvironment(Map.of("REMOVE_IDLE_ENDPOINTS", "yes")))
                .hasMessageContaining("REMOVE_IDLE_ENDPOINTS must be true or false");
        assertThatThrownBy(() -> CostSettings.fromEnvironment(Map.of("INTERFACE_ENDPOINT_USD_PER_AZ_HOUR", "-1")))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void thePlansPriceIsTheRegionsUnlessOneIsSet() {
        assertThat(Settings.fromEnvironment(Map.of("AWS_REGION", "eu-central-1")).plan().interfaceEndpointUsdPerAzHour())
                .isEqualByComparingTo("0.012");
        assertThat(Settings.fromEnvironment(Map.of()).plan().interfaceEndpointUsdPerAzHour()).as("no Region: us-east-1's")
                .isEqualByComparingTo("0.01");
        assertThat(Settings.fromEnvironment(Map.of("AWS_REGION", "eu-central-1", "INTERFACE_ENDPOINT_USD_PER_AZ_HOUR", "0.01"))
                .plan().interfaceEndpointUsdPerAzHour()).as("an old stack's explicit value").isEqualByComparingTo("0.01");
    }
}
