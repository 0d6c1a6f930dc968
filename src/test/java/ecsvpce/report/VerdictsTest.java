package ecsvpce.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verdict of a follow-up check from its facts: the whole table. */
class VerdictsTest {

    @ParameterizedTest(name = "vpc={0} subnet={1} broken={2} pending={3} recovering={4} last={5} -> {6}")
    @CsvSource({
            "false, true,  false, false, false, false, GONE",
            "true,  false, true,  false, false, false, GONE",
            "true,  true,  true,  false, false, false, STILL_BROKEN",
            "true,  true,  true,  true,  true,  false, STILL_BROKEN",
            "true,  true,  false, true,  false, false, PENDING",
            "true,  true,  false, false, true,  false, PENDING",
            "true,  true,  false, true,  true,  false, PENDING",
            "true,  true,  false, true,  false, true,  STILL_BROKEN",
            "true,  true,  false, false, true,  true,  STILL_BROKEN",
            "true,  true,  false, false, false, false, HEALED",
            "true,  true,  false, false, false, true,  HEALED",
    })
    void verdict(boolean vpcFound, boolean anySubnetFound, boolean networkBroken, boolean networkPending,
                 boolean serviceRecovering, boolean lastCheck, Verdict expected) {
        assertThat(Verdicts.of(new Verdicts.Facts(vpcFound, anySubnetFound, networkBroken, networkPending,
                serviceRecovering, lastCheck))).isEqualTo(expected);
    }
}
