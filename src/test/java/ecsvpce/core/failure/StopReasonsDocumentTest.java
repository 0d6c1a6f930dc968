package ecsvpce.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.EndpointService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of real messages in docs/stop-reasons.md is the classifier's specification: every row
 * is checked for its class and service, so the document and the code cannot disagree.
 */
class StopReasonsDocumentTest {
    private static final Path DOCUMENT = Path.of("docs", "stop-reasons.md");
    private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| `(.*?)` \\| (.*)\\|$");
    private static final Map<String, FailureClass> CLASSES = Map.of(
            "network", FailureClass.NETWORK,
            "network, cause unknown", FailureClass.NETWORK,
            "network, not servable", FailureClass.NETWORK_OUTSIDE_AWS,
            "permission", FailureClass.PERMISSION,
            "missing resource", FailureClass.MISSING_RESOURCE,
            "not network", FailureClass.NOT_NETWORK,
            "unknown", FailureClass.UNKNOWN);
    /** Service cells that name no endpoint service: a registry outside AWS, every need, or none. */
    private static final Set<String> NO_SERVICE = Set.of("", "other registry", "all");

    static Stream<Arguments> documentedMessages() throws IOException {
        return Files.readAllLines(DOCUMENT).stream()
                .map(ROW::matcher)
                .filter(Matcher::matches)
                .map(row -> {
                    String[] cells = row.group(3).split("\\|");
                    return Arguments.of(row.group(1), row.group(2), cells[1].trim(), cells[2].trim());
                });
    }

    @Test
    void theDocumentHoldsTheCollectedMessages() throws IOException {
        assertThat(documentedMessages().count()).isGreaterThanOrEqualTo(65);
    }

    @ParameterizedTest(name = "row {0}: {2} {3}")
    @MethodSource("documentedMessages")
    void classifiesEveryDocumentedMessageAsTheDocumentSays(String number, String stoppedReason, String classCell,
                                                         String serviceCell) {
        assertThat(CLASSES).as("class words of row %s", number).containsKey(classCell);
        Optional<EndpointService> service = EndpointService.fromId(serviceCell);
        assertThat(service.isPresent() || NO_SERVICE.contains(serviceCell))
                .as("service cell of row %s names a service or none: '%s'", number, serviceCell).isTrue();

        Classification classification = StopReasonClassifier.classify(stoppedReason);

        assertThat(classification.failureClass()).as("class of row %s", number).isEqualTo(CLASSES.get(classCell));
        assertThat(classification.service()).as("service of row %s", number).isEqualTo(service);
    }
}
