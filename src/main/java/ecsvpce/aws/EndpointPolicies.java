package ecsvpce.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.core.policy.EndpointPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the JSON of an endpoint policy as EC2 returns it into the core's {@link EndpointPolicy}. A
 * document that does not parse, or has a shape IAM would not accept, is kept as unreadable: the
 * diagnosis then says the policy could not be checked, never that it allows.
 */
final class EndpointPolicies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EndpointPolicies() {
    }

    static EndpointPolicy parse(String document) {
        if (document == null || document.isBlank()) {
            return EndpointPolicy.fullAccess();
        }
        try {
            JsonNode statements = JSON.readTree(document).path("Statement");
            List<EndpointPolicy.Statement> parsed = new ArrayList<>();
            List<JsonNode> nodes = statements.isArray() ? list(statements) : List.of(statements);
            for (int i = 0; i < nodes.size(); i++) {
                parsed.add(statement(nodes.get(i), i + 1));
            }
            return new EndpointPolicy(parsed, Optional.empty());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return EndpointPolicy.unreadable(e.getMessage().lines().findFirst().orElse("not a policy document"));
        }
    }

    private static EndpointPolicy.Statement statement(JsonNode node, int position) {
        String effect = node.path("Effect").asText("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalArgumentException("statement " + position + " has no Effect Allow or Deny");
        }
        if (!node.has("Action") && !node.has("NotAction") || !node.has("Resource") && !node.has("NotResource")) {
            throw new IllegalArgumentException("statement " + position + " lacks an Action or a Resource");
        }
        String name = node.hasNonNull("Sid") && !node.get("Sid").asText().isBlank()
                ? "statement '" + node.get("Sid").asText() + "'" : "statement " + position;
        return new EndpointPolicy.Statement(name, effect.equals("Allow"), anyPrincipal(node), strings(node, "Action"),
                strings(node, "NotAction"), strings(node, "Resource"), strings(node, "NotResource"),
                node.has("Condition") && node.get("Condition").size() > 0);
    }

    /** {@code "*"} or {@code {"AWS": "*"}}; an endpoint policy without a principal applies to all. */
    private static boolean anyPrincipal(JsonNode node) {
        if (node.has("NotPrincipal")) {
            return false;
        }
        JsonNode principal = node.get("Principal");
        return principal == null || "*".equals(principal.asText()) || strings(principal, "AWS").contains("*");
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return List.of();
        }
        return value.isArray() ? list(value).stream().map(JsonNode::asText).toList() : List.of(value.asText());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
