package ecsvpce.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code cfn-lint template.yaml} from the project root (Maven failsafe). cfn-lint applies the
 * SAM transform and checks property names, limits, runtime deprecations and references.
 */
class CfnLintIT {
    private static final String INSTALL_HINT = "cfn-lint is not on PATH; install it with `pip install cfn-lint`";

    @Test
    void templateLintsClean() throws Exception {
        String cfnLint = findOnPath("cfn-lint");
        if (cfnLint == null) {
            fail(INSTALL_HINT);
        }
        Path root = SamTemplate.projectRoot();
        Process process;
        try {
            process = new ProcessBuilder(cfnLint, "template.yaml")
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(INSTALL_HINT + " (" + e.getMessage() + ")", e);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("cfn-lint did not finish within 5 minutes");
        }
        assertThat(output).as("cfn-lint output").isEmpty();
        assertThat(process.exitValue()).as("cfn-lint exit code").isZero();
    }

    private static String findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
