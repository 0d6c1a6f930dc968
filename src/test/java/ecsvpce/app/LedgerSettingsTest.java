package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** LEDGER_TABLE_NAME and LEDGER_RETENTION_DAYS: unset is today's behaviour, malformed is an error. */
class LedgerSettingsTest {

    @Test
    void unsetOrEmptyMeansNoLedgerAndRetentionDefaultsTo400Days() {
        assertThat(LedgerSettings.fromEnvironment(Map.of())).isEqualTo(new LedgerSettings(Optional.empty(), Duration.ofDays(400)));
        assertThat(LedgerSettings.fromEnvironment(Map.of("LEDGER_TABLE_NAME", "  ")).tableName()).isEmpty();
    }

    @Test
    void theTableAndTheRetentionAreRead() {
        LedgerSettings settings = LedgerSettings.fromEnvironment(Map.of("LEDGER_TABLE_NAME", "stack-LedgerTable-1A2B3C",
                "LEDGER_RETENTION_DAYS", "30"));

        assertThat(settings.tableName()).contains("stack-LedgerTable-1A2B3C");
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aMalformedValueIsAnErrorNeverASilentDefault() {
        assertThatThrownBy(() -> LedgerSettings.fromEnvironment(Map.of("LEDGER_TABLE_NAME", "arn:aws:dynamodb:x")))
                .hasMessageContaining("LEDGER_TABLE_NAME must be a DynamoDB table name");
        assertThatThrownBy(() -> LedgerSettings.fromEnvironment(Map.of("LEDGER_RETENTION_DAYS", "a year")))
                .hasMessage("LEDGER_RETENTION_DAYS must be a whole number of days, not 'a year'");
        assertThatThrownBy(() -> LedgerSettings.fromEnvironment(Map.of("LEDGER_RETENTION_DAYS", "0")))
                .hasMessage("LEDGER_RETENTION_DAYS must be 1 to 3650, not 0");
        assertThatThrownBy(() -> LedgerSettings.fromEnvironment(Map.of("LEDGER_RETENTION_DAYS", "3651")))
                .hasMessage("LEDGER_RETENTION_DAYS must be 1 to 3650, not 3651");
        assertThat(LedgerSettings.fromEnvironment(Map.of("LEDGER_RETENTION_DAYS", "1")).retention()).isEqualTo(Duration.ofDays(1));
        assertThat(LedgerSettings.fromEnvironment(Map.of("LEDGER_RETENTION_DAYS", "3650")).retention()).isEqualTo(Duration.ofDays(3650));
    }
}
