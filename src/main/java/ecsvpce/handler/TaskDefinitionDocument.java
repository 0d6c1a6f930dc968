package ecsvpce.handler;

import static ecsvpce.handler.PayloadFields.object;
import static ecsvpce.handler.PayloadFields.objects;
import static ecsvpce.handler.PayloadFields.string;
import static ecsvpce.handler.PayloadFields.strings;

import ecsvpce.core.needs.ContainerDefinition;
import ecsvpce.core.needs.LogConfiguration;
import ecsvpce.core.needs.SecretReference;
import ecsvpce.core.needs.TaskDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task definition given as a document, in the JSON ECS uses: what {@code aws ecs
 * register-task-definition --cli-input-json} takes, or what {@code describe-task-definition} returns
 * (its {@code taskDefinition} member is taken). Only the fields that decide start-up needs are read;
 * the others are left alone, as ECS may add fields at any time.
 */
final class TaskDefinitionDocument {
    private static final String AWSVPC = "awsvpc";
    private static final String EC2 = "EC2";

    private TaskDefinitionDocument() {
    }

    /** @throws IllegalArgumentException saying which field is not what ECS takes */
    static TaskDefinition parse(Map<String, Object> document) {
        Map<String, Object> definition = document.get("taskDefinition") instanceof Map<?, ?>
                ? object(document, "taskDefinition") : document;
        List<Map<String, Object>> containers = objects(definition, "containerDefinitions");
        if (containers.isEmpty()) {
            throw new IllegalArgumentException("the task definition document has no containerDefinitions");
        }
        String name = string(definition, "taskDefinitionArn") != null ? string(definition, "taskDefinitionArn")
                : string(definition, "family");
        Map<String, Object> platform = object(definition, "runtimePlatform");
        return new TaskDefinition(name, containers.stream().map(TaskDefinitionDocument::container).toList(),
                platform == null ? null : string(platform, "operatingSystemFamily"), launchTypes(definition));
    }

    /**
     * What ECS would run it on: what it answered ({@code compatibilities}), else what the document asks
     * for; ECS takes a document that asks for nothing as {@code EC2} only, and Fargate needs awsvpc.
     */
    private static List<String> launchTypes(Map<String, Object> definition) {
        List<String> compatibilities = strings(definition, "compatibilities");
        if (!compatibilities.isEmpty()) {
            return compatibilities;
        }
        String networkMode = string(definition, "networkMode");
        List<String> required = strings(definition, "requiresCompatibilities");
        return (networkMode != null && !networkMode.equals(AWSVPC)) || required.isEmpty() ? List.of(EC2) : required;
    }

    private static ContainerDefinition container(Map<String, Object> container) {
        Map<String, Object> log = object(container, "logConfiguration");
        Map<String, Object> credentials = object(container, "repositoryCredentials");
        return new ContainerDefinition(string(container, "name"), string(container, "image"),
                log == null ? null : new LogConfiguration(string(log, "logDriver"), options(log),
                        secrets(log, "secretOptions")),
                secrets(container, "secrets"),
                credentials == null ? null : string(credentials, "credentialsParameter"),
                objects(container, "environmentFiles").stream().map(file -> string(file, "value")).toList());
    }

    private static Map<String, String> options(Map<String, Object> log) {
        Map<String, Object> options = object(log, "options");
        Map<String, String> strings = new LinkedHashMap<>();
        if (options != null) {
            options.keySet().forEach(key -> strings.put(key, string(options, key)));
        }
        return strings;
    }

    private static List<SecretReference> secrets(Map<String, Object> owner, String key) {
        return objects(owner, key).stream()
                .map(secret -> new SecretReference(string(secret, "name"), string(secret, "valueFrom"))).toList();
    }
}
