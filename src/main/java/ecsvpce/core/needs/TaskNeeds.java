package ecsvpce.core.needs;

import ecsvpce.core.EndpointService;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a task needs to reach while it starts.
 *
 * @param fireLensOutputs where FireLens sends logs once the task runs: not start-up needs, each names
 *                        the endpoint service it goes through (docs/real-estates.md#firelens)
 */
public record TaskNeeds(List<Need> endpoints, List<UnservableNeed> unservable, List<NeedReason> fireLensOutputs) {
    public TaskNeeds {
        endpoints = List.copyOf(endpoints);
        unservable = List.copyOf(unservable);
        fireLensOutputs = List.copyOf(fireLensOutputs);
    }

    public Set<EndpointService> services() {
        Set<EndpointService> services = EnumSet.noneOf(EndpointService.class);
        endpoints.forEach(need -> services.add(need.service()));
        return services;
    }

    public Optional<Need> need(EndpointService service) {
        return endpoints.stream().filter(need -> need.service() == service).findFirst();
    }

    public boolean isEmpty() {
        return endpoints.isEmpty() && unservable.isEmpty();
    }
}
