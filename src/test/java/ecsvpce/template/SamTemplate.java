package ecsvpce.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads {@code template.yaml} as plain maps and lists, keeping CloudFormation's short-form tags
 * ({@code !Ref x} becomes {@code {"Ref": "x"}}, {@code !Sub s} becomes {@code {"Fn::Sub": "s"}},
 * {@code !GetAtt A.B} becomes {@code {"Fn::GetAtt": ["A", "B"]}}), as CloudFormation itself does.
 * Jackson's YAML reader drops those tags silently, which is why this uses snakeyaml-engine.
 */
public final class SamTemplate {
    /** Short-form intrinsic functions CloudFormation accepts in YAML. */
    private static final List<String> INTRINSICS = List.of(
            "Ref", "Condition", "Sub", "GetAtt", "If", "Equals", "Not", "And", "Or", "Join", "Select",
            "Split", "FindInMap", "ImportValue", "Base64", "Cidr", "GetAZs", "Transform", "ToJsonString",
            "Length");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> template;

    private SamTemplate(Map<String, Object> template) {
        this.template = template;
    }

    /** The project's {@code template.yaml}, found from the working directory upwards. */
    public static SamTemplate load() {
        return load(projectRoot().resolve("template.yaml"));
    }

    public static SamTemplate load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static SamTemplate parse(String yaml) {
        LoadSettings settings = LoadSettings.builder().setLabel("template.yaml").build();
        Object document = new Load(settings, new CloudFormationConstructor(settings)).loadFromString(yaml);
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException("a template is a YAML mapping");
        }
        return new SamTemplate((Map<String, Object>) document);
    }

    /** The nearest directory, from the working directory upwards, that holds {@code template.yaml}. */
    public static Path projectRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml in " + start + " or above");
    }

    /** The whole template, tags kept as intrinsic-function maps. */
    public Map<String, Object> raw() {
        return template;
    }

    public Map<String, Object> resource(String logicalId) {
        Map<String, Object> resources = map(template.get("Resources"), "Resources");
        if (!resources.containsKey(logicalId)) {
            throw new IllegalArgumentException("no resource " + logicalId + " in the template");
        }
        return map(resources.get(logicalId), logicalId);
    }

    /** The logical IDs of the template's {@code AWS::Serverless::Function} resources. */
    public List<String> functionIds() {
        return map(template.get("Resources"), "Resources").entrySet().stream()
                .filter(e -> e.getValue() instanceof Map<?, ?> r && "AWS::Serverless::Function".equals(r.get("Type")))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** A resource's {@code Properties} ({@code {}} when it has none). */
    public Map<String, Object> properties(String logicalId) {
        Object properties = resource(logicalId).get("Properties");
        return properties == null ? Map.of() : map(properties, logicalId + ".Properties");
    }

    /** {@code Globals.Function} ({@code {}} when absent). */
    public Map<String, Object> functionGlobals() {
        Object globals = template.get("Globals");
        if (globals == null) {
            return Map.of();
        }
        Object function = map(globals, "Globals").get("Function");
        return function == null ? Map.of() : map(function, "Globals.Function");
    }

    public Map<String, Object> parameter(String name) {
        Map<String, Object> parameters = map(template.get("Parameters"), "Parameters");
        if (!parameters.containsKey(name)) {
            throw new IllegalArgumentException("no parameter " + name + " in the template");
        }
        return map(parameters.get(name), "Parameters." + name);
    }

    /** One event source of a function, e.g. {@code event("RemediateFunction", "TaskStopped")}. */
    public Map<String, Object> event(String functionLogicalId, String eventName) {
        Map<String, Object> events = map(properties(functionLogicalId).get("Events"), functionLogicalId + ".Events");
        if (!events.containsKey(eventName)) {
            throw new IllegalArgumentException(functionLogicalId + " has no event " + eventName);
        }
        return map(events.get(eventName), functionLogicalId + ".Events." + eventName);
    }

    /** The {@code Pattern} of an EventBridgeRule event, as the JSON EventBridge receives. */
    public String eventPattern(String functionLogicalId, String eventName) {
        Map<String, Object> event = event(functionLogicalId, eventName);
        Object pattern = map(event.get("Properties"), eventName + ".Properties").get("Pattern");
        if (pattern == null) {
            throw new IllegalArgumentException(functionLogicalId + "." + eventName + " has no Pattern");
        }
        try {
            return JSON.writeValueAsString(pattern);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A function's environment: {@code Globals.Function.Environment.Variables} overlaid with the
     * function's own, each {@code !Ref Parameter} resolved to the parameter's {@code Default}. A
     * variable only a deployed stack can resolve (a resource's {@code !Ref}, an {@code !If}: the
     * topic, the queue) is left out, as if unset.
     */
    public Map<String, String> functionEnvironment(String functionLogicalId) {
        return functionEnvironment(functionLogicalId, Map.of());
    }

    /**
     * As {@link #functionEnvironment(String)}, with parameter values given the way
     * {@code sam ... --parameter-overrides} gives them (they win over the defaults).
     */
    public Map<String, String> functionEnvironment(String functionLogicalId, Map<String, String> parameterOverrides) {
        Map<String, Object> variables = new LinkedHashMap<>(variables(functionGlobals(), "Globals.Function"));
        variables.putAll(variables(properties(functionLogicalId), functionLogicalId));
        Map<String, String> environment = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            String resolved = resolve(name, value, parameterOverrides);
            if (resolved != null) {
                environment.put(name, resolved);
            }
        });
        return environment;
    }

    /**
     * Every IAM action the template grants a function through its {@code Policies}: inline
     * statements and managed policies defined in this template. Not included: what SAM adds by
     * itself (AWSLambdaBasicExecutionRole, and {@code sqs:SendMessage} on an SQS OnFailure destination).
     */
    public Set<String> policyActions(String functionLogicalId) {
        Set<String> actions = new LinkedHashSet<>();
        for (Statement statement : policyStatements(functionLogicalId)) {
            if ("Allow".equals(statement.effect())) {
                actions.addAll(statement.actions());
            }
        }
        return actions;
    }

    /** The statements behind {@link #policyActions(String)}, in template order. */
    public List<Statement> policyStatements(String functionLogicalId) {
        Map<String, Object> properties = properties(functionLogicalId);
        if (properties.containsKey("Role")) {
            throw new UnsupportedOperationException(functionLogicalId + " sets Role; its permissions live elsewhere");
        }
        Object policies = properties.get("Policies");
        if (policies == null) {
            return List.of();
        }
        List<Object> entries = policies instanceof List<?> list ? List.copyOf(list) : List.of(policies);
        List<Statement> statements = new ArrayList<>();
        for (Object entry : entries) {
            statements.addAll(statementsOf(functionLogicalId, entry));
        }
        return statements;
    }

    /**
     * The entries of a function's {@code Policies} that name a managed policy rather than holding
     * statements: ARN or name strings, and {@code !Ref}s to {@code AWS::IAM::ManagedPolicy} resources.
     */
    public List<Object> managedPolicyReferences(String functionLogicalId) {
        Object policies = properties(functionLogicalId).get("Policies");
        if (policies == null) {
            return List.of();
        }
        List<Object> entries = policies instanceof List<?> list ? List.copyOf(list) : List.of(policies);
        return entries.stream().filter(e -> e instanceof String || isRef(e)).toList();
    }

    private List<Statement> statementsOf(String functionLogicalId, Object entry) {
        if (isRef(entry)) {
            String target = String.valueOf(((Map<?, ?>) entry).get("Ref"));
            Map<String, Object> policy = resource(target);
            if (!"AWS::IAM::ManagedPolicy".equals(policy.get("Type"))) {
                throw new IllegalArgumentException(functionLogicalId + " Policies refers to " + target
                        + ", which is not an AWS::IAM::ManagedPolicy");
            }
            return statementsOfDocument(properties(target).get("PolicyDocument"), target);
        }
        if (entry instanceof String name) {
            throw new UnsupportedOperationException(functionLogicalId + " uses managed policy " + name
                    + ", whose statements are not in the template");
        }
        Map<String, Object> document = map(entry, functionLogicalId + ".Policies[]");
        if (document.containsKey("Statement")) {
            return statementsOfDocument(document, functionLogicalId);
        }
        throw new UnsupportedOperationException(functionLogicalId + " uses a SAM policy template " + document.keySet()
                + "; expand it into statements");
    }

    private static List<Statement> statementsOfDocument(Object document, String where) {
        Object statements = map(document, where + ".PolicyDocument").get("Statement");
        List<Object> list = statements instanceof List<?> l ? List.copyOf(l) : List.of(statements);
        return list.stream().map(s -> Statement.of(map(s, where + ".Statement[]"))).toList();
    }

    private Map<String, Object> variables(Map<String, Object> owner, String where) {
        Object environment = owner.get("Environment");
        if (environment == null) {
            return Map.of();
        }
        Object variables = map(environment, where + ".Environment").get("Variables");
        return variables == null ? Map.of() : map(variables, where + ".Environment.Variables");
    }

    /** The value, or null when only a deployed stack has it. */
    private String resolve(String variable, Object value, Map<String, String> overrides) {
        Map<String, Object> parameters = map(template.getOrDefault("Parameters", Map.of()), "Parameters");
        if (isRef(value) && parameters.containsKey(String.valueOf(((Map<?, ?>) value).get("Ref")))) {
            String name = String.valueOf(((Map<?, ?>) value).get("Ref"));
            if (overrides.containsKey(name)) {
                return overrides.get(name);
            }
            Object defaultValue = parameter(name).get("Default");
            if (defaultValue == null) {
                throw new IllegalStateException(variable + " refers to parameter " + name + ", which has no Default");
            }
            return String.valueOf(defaultValue);
        }
        return value instanceof Map<?, ?> ? null : String.valueOf(value);
    }

    private static boolean isRef(Object value) {
        return value instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("Ref");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        throw new IllegalArgumentException(where + " is not a mapping: " + value);
    }

    /**
     * One IAM policy statement. {@code actions} and {@code resources} are always lists;
     * {@code conditions} maps an operator ({@code StringEquals}) to its keys and values.
     */
    public record Statement(String sid, String effect, List<String> actions, List<Object> resources,
                            Map<String, Map<String, Object>> conditions, Map<String, Object> raw) {

        static Statement of(Map<String, Object> raw) {
            Map<String, Map<String, Object>> conditions = new LinkedHashMap<>();
            Object condition = raw.get("Condition");
            if (condition != null) {
                map(condition, "Condition").forEach((operator, keys) -> conditions.put(operator, map(keys, operator)));
            }
            return new Statement((String) raw.get("Sid"), String.valueOf(raw.get("Effect")),
                    asList(raw.get("Action")).stream().map(String::valueOf).toList(),
                    asList(raw.get("Resource")), conditions, raw);
        }

        /** The value of a condition key under an operator, or {@code null}. */
        public Object condition(String operator, String key) {
            Map<String, Object> keys = conditions.get(operator);
            return keys == null ? null : keys.get(key);
        }

        /** A condition value as a list of its alternatives (a scalar becomes a one-element list). */
        public List<Object> conditionValues(String operator, String key) {
            return asList(condition(operator, key));
        }

        private static List<Object> asList(Object value) {
            if (value == null) {
                return List.of();
            }
            return value instanceof List<?> list ? List.copyOf(list) : List.of(value);
        }
    }

    /** Turns {@code !Ref}, {@code !Sub}, ... into the long form CloudFormation uses in JSON. */
    private static final class CloudFormationConstructor extends StandardConstructor {
        CloudFormationConstructor(LoadSettings settings) {
            super(settings);
            for (String function : INTRINSICS) {
                tagConstructors.put(new Tag("!" + function), node -> intrinsic(function, node));
            }
        }

        private Object intrinsic(String function, Node node) {
            String key = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
            Object value;
            if (node instanceof ScalarNode scalar) {
                String text = constructScalar(scalar);
                if (function.equals("GetAtt")) {
                    int dot = text.indexOf('.');
                    if (dot < 0) {
                        throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got " + text);
                    }
                    value = List.of(text.substring(0, dot), text.substring(dot + 1));
                } else {
                    value = text;
                }
            } else if (node instanceof SequenceNode sequence) {
                value = constructSequence(sequence);
            } else {
                value = constructMapping((MappingNode) node);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put(key, Objects.requireNonNull(value));
            return result;
        }
    }
}
