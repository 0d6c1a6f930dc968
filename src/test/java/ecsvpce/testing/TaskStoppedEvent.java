package ecsvpce.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EventBridge "ECS Task State Change" event AWS would send for a task a
 * {@link FargateScenario} ran and stopped, with the facts a test wants at hand.
 *
 * @param event            the whole event (envelope and {@code detail})
 * @param taskArn          the stopped task
 * @param clusterArn       its cluster
 * @param subnetId         the subnet of its ENI attachment
 * @param availabilityZone that subnet's AZ
 */
public record TaskStoppedEvent(ObjectNode event, String taskArn, String clusterArn, String subnetId,
                               String availabilityZone) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ObjectNode detail() {
        return (ObjectNode) event.get("detail");
    }

    /** The event as pretty-printed JSON, as a test or {@code sam local invoke -e} would read it. */
    public String json() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@link #json()} to a file (parent directories created) and returns the path. */
    public Path writeTo(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            return Files.writeString(file, json() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
