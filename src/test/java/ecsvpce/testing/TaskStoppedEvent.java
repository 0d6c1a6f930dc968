package ecsvpce.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

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
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * The event of a task that failed to start: its {@code detail} is DescribeTasks' answer as JSON,
     * with what moto leaves out or gets wrong put right (AZ, stop code and times, task CPU and
     * memory, ECS Exec, the ENI's type and address, every container).
     */
    static TaskStoppedEvent failedToStart(Task task, Subnet subnet, TaskDefinition definition, String stoppedReason,
                                          boolean executeCommand) {
        String[] arn = task.taskArn().split(":");
        String region = arn[3];
        String account = arn[4];
        Instant stoppedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant createdAt = stoppedAt.minus(Duration.ofSeconds(42));

        ObjectNode detail = SdkJson.toJson(task);
        detail.put("availabilityZone", subnet.availabilityZone());
        detail.put("lastStatus", "STOPPED");
        detail.put("desiredStatus", "STOPPED");
        detail.put("stopCode", "TaskFailedToStart");
        detail.put("stoppedReason", stoppedReason);
        detail.put("createdAt", createdAt.toString());
        detail.put("stoppingAt", stoppedAt.minus(Duration.ofSeconds(2)).toString());
        detail.put("executionStoppedAt", stoppedAt.minus(Duration.ofSeconds(1)).toString());
        detail.put("stoppedAt", stoppedAt.toString());
        detail.put("updatedAt", stoppedAt.toString());
        detail.put("version", 4);   // incremented per state change; a failed start sees a few
        detail.put("cpu", definition.cpu());
        detail.put("memory", definition.memory());
        detail.put("enableExecuteCommand", executeCommand);   // as AWS's event says it (moto's, without patch r, does not)
        if (detail.path("startedBy").asText().isEmpty()) {
            detail.remove("startedBy");
        }
        detail.remove("tags");   // EventBridge events carry no tags
        String address = addressIn(subnet.cidrBlock(), task.taskArn());
        String attachmentId = fixEniAttachment(detail, address);
        putContainers(detail, task, definition, region + ":" + account, attachmentId, address);

        ObjectNode event = NODES.objectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "ECS Task State Change");
        event.put("source", "aws.ecs");
        event.put("account", account);
        event.put("time", stoppedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add(task.taskArn());
        event.set("detail", detail);
        return new TaskStoppedEvent(event, task.taskArn(), task.clusterArn(), subnet.subnetId(),
                subnet.availabilityZone());
    }

    /** Events spell the ENI type "eni"; moto picks an address outside the subnet. Returns the attachment id. */
    private static String fixEniAttachment(ObjectNode detail, String address) {
        String attachmentId = null;
        for (var attachmentNode : detail.withArray("attachments")) {
            ObjectNode attachment = (ObjectNode) attachmentNode;
            if ("ElasticNetworkInterface".equals(attachment.path("type").asText())) {
                attachment.put("type", "eni");
                attachment.put("status", "DELETED");
                attachmentId = attachment.path("id").asText();
                for (var d : attachment.withArray("details")) {
                    ObjectNode item = (ObjectNode) d;
                    switch (item.path("name").asText()) {
                        case "privateIPv4Address" -> item.put("value", address);
                        case "privateDnsName" -> item.put("value", "ip-" + address.replace('.', '-') + ".ec2.internal");
                        default -> { }
                    }
                }
            }
        }
        return attachmentId;
    }

    /** Every container of the definition: moto lists only the first, with the task definition's ARN as taskArn. */
    private static void putContainers(ObjectNode detail, Task task, TaskDefinition definition, String regionAccount,
                                      String attachmentId, String address) {
        String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        String clusterName = task.clusterArn().substring(task.clusterArn().lastIndexOf('/') + 1);
        ArrayNode containers = NODES.arrayNode();
        ArrayNode overrides = NODES.arrayNode();
        for (var container : definition.containerDefinitions()) {
            ObjectNode c = containers.addObject();
            c.put("containerArn", "arn:aws:ecs:" + regionAccount + ":container/" + clusterName + "/"
                    + taskId + "/" + UUID.randomUUID());
            c.put("lastStatus", "STOPPED");
            c.put("name", container.name());
            c.put("image", container.image());
            c.put("taskArn", task.taskArn());
            ObjectNode nic = c.putArray("networkInterfaces").addObject();
            if (attachmentId != null) {
                nic.put("attachmentId", attachmentId);
            }
            nic.put("privateIpv4Address", address);
            c.put("cpu", String.valueOf(container.cpu() == null ? 0 : container.cpu()));
            if (container.memory() != null) {
                c.put("memory", String.valueOf(container.memory()));
            }
            overrides.addObject().put("name", container.name());
        }
        detail.set("containers", containers);
        detail.putObject("overrides").set("containerOverrides", overrides);
    }

    /** A host address inside the subnet (past AWS's 4 reserved ones), stable for one task. */
    static String addressIn(String cidr, String seed) {
        String[] parts = cidr.split("/");
        int prefix = Integer.parseInt(parts[1]);
        long base = 0;
        for (String octet : parts[0].split("\\.")) {
            base = (base << 8) | Integer.parseInt(octet);
        }
        long size = 1L << (32 - prefix);
        long usable = Math.max(1, size - 5);   // .0-.3 and the broadcast address are reserved
        long address = base + 4 + Math.floorMod(seed.hashCode(), usable);
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }

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
