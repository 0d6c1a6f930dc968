package ecsvpce.app.port;

import java.util.Arrays;
import java.util.Map;

/**
 * The fields of an ECS task the remediator reads, whether from the EventBridge event's
 * {@code detail} or from {@code DescribeTasks}. Any field may be null; {@code TaskEligibility} decides.
 * Only ECS's answer decides anything ({@code EcsAnswer}): an event is a hint that a task stopped.
 * Built with {@link #builder()}.
 *
 * @param group     {@code service:NAME} or {@code family:NAME}
 * @param startedBy for service tasks, the deployment id
 * @param tags      the task's tags as ECS reports them (events carry none)
 */
public record StoppedTask(
        String taskArn,
        String clusterArn,
        String taskDefinitionArn,
        String lastStatus,
        String stopCode,
        String stoppedReason,
        String launchType,
        String capacityProviderName,
        String platformVersion,
        String platformFamily,
        String availabilityZone,
        String group,
        String startedBy,
        boolean executeCommandEnabled,
        String subnetId,
        String networkInterfaceId,
        Map<String, String> tags) {

    public StoppedTask {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This task with another availability zone: a field that only the report's text shows. */
    public StoppedTask withAvailabilityZone(String zone) {
        return new StoppedTask(taskArn, clusterArn, taskDefinitionArn, lastStatus, stopCode, stoppedReason, launchType,
                capacityProviderName, platformVersion, platformFamily, zone, group, startedBy, executeCommandEnabled,
                subnetId, networkInterfaceId, tags);
    }

    /** The account the task runs in, from its ARN; null when the ARN names none. */
    public String accountId() {
        return Arns.accountOf(taskArn);
    }

    /** The service name when the task belongs to a service. */
    public String serviceName() {
        return group != null && group.startsWith("service:") ? group.substring("service:".length()) : null;
    }

    public boolean isFargate() {
        return Fargate.runsOn(launchType, Arrays.asList(capacityProviderName));
    }

    /** Collects a task's fields by name; what is never set stays null. */
    public static final class Builder {
        private String taskArn;
        private String clusterArn;
        private String taskDefinitionArn;
        private String lastStatus;
        private String stopCode;
        private String stoppedReason;
        private String launchType;
        private String capacityProviderName;
        private String platformVersion;
        private String platformFamily;
        private String availabilityZone;
        private String group;
        private String startedBy;
        private boolean executeCommandEnabled;
        private String subnetId;
        private String networkInterfaceId;
        private Map<String, String> tags = Map.of();

        private Builder() {
        }

        public Builder taskArn(String value) {
            taskArn = value;
            return this;
        }

        public Builder clusterArn(String value) {
            clusterArn = value;
            return this;
        }

        public Builder taskDefinitionArn(String value) {
            taskDefinitionArn = value;
            return this;
        }

        public Builder lastStatus(String value) {
            lastStatus = value;
            return this;
        }

        public Builder stopCode(String value) {
            stopCode = value;
            return this;
        }

        public Builder stoppedReason(String value) {
            stoppedReason = value;
            return this;
        }

        public Builder launchType(String value) {
            launchType = value;
            return this;
        }

        public Builder capacityProviderName(String value) {
            capacityProviderName = value;
            return this;
        }

        public Builder platformVersion(String value) {
            platformVersion = value;
            return this;
        }

        public Builder platformFamily(String value) {
            platformFamily = value;
            return this;
        }

        public Builder availabilityZone(String value) {
            availabilityZone = value;
            return this;
        }

        public Builder group(String value) {
            group = value;
            return this;
        }

        public Builder startedBy(String value) {
            startedBy = value;
            return this;
        }

        public Builder subnetId(String value) {
            subnetId = value;
            return this;
        }

        public Builder networkInterfaceId(String value) {
            networkInterfaceId = value;
            return this;
        }

        public Builder executeCommandEnabled(boolean value) {
            executeCommandEnabled = value;
            return this;
        }

        public Builder tags(Map<String, String> value) {
            tags = value;
            return this;
        }

        /**
         * Takes the subnet and network interface from an attachment when it is the task's awsvpc
         * interface (type {@code ElasticNetworkInterface}, or {@code eni} in events); other
         * attachments are ignored. The one reading of attachments, for events and ECS alike.
         *
         * @param details the attachment's {@code details} as name and value
         */
        public void attachment(String type, Map<String, String> details) {
            if ("ElasticNetworkInterface".equalsIgnoreCase(type) || "eni".equalsIgnoreCase(type)) {
                subnetId = details.getOrDefault("subnetId", subnetId);
                networkInterfaceId = details.getOrDefault("networkInterfaceId", networkInterfaceId);
            }
        }

        public StoppedTask build() {
            return new StoppedTask(taskArn, clusterArn, taskDefinitionArn, lastStatus, stopCode, stoppedReason,
                    launchType, capacityProviderName, platformVersion, platformFamily, availabilityZone, group,
                    startedBy, executeCommandEnabled, subnetId, networkInterfaceId, tags);
        }
    }
}
