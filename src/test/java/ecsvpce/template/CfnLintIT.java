package ecsvpce.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code cfn-lint template.yaml} from the project root (Maven failsafe). cfn-lint applies the
 * SAM transform and checks property names, limits, runtime deprecations and references.
 */
class CfnLintIT {
    private static final String INSTALL_HINT = "cfn-lint is not on PATH; install it with `pip install cfn-lint`";

    @Test
    void templateLintsClean() {
        assertLintsClean("template.yaml");
    }

    /** cfn-lint prints nothing and exits 0 for {@code file} (relative to the project root). */
    static void assertLintsClean(String file) {
        String cfnLint = Commands.onPath("cfn-lint").orElseThrow(() -> new AssertionError(INSTALL_HINT)).toString();
        Commands.Result lint = Commands.run(List.of(cfnLint, file));
        assertThat(lint.output()).as("cfn-lint " + file).isEmpty();
        assertThat(lint.exitCode()).as("cfn-lint exit code for " + file).isZero();
    }
}
