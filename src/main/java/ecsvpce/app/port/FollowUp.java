package ecsvpce.app.port;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecsvpce.core.EndpointService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A follow-up check of one VPC after changes were applied to it, and its message: the JSON body of
 * an SQS message ({@link #toJson()}, {@link #parse(String)}), so a queued check can be replayed by hand.
 *
 * Fields added later are optional, so a message queued by an earlier version still reads.
 *
 * @param trigger     what the changes were for: the stopped task's ARN, or the sweep
 * @param failedAt    when the failure was seen: the task stopped, or the sweep found the gap
 * @param check       which check this is, 1 for the first
 * @param workloads   what must run again in the VPC
 * @param endpointIds the endpoints the changes created or changed: live only once each is {@code available}
 * @param liveAt      the first check that saw them live (with every need served); null until then
 * @param services    what the recovery did and saw, per service, carried from check to check
 */
public record FollowUp(String vpcId, String trigger, Instant failedAt, Instant appliedAt, int check,
                       List<Workload> workloads, List<String> endpointIds, Instant liveAt,
                       List<ServiceTimes> services) {
    /** The version of the message format, under the key {@code followUp}. */
    static final int FORMAT = 1;
    /** More would make a message SQS refuses (256 KB); the rest of a large sweep is left to the next one. */
    public static final int MAX_WORKLOADS = 50;
    static final int MAX_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VPC_ID = Pattern.compile("vpc-[0-9a-f]{8,17}");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8,17}");
    private static final Pattern GROUP_ID = Pattern.compile("sg-[0-9a-f]{8,17}");
    private static final Pattern CLUSTER_ARN = Pattern.compile("arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster/[A-Za-z0-9_-]{1,255}");
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern ENDPOINT_ID = Pattern.compile("vpce-[0-9a-f]{8,17}");
    private static final Pattern DEPLOYMENT_ID = Pattern.compile("[A-Za-z0-9/_.:-]{1,128}");

    public FollowUp {
        workloads = List.copyOf(workloads);
        endpointIds = List.copyOf(endpointIds);
        services = List.copyOf(services);
    }

    /** A first check: nothing live or recovered yet, no endpoint named. */
    public FollowUp(String vpcId, String trigger, Instant failedAt, Instant appliedAt, int check, List<Workload> workloads) {
        this(vpcId, trigger, failedAt, appliedAt, check, workloads, List.of(), null, List.of());
    }

    /**
     * Tasks that must start in one subnet.
     *
     * @param securityGroupIds the tasks' groups when known; a service's current ones are read at the check
     * @param clusterArn       with {@code serviceName}, the service whose running count shows recovery; both
     *                         null for a standalone task
     * @param failedToStart    the service's own tasks failed to start for what the changes fixed (the stopped
     *                         task's service, or one the sweep found below its desired count): only such a
     *                         service is recovered
     */
    public record Workload(String subnetId, List<EndpointService> needs, List<String> securityGroupIds,
                           String clusterArn, String serviceName, boolean failedToStart) {
        public Workload {
            needs = List.copyOf(needs);
            securityGroupIds = List.copyOf(securityGroupIds);
        }

        /** A workload not known to be failing to start. */
        public Workload(String subnetId, List<EndpointService> needs, List<String> securityGroupIds, String clusterArn,
                        String serviceName) {
            this(subnetId, needs, securityGroupIds, clusterArn, serviceName, false);
        }
    }

    /**
     * One service's recovery as the checks saw it; every time is null until it happens.
     *
     * @param deploymentId the deployment the recovery started, null when it started none
     * @param deployedAt   when ECS created that deployment
     * @param runningAt    the first check that saw a task of the service running
     * @param steadyAt     the first check that saw it run its desired count
     */
    public record ServiceTimes(String clusterArn, String serviceName, String deploymentId, Instant deployedAt,
                               Instant runningAt, Instant steadyAt) {
    }

    /** The same check, once more. */
    public FollowUp next() {
        return next(liveAt, services);
    }

    /** The next check, carrying what this one saw. */
    public FollowUp next(Instant live, List<ServiceTimes> seen) {
        return new FollowUp(vpcId, trigger, failedAt, appliedAt, check + 1, workloads, endpointIds, live, seen);
    }

    public String toJson() {
        ObjectNode message = JSON.createObjectNode().put("followUp", FORMAT).put("vpcId", vpcId).put("trigger", trigger)
                .put("failedAt", failedAt.toString()).put("appliedAt", appliedAt.toString()).put("check", check);
        ArrayNode list = message.putArray("workloads");
        for (Workload workload : workloads) {
            ObjectNode item = list.addObject().put("subnetId", workload.subnetId());
            ArrayNode needs = item.putArray("needs");
            workload.needs().forEach(need -> needs.add(need.id()));
            ArrayNode groups = item.putArray("securityGroupIds");
            workload.securityGroupIds().forEach(groups::add);
            if (workload.serviceName() != null) {
                item.put("clusterArn", workload.clusterArn()).put("serviceName", workload.serviceName());
            }
            if (workload.failedToStart()) {
                item.put("failedToStart", true);
            }
        }
        if (!endpointIds.isEmpty()) {
            ArrayNode ids = message.putArray("endpointIds");
            endpointIds.forEach(ids::add);
        }
        if (liveAt != null) {
            message.put("liveAt", liveAt.toString());
        }
        if (!services.isEmpty()) {
            ArrayNode times = message.putArray("services");
            for (ServiceTimes service : services) {
                ObjectNode item = times.addObject().put("clusterArn", service.clusterArn())
                        .put("serviceName", service.serviceName());
                putIfSet(item, "deploymentId", service.deploymentId());
                putIfSet(item, "deployedAt", service.deployedAt());
                putIfSet(item, "runningAt", service.runningAt());
                putIfSet(item, "steadyAt", service.steadyAt());
            }
        }
        return message.toString();
    }

    private static void putIfSet(ObjectNode node, String field, Object value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }

    /**
     * Reads a message body; anything that is not a well-formed follow-up is refused with the reason,
     * so the check reports it instead of retrying it.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static FollowUp parse(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("the message body is empty");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("the message body is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode message;
        try {
            message = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the message body is not JSON: " + e.getOriginalMessage());
        }
        if (message == null || !message.isObject() || message.path("followUp").asInt(0) != FORMAT) {
            throw new IllegalArgumentException("not a follow-up message (no \"followUp\": " + FORMAT + ")");
        }
        int check = message.path("check").asInt(0);
        if (check < 1) {
            throw new IllegalArgumentException("\"check\" must be a whole number from 1");
        }
        JsonNode workloads = message.path("workloads");
        if (!workloads.isArray() || workloads.isEmpty() || workloads.size() > MAX_WORKLOADS) {
            throw new IllegalArgumentException("\"workloads\" must list 1 to " + MAX_WORKLOADS + " workloads");
        }
        List<Workload> parsed = new ArrayList<>();
        for (JsonNode workload : workloads) {
            parsed.add(workload(workload));
        }
        List<String> endpointIds = new ArrayList<>();
        for (JsonNode id : list(message, "endpointIds")) {
            endpointIds.add(text(id).filter(value -> ENDPOINT_ID.matcher(value).matches()).orElseThrow(() ->
                    new IllegalArgumentException("not a VPC endpoint id: " + id)));
        }
        List<ServiceTimes> services = new ArrayList<>();
        for (JsonNode service : list(message, "services")) {
            services.add(new ServiceTimes(matching(service, "clusterArn", CLUSTER_ARN), matching(service, "serviceName", SERVICE_NAME),
                    optional(service, "deploymentId", DEPLOYMENT_ID), optionalInstant(service, "deployedAt"),
                    optionalInstant(service, "runningAt"), optionalInstant(service, "steadyAt")));
        }
        return new FollowUp(matching(message, "vpcId", VPC_ID), text(message.path("trigger")).orElse("unknown"),
                instant(message, "failedAt"), instant(message, "appliedAt"), check, parsed, endpointIds,
                optionalInstant(message, "liveAt"), services);
    }

    /** An optional list of at most {@link #MAX_WORKLOADS} items. */
    private static JsonNode list(JsonNode node, String field) {
        JsonNode list = node.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return JSON.createArrayNode();
        }
        if (!list.isArray() || list.size() > MAX_WORKLOADS) {
            throw new IllegalArgumentException("\"" + field + "\" must be a list of at most " + MAX_WORKLOADS + " items");
        }
        return list;
    }

    private static Workload workload(JsonNode workload) {
        List<EndpointService> needs = new ArrayList<>();
        for (JsonNode need : workload.path("needs")) {
            needs.add(text(need).flatMap(EndpointService::fromId).orElseThrow(() ->
                    new IllegalArgumentException("unknown need " + need + " in a workload")));
        }
        List<String> groups = new ArrayList<>();
        for (JsonNode group : workload.path("securityGroupIds")) {
            groups.add(text(group).filter(id -> GROUP_ID.matcher(id).matches()).orElseThrow(() ->
                    new IllegalArgumentException("not a security group id: " + group)));
        }
        String cluster = optional(workload, "clusterArn", CLUSTER_ARN);
        String service = optional(workload, "serviceName", SERVICE_NAME);
        if ((cluster == null) != (service == null)) {
            throw new IllegalArgumentException("a workload names both clusterArn and serviceName, or neither");
        }
        JsonNode failed = workload.path("failedToStart");
        if (!failed.isMissingNode() && !failed.isBoolean()) {
            throw new IllegalArgumentException("\"failedToStart\" must be true or false, not " + failed);
        }
        if (failed.asBoolean() && service == null) {
            throw new IllegalArgumentException("only a service's workload can be failing to start");
        }
        return new Workload(matching(workload, "subnetId", SUBNET_ID), needs, groups, cluster, service, failed.asBoolean());
    }

    private static String matching(JsonNode node, String field, Pattern pattern) {
        return text(node.path(field)).filter(value -> pattern.matcher(value).matches()).orElseThrow(() ->
                new IllegalArgumentException("\"" + field + "\" is missing or malformed: " + node.path(field)));
    }

    private static String optional(JsonNode node, String field, Pattern pattern) {
        return node.path(field).isMissingNode() || node.path(field).isNull() ? null : matching(node, field, pattern);
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(text(node.path(field)).orElse(""));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not an ISO-8601 instant: " + node.path(field));
        }
    }

    private static Instant optionalInstant(JsonNode node, String field) {
        return node.path(field).isMissingNode() || node.path(field).isNull() ? null : instant(node, field);
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
