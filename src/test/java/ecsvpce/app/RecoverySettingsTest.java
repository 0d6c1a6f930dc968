package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** RECOVER_SERVICES: on unless set to false; anything else is an error, never a silent default. */
class RecoverySettingsTest {

    @Test
    void unsetOrTrueRecoversAndFalseDoesNot() {
        assertThat(RecoverySettings.fromEnvironment(Map.of()).recoverServices()).isTrue();
        assertThat(RecoverySettings.fromEnvironment(Map.of(RecoverySettings.RECOVER_SERVICES, " TRUE ")).recoverServices()).isTrue();
        assertThat(RecoverySettings.fromEnvironment(Map.of(RecoverySettings.RECOVER_SERVICES, "false")).recoverServices()).isFalse();
    }

    @Test
    void anythingElseIsRefusedWithTheReason() {
        assertThatThrownBy(() -> RecoverySettings.fromEnvironment(Map.of(RecoverySettings.RECOVER_SERVICES, "no")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("RECOVER_SERVICES must be true or false, not 'no'");
    }
}
