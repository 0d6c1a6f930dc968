package ecsvpce.core.needs;

import java.util.List;

/**
 * The parts of an ECS task definition that decide what a task must reach while it starts.
 *
 * @param arn                   task definition ARN (for the report)
 * @param containers            container definitions
 * @param operatingSystemFamily {@code runtimePlatform.operatingSystemFamily}, null for Linux
 * @param compatibilities       the launch types ECS can run it on ({@code EC2}, {@code FARGATE},
 *                              {@code EXTERNAL}); empty when not known
 */
public record TaskDefinition(String arn, List<ContainerDefinition> containers, String operatingSystemFamily,
                             List<String> compatibilities) {
    public TaskDefinition {
        containers = List.copyOf(containers);
        compatibilities = compatibilities == null ? List.of() : List.copyOf(compatibilities);
    }

    /** Launch types not known: what a task that already ran on Fargate needs to know. */
    public TaskDefinition(String arn, List<ContainerDefinition> containers, String operatingSystemFamily) {
        this(arn, containers, operatingSystemFamily, List.of());
    }

    public boolean isWindows() {
        return operatingSystemFamily != null && operatingSystemFamily.toUpperCase().startsWith("WINDOWS");
    }

    /** Whether ECS is known to refuse running it on Fargate (an EC2-only definition). */
    public boolean notForFargate() {
        return !compatibilities.isEmpty() && !compatibilities.contains("FARGATE");
    }
}
