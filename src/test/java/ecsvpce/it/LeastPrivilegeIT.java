package ecsvpce.it;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Least privilege, both ways: every AWS operation the functions called anywhere in the integration
 * suite (recorded by CallRecorder in target/aws-operations) is granted to that function by
 * template.yaml, and every action granted was called. Runs in its own failsafe execution, after
 * every other integration test (see pom.xml).
 */
class LeastPrivilegeIT {
    private static final Path CALL_LOGS = Path.of("target", "aws-operations");
    /** IAM checks ec2:CreateTags for the TagSpecifications of these creates; the SDK calls no CreateTags. */
    private static final Map<String, Set<String>> IMPLIED_BY = Map.of(
            "ec2:CreateTags", Set.of("ec2:CreateVpcEndpoint", "ec2:CreateSecurityGroup"));

    @ParameterizedTest
    @ValueSource(strings = {"RemediateFunction", "SweepFunction", "VerifyFunction", "CheckFunction"})
    void everyCallIsGrantedAndEveryGrantIsCalled(String function) throws IOException {
        Set<String> called = calledBy().getOrDefault(function, Set.of());
        Set<String> granted = SamTemplate.load().policyActions(function);

        assertThat(called).as("operations %s called in the integration suite", function).isNotEmpty();
        assertThat(granted).as("operations %s calls that template.yaml does not grant it", function)
                .containsAll(called);
        Set<String> unused = new TreeSet<>(granted);
        unused.removeAll(called);
        unused.removeIf(action -> IMPLIED_BY.getOrDefault(action, Set.of()).stream().anyMatch(called::contains));
        assertThat(unused).as("actions template.yaml grants %s that no test saw it call", function).isEmpty();
    }

    /** The recovery's one write, {@code ecs:UpdateService}: the follow-up check calls it, and no other function may. */
    @Test
    void onlyTheFollowUpCheckDeploysServicesAgain() throws IOException {
        Map<String, Set<String>> called = calledBy();

        assertThat(called.getOrDefault("VerifyFunction", Set.of())).contains("ecs:UpdateService");
        for (String function : List.of("RemediateFunction", "SweepFunction")) {
            assertThat(called.getOrDefault(function, Set.of())).as(function).doesNotContain("ecs:UpdateService");
            assertThat(SamTemplate.load().policyActions(function)).as(function).doesNotContain("ecs:UpdateService");
        }
    }

    private static Map<String, Set<String>> calledBy() throws IOException {
        Map<String, Set<String>> calls = new TreeMap<>();
        if (!Files.isDirectory(CALL_LOGS)) {
            return calls;
        }
        try (Stream<Path> logs = Files.list(CALL_LOGS)) {
            for (Path log : logs.toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] parts = line.split(" ");
                    calls.computeIfAbsent(parts[0], f -> new TreeSet<>()).add(parts[1]);
                }
            }
        }
        return calls;
    }
}
