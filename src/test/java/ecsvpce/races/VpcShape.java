package ecsvpce.races;

import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.VpcReadBack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A VPC as read back, with every id replaced by a name (subnets and route tables by the
 * scenario's subnet names, groups by their names, endpoints by their services), so the VPCs of two
 * runs compare equal exactly when they were left alike: endpoints per service (duplicates show as
 * two lines), their type, private DNS, subnets, groups and route tables; each group's rules; the
 * routes of every route table; the DNS attributes.
 */
record VpcShape(List<String> endpoints, Map<String, List<String>> groups, Map<String, List<String>> routes,
                String dns) {

    static VpcShape of(FargateScenario scenario) {
        VpcReadBack vpc = scenario.readBack();
        Map<String, String> names = new HashMap<>();
        scenario.subnetIds().forEach((name, id) -> names.put(id, name));
        scenario.subnetIds().keySet().forEach(name -> names.put(scenario.routeTableId(name), "rtb:" + name));
        names.put(scenario.mainRouteTableId(), "rtb:main");
        List<VpcReadBack.SecurityGroupView> groupViews = vpc.securityGroups();
        groupViews.forEach(g -> names.put(g.id(), g.name()));
        List<VpcReadBack.Endpoint> endpointViews = vpc.endpoints();
        endpointViews.forEach(e -> names.put(e.id(), "vpce:" + e.service()));

        List<String> endpoints = new ArrayList<>();
        for (VpcReadBack.Endpoint e : endpointViews) {
            endpoints.add(e.service() + " " + e.type() + " " + e.state() + " privateDns=" + e.privateDns()
                    + " subnets=" + named(e.subnetIds(), names) + " groups=" + named(e.securityGroupIds(), names)
                    + " routeTables=" + named(e.routeTableIds(), names)
                    + " ours=" + "ecs-vpce-remediator".equals(e.tags().get("ecs-vpce-remediator:created-by")));
        }
        endpoints.sort(null);
        Map<String, List<String>> groups = new TreeMap<>();
        for (VpcReadBack.SecurityGroupView g : groupViews) {
            List<String> rules = new ArrayList<>();
            g.ingress().forEach(r -> rules.add("in " + rule(r, names)));
            g.egress().forEach(r -> rules.add("out " + rule(r, names)));
            rules.sort(null);
            groups.put(g.name(), rules);
        }
        Map<String, List<String>> routes = new TreeMap<>();
        List<String> tables = new ArrayList<>(scenario.subnetIds().keySet().stream().map(scenario::routeTableId).toList());
        tables.add(scenario.mainRouteTableId());
        for (String table : tables.stream().distinct().toList()) {
            List<String> lines = new ArrayList<>();
            vpc.routes(table).forEach(r -> lines.add((r.destination().startsWith("pl-") ? "prefix-list" : r.destination())
                    + " -> " + names.getOrDefault(r.target(), r.target())));
            lines.sort(null);
            routes.put(names.get(table), lines);
        }
        VpcReadBack.DnsAttributes dns = vpc.dnsAttributes();
        return new VpcShape(endpoints, groups, routes,
                "support=" + dns.enableDnsSupport() + " hostnames=" + dns.enableDnsHostnames());
    }

    private static List<String> named(List<String> ids, Map<String, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, id)).sorted().toList();
    }

    private static String rule(VpcReadBack.Rule r, Map<String, String> names) {
        return r.protocol() + " " + r.fromPort() + "-" + r.toPort() + " " + r.cidrs().stream().sorted().toList()
                + " " + named(r.groupIds(), names) + " " + r.prefixListIds().size() + " prefix lists";
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        endpoints.forEach(e -> text.append("endpoint ").append(e).append('\n'));
        groups.forEach((name, rules) -> text.append("group ").append(name).append(' ').append(rules).append('\n'));
        routes.forEach((table, lines) -> text.append(table).append(' ').append(lines).append('\n'));
        return text.append("dns ").append(dns).append('\n').toString();
    }
}
