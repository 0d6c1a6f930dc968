package ecsvpce.core.network;

import java.util.List;
import java.util.Optional;

/**
 * A route table and the subnets explicitly associated with it.
 *
 * @param main whether it is the VPC's main route table (used by subnets without an explicit association)
 */
public record RouteTable(String id, boolean main, List<String> subnetIds, List<Route> routes) {
    public RouteTable {
        subnetIds = List.copyOf(subnetIds);
        routes = List.copyOf(routes);
    }

    public Optional<Route> internetPath() {
        return routes.stream().filter(Route::isInternetPath).findFirst();
    }

    /** The default route that reaches the internet for a task whose public address is as given. */
    public Optional<Route> internetPathFor(PublicIp publicIp) {
        return routes.stream().filter(route -> route.isInternetPathFor(publicIp)).findFirst();
    }

    /** The live default route to an internet gateway, which serves only interfaces with a public address. */
    public Optional<Route> internetGatewayDefault() {
        return routes.stream().filter(Route::isInternetGatewayDefault).findFirst();
    }

    /** The default route, when its target is gone. */
    public Optional<Route> blackholeDefaultRoute() {
        return routes.stream().filter(Route::isBlackholeDefault).findFirst();
    }
}
