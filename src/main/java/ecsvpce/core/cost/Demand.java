package ecsvpce.core.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who needs which endpoint, as far as the sweep could tell. What it could not tell is kept as well:
 * a VPC whose workloads' needs are partly unknown (a task definition it could not read, a service
 * left alone on purpose), or the whole account (a source of workloads it could not read at all, a
 * sweep that looked at part of the fleet). Where needs are unknown, nothing is idle.
 *
 * @param unknownVpcs   VPC id to why its needs are not fully known
 * @param unknownReason why no endpoint of the account can be judged, when that is so
 */
public record Demand(List<Consumer> consumers, Map<String, String> unknownVpcs, Optional<String> unknownReason) {

    public Demand {
        consumers = List.copyOf(consumers);
        unknownVpcs = Map.copyOf(unknownVpcs);
    }

    /** The consumers in the endpoint's VPC that need the service it serves. */
    public List<Consumer> neededBy(InterfaceEndpoint endpoint, String region) {
        return endpoint.startupService(region).map(service -> consumers.stream()
                .filter(c -> c.vpcId().equals(endpoint.vpcId()) && c.needs().contains(service)).toList())
                .orElse(List.of());
    }

    /** Why the needs in the endpoint's VPC are not fully known, if they are not. */
    public Optional<String> unknownFor(InterfaceEndpoint endpoint) {
        return unknownReason.or(() -> Optional.ofNullable(unknownVpcs.get(endpoint.vpcId())));
    }

    /** Collects consumers and what could not be known, in any order. */
    public static final class Builder {
        private final List<Consumer> consumers = new ArrayList<>();
        private final Map<String, String> unknownVpcs = new LinkedHashMap<>();
        private final List<String> unknown = new ArrayList<>();

        public Builder consumer(Consumer consumer) {
            consumers.add(consumer);
            return this;
        }

        /** The first reason given for a VPC is kept. */
        public Builder unknownInVpc(String vpcId, String reason) {
            unknownVpcs.putIfAbsent(vpcId, reason);
            return this;
        }

        public Builder unknownEverywhere(String reason) {
            unknown.add(reason);
            return this;
        }

        public Demand build() {
            return new Demand(consumers, unknownVpcs,
                    unknown.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", unknown)));
        }
    }
}
