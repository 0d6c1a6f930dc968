package ecsvpce.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads the map SweepFunction returns (the JSON it logs): per VPC, per subnet, per service, and totals. */
record SweepResult(Map<String, Object> json) {

    /** A service as reported in one subnet of one VPC. */
    record ServiceInSubnet(String vpcId, String subnetId, String availabilityZone, Map<String, Object> service) {
        String name() {
            return (String) service.get("serviceName");
        }

        String status() {
            return (String) service.get("status");
        }

        @SuppressWarnings("unchecked")
        List<String> needs() {
            return (List<String>) service.get("needs");
        }

        List<String> findingCodes() {
            return maps(service.get("findings")).stream().map(f -> (String) f.get("code")).toList();
        }
    }

    /** The interface endpoints of the report's cost side (a full sweep's), each as its JSON map. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> endpointLines(Map<String, Object> json) {
        Map<String, Object> costs = (Map<String, Object>) json.get("endpointCosts");
        return costs == null ? List.of() : maps(costs.get("endpoints"));
    }

    /** The cost side's line of one endpoint. */
    Map<String, Object> endpoint(String endpointId) {
        return endpointLines(json).stream().filter(line -> endpointId.equals(line.get("endpointId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no endpoint " + endpointId + " in " + json.get("endpointCosts")));
    }

    String summary() {
        return (String) json.get("summary");
    }

    String mode() {
        return (String) json.get("mode");
    }

    String rejectedInput() {
        return (String) json.get("rejectedInput");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> totals() {
        return (Map<String, Object>) json.get("totals");
    }

    int total(String key) {
        return ((Number) Objects.requireNonNull(totals().get(key), key)).intValue();
    }

    List<Map<String, Object>> vpcs() {
        return maps(json.get("vpcs"));
    }

    List<String> vpcIds() {
        return vpcs().stream().map(v -> (String) v.get("vpcId")).toList();
    }

    Map<String, Object> vpc(String vpcId) {
        return vpcs().stream().filter(v -> vpcId.equals(v.get("vpcId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no VPC " + vpcId + " in the report: " + vpcIds()));
    }

    List<Map<String, Object>> actions(String vpcId) {
        return maps(vpc(vpcId).get("actions"));
    }

    List<String> actionTypes(String vpcId) {
        return actions(vpcId).stream().map(a -> (String) a.get("type")).toList();
    }

    List<Map<String, Object>> subnets(String vpcId) {
        return maps(vpc(vpcId).get("subnets"));
    }

    /** Every (service, subnet) pair reported. */
    List<ServiceInSubnet> services() {
        List<ServiceInSubnet> all = new ArrayList<>();
        for (Map<String, Object> vpc : vpcs()) {
            for (Map<String, Object> subnet : maps(vpc.get("subnets"))) {
                for (Map<String, Object> service : maps(subnet.get("services"))) {
                    all.add(new ServiceInSubnet((String) vpc.get("vpcId"), (String) subnet.get("subnetId"),
                            (String) subnet.get("availabilityZone"), service));
                }
            }
        }
        return all;
    }

    /** The pairs of one service, by name. */
    List<ServiceInSubnet> service(String name) {
        return services().stream().filter(s -> s.name().equals(name)).toList();
    }

    List<String> serviceNames() {
        return services().stream().map(ServiceInSubnet::name).distinct().sorted().toList();
    }

    List<Map<String, Object>> unreadable() {
        return maps(json.get("unreadable"));
    }

    @SuppressWarnings("unchecked")
    List<String> notReached() {
        return (List<String>) json.get("notReached");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object list) {
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }
}
