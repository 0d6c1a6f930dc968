package ecsvpce.core.failure;

import ecsvpce.core.EndpointService;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The start-up needs whose network gaps a stopped task's failure lets the product fix. A network
 * failure lets it fix every gap (the network is the cause, and the task would stop at the next gap);
 * an unrecognised failure only the gaps that could explain it: those of the service the message
 * names, or of every need when it names none; any other class, none.
 *
 * @param everyNeed whether every need is in scope ({@code services} is then empty)
 * @param services  the services in scope when not every need is
 */
public record ChangeScope(boolean everyNeed, Set<EndpointService> services) {
    public static final ChangeScope EVERY_NEED = new ChangeScope(true, Set.of());
    public static final ChangeScope NONE = new ChangeScope(false, Set.of());

    public ChangeScope {
        services = services.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(services));
    }

    /**
     * The services whose path a failure at this one could be: an image manifest named on ECR's
     * registry host may still have failed on the layer download, which S3 serves.
     */
    static ChangeScope pointedAt(EndpointService service) {
        return new ChangeScope(false, service == EndpointService.ECR_DKR
                ? EnumSet.of(EndpointService.ECR_DKR, EndpointService.S3) : EnumSet.of(service));
    }

    public boolean covers(EndpointService service) {
        return everyNeed || services.contains(service);
    }

    @Override
    public String toString() {
        if (everyNeed) {
            return "every need";
        }
        return services.isEmpty() ? "no endpoint service"
                : services.stream().sorted().map(EndpointService::id).collect(Collectors.joining(", "));
    }
}
