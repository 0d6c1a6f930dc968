package ecsvpce.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A report's metrics as CloudWatch embedded metric format lines: printed to stdout in Lambda, each
 * becomes metrics in namespace {@value #NAMESPACE} with no API call. One line per dimension set,
 * because a line holds one value per dimension: totals by function, reports by outcome (or verdict),
 * start failures by class, findings by code. Read from the report's JSON form, like every renderer.
 */
public final class MetricLines {
    public static final String NAMESPACE = "EcsVpceRemediator";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricLines() {
    }

    /** @param function the template's logical ID of the function that made the report */
    public static List<String> of(Map<String, Object> report, String function, Instant at) {
        JsonNode node = JSON.valueToTree(report);
        List<String> lines = new ArrayList<>();
        Map<String, Number> totals = new LinkedHashMap<>();
        Map<String, Integer> findings = new TreeMap<>();
        if (node.has("verdict")) {
            Map<String, Number> verdict = new LinkedHashMap<>(Map.of("Verifications", 1));
            if (node.hasNonNull("recoverySeconds")) {
                verdict.put("RecoverySeconds", node.path("recoverySeconds").asLong());
            }
            lines.add(line(at, Map.of("Function", function, "Verdict", node.path("verdict").asText()), verdict));
            int redeployed = 0;
            for (JsonNode recovery : node.path("recoveries")) {
                redeployed += "DEPLOYED".equals(recovery.path("status").asText()) ? 1 : 0;
            }
            totals.put("ServicesRedeployed", redeployed);
        } else if (node.has("outcome")) {
            lines.add(line(at, Map.of("Function", function, "Outcome", node.path("outcome").asText()), Map.of("Reports", 1)));
            if (node.path("failure").has("class")) {
                lines.add(line(at, Map.of("FailureClass", node.path("failure").path("class").asText()), Map.of("StartFailures", 1)));
            }
            node.path("findings").forEach(f -> findings.merge(f.path("code").asText(), 1, Integer::sum));
            actions(node.path("actions"), totals);
        } else {
            JsonNode sweep = node.path("totals");
            totals.put("ServicesChecked", sweep.path("servicesChecked").asInt());
            totals.put("NonCompliantServices", sweep.path("nonCompliant").asInt());
            totals.put("FixedServices", sweep.path("fixed").asInt());
            totals.put("NotFixableServices", sweep.path("notFixableByEndpoints").asInt());
            totals.put("UnreadableResources", sweep.path("unreadable").asInt());
            List<JsonNode> vpcActions = new ArrayList<>();
            for (JsonNode vpc : node.path("vpcs")) {
                vpc.path("actions").forEach(vpcActions::add);
                vpc.path("subnets").forEach(subnet -> subnet.path("services").forEach(service -> service.path("findings")
                        .forEach(f -> findings.merge(f.path("code").asText(), 1, Integer::sum))));
            }
            actions(JSON.valueToTree(vpcActions), totals);
            endpointCosts(node.path("endpointCosts"), totals);
        }
        delivery(node, totals);
        List<Long> recoveries = ledger(node, totals);
        lines.add(0, line(at, Map.of("Function", function), totals));
        recoveries.forEach(seconds -> lines.add(line(at, Map.of("Function", function), Map.of("IncidentRecoverySeconds", seconds))));
        findings.forEach((code, count) -> lines.add(line(at, Map.of("FindingCode", code), Map.of("Findings", count))));
        return lines;
    }

    private static void actions(JsonNode actions, Map<String, Number> totals) {
        int applied = 0;
        int failed = 0;
        int endpoints = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (JsonNode action : actions) {
            switch (action.path("status").asText()) {
                case "APPLIED" -> {
                    applied++;
                    cost = cost.add(action.path("monthlyCostUsd").decimalValue());
                    endpoints += action.path("type").asText().matches("CREATE_(INTERFACE|GATEWAY)_ENDPOINT") ? 1 : 0;
                }
                case "NOT_APPLIED" -> failed++;
                default -> {
                    // PLANNED: a dry run changes nothing.
                }
            }
        }
        totals.put("ActionsApplied", applied);
        totals.put("ActionsFailed", failed);
        totals.put("EndpointsCreated", endpoints);
        totals.put("MonthlyCostAddedUsd", cost);
    }

    /** A full sweep's interface endpoints: what they cost a month, the idle ones, what was removed. */
    private static void endpointCosts(JsonNode costs, Map<String, Number> totals) {
        JsonNode endpoints = costs.path("totals");
        if (!endpoints.isObject()) {
            return;
        }
        totals.put("InterfaceEndpoints", endpoints.path("interfaceEndpoints").asInt());
        totals.put("InterfaceEndpointsMonthlyUsd", endpoints.path("monthlyUsd").decimalValue());
        totals.put("IdleEndpoints", endpoints.path("idle").asInt());
        totals.put("IdleEndpointsMonthlyUsd", endpoints.path("idleMonthlyUsd").decimalValue());
        totals.put("IdleEndpointsRemoved", endpoints.path("removed").asInt());
        totals.put("IdleEndpointRemovalsFailed", endpoints.path("removalsFailed").asInt());
    }

    private static void delivery(JsonNode report, Map<String, Number> totals) {
        String notification = report.path("notification").path("status").asText();
        totals.put("NotificationsSent", notification.equals("SENT") ? 1 : 0);
        totals.put("NotificationsSuppressed", notification.equals("ALREADY_SENT") ? 1 : 0);
        totals.put("NotificationsFailed", notification.equals("FAILED") ? 1 : 0);
        List<JsonNode> followUps = new ArrayList<>();
        report.path("followUps").forEach(followUps::add);
        if (report.has("followUp")) {
            followUps.add(report.path("followUp"));
        }
        totals.put("FollowUpsQueued", followUps.stream().filter(f -> f.path("status").asText().equals("QUEUED")).count());
        totals.put("FollowUpsFailed", followUps.stream().filter(f -> f.path("status").asText().equals("FAILED")).count());
    }

    /**
     * Incidents opened and closed, the open ones a sweep listed, and the ledger calls that failed (the
     * notice was told anyway): only when the function has a ledger. Returns the closed incidents' times to
     * recovery, one line each.
     */
    private static List<Long> ledger(JsonNode report, Map<String, Number> totals) {
        if (!report.has("incident") && !report.has("incidents") && !report.has("openIncidents") && !report.has("ledger")) {
            return List.of();
        }
        List<JsonNode> incidents = new ArrayList<>();
        report.path("incidents").forEach(incidents::add);
        if (report.has("incident")) {
            incidents.add(report.path("incident"));
        }
        totals.put("IncidentsOpened", incidents.stream().filter(i -> i.path("status").asText().equals("OPENED")).count());
        totals.put("IncidentsClosed", incidents.stream().filter(i -> i.path("status").asText().equals("CLOSED")).count());
        if (report.has("openIncidents")) {
            totals.put("OpenIncidents", report.path("openIncidents").size());
        }
        totals.put("LedgerFailures", report.path("ledger").path("errors").size());
        return incidents.stream().filter(i -> i.path("status").asText().equals("CLOSED") && i.has("recoverySeconds"))
                .map(i -> i.path("recoverySeconds").asLong()).toList();
    }

    private static String line(Instant at, Map<String, String> dimensions, Map<String, Number> metrics) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode directive = line.putObject("_aws").put("Timestamp", at.toEpochMilli())
                .putArray("CloudWatchMetrics").addObject().put("Namespace", NAMESPACE);
        ArrayNode keys = directive.putArray("Dimensions").addArray();
        dimensions.keySet().stream().sorted().forEach(keys::add);
        ArrayNode definitions = directive.putArray("Metrics");
        metrics.forEach((name, value) -> definitions.addObject().put("Name", name).put("Unit", unit(name)));
        dimensions.forEach(line::put);
        metrics.forEach((name, value) -> line.putPOJO(name, value));
        return line.toString();
    }

    private static String unit(String metric) {
        if (metric.endsWith("Seconds")) {
            return "Seconds";
        }
        return metric.endsWith("Usd") ? "None" : "Count";
    }
}
