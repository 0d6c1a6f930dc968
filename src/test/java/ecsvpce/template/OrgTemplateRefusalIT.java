package ecsvpce.template;

import static ecsvpce.template.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/org-template} writes nothing and exits non-zero, naming the resource, for a template
 * that samtranslator rejects or whose translation would drop or change what it declares. Each case
 * is template.yaml with one addition, written under target/org/refused.
 */
class OrgTemplateRefusalIT {
    private static final String REFUSED = "target/org/refused/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SamTemplate sam = SamTemplate.load();
    private final String function = sam.functionIds().get(0);

    @Test
    void aResourceNamedLikeOneSamMakesIsRejectedWithSamtranslatorsMessage() throws IOException {
        String role = function + "Role";  // SAM's name for the function's role
        Map<String, Object> template = templateYamlWith(role, Map.of("Type", "AWS::SNS::Topic"));
        Commands.Result run = orgTemplate(template, "taken-role-id");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("samtranslator rejects it").contains("[" + role + "]");
        assertThat(output("taken-role-id")).doesNotExist();
    }

    @Test
    void aConnectorThatRewritesAResourceAndGrantsMoreIsRefused() throws IOException {
        // SAM moves a connector off the resource it sits on and grants the function more than its Policies.
        Map<String, Object> template = templateYamlWith("ConnectedQueue", Map.of("Type", "AWS::SQS::Queue",
                "Connectors", Map.of("Reads", Map.of("Properties", Map.of(
                        "Destination", Map.of("Id", function), "Permissions", List.of("Read", "Write"))))));
        Commands.Result run = orgTemplate(template, "connector");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("ConnectedQueue: changed or dropped by the translation")
                .containsPattern("ConnectedQueue\\w+: added by the translation, not declared by template.yaml");
        assertThat(output("connector")).doesNotExist();
    }

    private Map<String, Object> templateYamlWith(String id, Map<String, Object> resource) throws IOException {
        Map<String, Object> copy = JSON.readValue(JSON.writeValueAsString(sam.raw()), new TypeReference<>() { });
        map(copy.get("Resources"), "Resources").put(id, resource);
        return copy;
    }

    private static Commands.Result orgTemplate(Map<String, Object> template, String name) throws IOException {
        Path input = SamTemplate.projectRoot().resolve(REFUSED + name + ".json");
        Files.createDirectories(input.getParent());
        Files.deleteIfExists(output(name));
        // JSON is YAML, and no YAML reader can take it for anything else.
        Files.writeString(input, JSON.writeValueAsString(template));
        return Commands.run(List.of("scripts/org-template", REFUSED + name + ".json", REFUSED + name + ".out.yaml"));
    }

    private static Path output(String name) {
        return SamTemplate.projectRoot().resolve(REFUSED + name + ".out.yaml");
    }
}
