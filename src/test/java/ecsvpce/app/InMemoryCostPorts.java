package ecsvpce.app;

import ecsvpce.app.port.BatchEnvironments;
import ecsvpce.app.port.InterfaceEndpoints;
import ecsvpce.app.port.ScheduledTask;
import ecsvpce.app.port.ScheduledTasks;
import ecsvpce.core.cost.InterfaceEndpoint;
import ecsvpce.core.cost.Traffic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sweep's cost side answered from memory: scheduled tasks, Batch, the account's interface
 * endpoints and their bytes; a failure set for a call (by name) is thrown by it; every write is
 * recorded ({@code mark vpce-1 2026-...}, {@code unmark vpce-1}, {@code delete vpce-1}) and applied.
 */
final class InMemoryCostPorts implements BatchEnvironments, InterfaceEndpoints {
    final List<ScheduledTask> ruleTasks = new ArrayList<>();
    final List<ScheduledTask> schedules = new ArrayList<>();
    final List<FargateEnvironment> environments = new ArrayList<>();
    final List<FargateJobDefinition> jobDefinitions = new ArrayList<>();
    final Map<String, InterfaceEndpoint> endpoints = new LinkedHashMap<>();
    final Map<String, Long> bytes = new HashMap<>();
    final List<String> writes = new ArrayList<>();
    /** The VPCs each list asked for. */
    final List<Set<String>> listedVpcs = new ArrayList<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();

    InMemoryCostPorts fail(String call, RuntimeException failure) {
        failures.put(call, failure);
        return this;
    }

    InMemoryCostPorts endpoint(InterfaceEndpoint endpoint, long bytesProcessed) {
        endpoints.put(endpoint.id(), endpoint);
        bytes.put(endpoint.id(), bytesProcessed);
        return this;
    }

    CostPorts ports(CostSettings settings) {
        return new CostPorts(List.of(source("EventBridge rules", "rules", ruleTasks),
                source("EventBridge Scheduler schedules", "schedules", schedules)), this, this, settings);
    }

    private ScheduledTasks source(String name, String call, List<ScheduledTask> tasks) {
        return new ScheduledTasks() {
            @Override
            public String source() {
                return name;
            }

            @Override
            public List<ScheduledTask> fargateTasks(Collection<String> clusterArns) {
                check(call);
                return tasks.stream().filter(t -> clusterArns.contains(t.clusterArn())).toList();
            }
        };
    }

    @Override
    public List<FargateEnvironment> fargateEnvironments() {
        check("environments");
        return List.copyOf(environments);
    }

    @Override
    public List<FargateJobDefinition> fargateJobDefinitions() {
        check("jobDefinitions");
        return List.copyOf(jobDefinitions);
    }

    @Override
    public List<InterfaceEndpoint> list(Set<String> onlyVpcIds) {
        check("list");
        listedVpcs.add(Set.copyOf(onlyVpcIds));
        return endpoints.values().stream().filter(e -> onlyVpcIds.isEmpty() || onlyVpcIds.contains(e.vpcId())).toList();
    }

    @Override
    public Traffic bytesProcessed(List<InterfaceEndpoint> listed, Instant from, Instant to) {
        if (failures.containsKey("metric")) {
            Map<String, String> unread = new HashMap<>();
            listed.forEach(e -> unread.put(e.id(), failures.get("metric").getMessage()));
            return new Traffic(Map.of(), unread);
        }
        Map<String, Long> read = new HashMap<>();
        listed.forEach(e -> read.put(e.id(), bytes.getOrDefault(e.id(), 0L)));
        return new Traffic(read, Map.of());
    }

    @Override
    public void mark(String endpointId, String value) {
        check("mark");
        writes.add("mark " + endpointId + " " + value);
        retag(endpointId, value);
    }

    @Override
    public void unmark(String endpointId) {
        check("unmark");
        writes.add("unmark " + endpointId);
        retag(endpointId, null);
    }

    @Override
    public void delete(String endpointId) {
        check("delete");
        writes.add("delete " + endpointId);
        endpoints.remove(endpointId);
    }

    private void retag(String endpointId, String idleSince) {
        InterfaceEndpoint e = endpoints.get(endpointId);
        Map<String, String> tags = new HashMap<>(e.tags());
        if (idleSince == null) {
            tags.remove(InterfaceEndpoint.IDLE_SINCE);
        } else {
            tags.put(InterfaceEndpoint.IDLE_SINCE, idleSince);
        }
        endpoints.put(endpointId, new InterfaceEndpoint(e.id(), e.vpcId(), e.serviceName(), e.state(), e.subnetIds(),
                e.availabilityZones(), e.createdAt(), tags));
    }

    private void check(String call) {
        RuntimeException failure = failures.get(call);
        if (failure != null) {
            throw failure;
        }
    }
}
