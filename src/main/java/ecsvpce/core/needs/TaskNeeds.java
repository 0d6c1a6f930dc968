package ecsvpce.core.needs;

import ecsvpce.core.EndpointService;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Everything a task needs to reach while it starts. */
public record TaskNeeds(List<Need> endpoints, List<UnservableNeed> unservable) {
    public TaskNeeds {
        endpoints = List.copyOf(endpoints);
        unservable = List.copyOf(unservable);
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
