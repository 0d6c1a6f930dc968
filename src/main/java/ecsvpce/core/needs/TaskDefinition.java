package ecsvpce.core.needs;

import java.util.List;

/**
 * The parts of an ECS task definition that decide what a task must reach while it starts.
 *
 * @param arn                   task definition ARN (for the report)
 * @param containers            container definitions
 * @param operatingSystemFamily {@code runtimePlatform.operatingSystemFamily}, null for Linux
 */
public record TaskDefinition(String arn, List<ContainerDefinition> containers, String operatingSystemFamily) {
    public TaskDefinition {
        containers = List.copyOf(containers);
    }

    public boolean isWindows() {
        return operatingSystemFamily != null && operatingSystemFamily.toUpperCase().startsWith("WINDOWS");
    }
}
