package ecsvpce.report;

import static ecsvpce.report.Readables.text;

import com.fasterxml.jackson.databind.JsonNode;
import ecsvpce.report.Readable.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The cost side of a sweep's report ({@code endpointCosts}) as a person reads it: sections and next steps. */
final class EndpointCostReadable {
    private static final String HUB_DOC = "docs/cost.md#a-shared-hub";

    private EndpointCostReadable() {
    }

    /** {@code , 2 idle endpoint(s)} for the subject line, or nothing. */
    static String subjectPart(JsonNode report) {
        int idle = report.path("endpointCosts").path("totals").path("idle").asInt();
        return idle == 0 ? "" : ", " + idle + " idle endpoint(s)";
    }

    static List<Section> sections(JsonNode report) {
        JsonNode costs = report.path("endpointCosts");
        if (!costs.isObject()) {
            return List.of();
        }
        JsonNode totals = costs.path("totals");
        JsonNode pricing = costs.path("pricing");
        List<String> summary = new ArrayList<>();
        if (costs.path("error").isObject()) {
            summary.add("Not listed: " + text(costs.path("error"), "message", ""));
        } else {
            summary.add(totals.path("interfaceEndpoints").asInt() + " interface endpoint(s): "
                    + Readables.usd(totals.path("monthlyUsd").decimalValue()) + " USD a month by the hour, plus data processing ("
                    + Readables.usd(totals.path("dataProcessedUsdInWindow").decimalValue()) + " USD in the last "
                    + costs.path("idleWindowDays").asInt() + " day(s) at " + pricing.path("usdPerGbProcessed").asText()
                    + " USD per GB)");
        }
        summary.add("Price: " + pricing.path("usdPerAzHour").asText() + " USD per endpoint per AZ-hour (" + text(pricing, "source", "")
                + ")");
        List<String> idle = new ArrayList<>();
        Map<String, List<String>> notJudged = new TreeMap<>();
        for (JsonNode line : costs.path("endpoints")) {
            String status = text(line, "status", "");
            if ("IDLE".equals(status) || line.path("error").isObject()) {
                idle.add(idleLine(line));
            } else if ("NEEDS_UNKNOWN".equals(status) || "METRIC_UNREAD".equals(status)) {
                notJudged.computeIfAbsent(text(line, "reason", ""), r -> new ArrayList<>()).add(text(line, "endpointId", ""));
            }
        }
        List<String> unjudged = new ArrayList<>();
        notJudged.forEach((reason, ids) -> unjudged.add(ids.size() + " endpoint(s) " + reason));
        for (JsonNode source : costs.path("sources")) {
            if (!"READ".equals(text(source, "status", ""))) {
                unjudged.add(text(source, "source", "") + " could not be read: " + text(source, "detail", ""));
            }
        }
        List<String> hub = new ArrayList<>();
        for (JsonNode advice : costs.path("centralisation")) {
            hub.add(text(advice, "serviceName", "") + ": " + advice.path("vpcs").size() + " VPCs pay "
                    + Readables.usd(advice.path("monthlyUsd").decimalValue()) + " USD a month; one endpoint in a shared hub with a"
                    + " private hosted zone " + Readables.usd(advice.path("hubMonthlyUsd").decimalValue()) + " USD: saves "
                    + Readables.usd(advice.path("savingMonthlyUsd").decimalValue()) + " USD a month while the spokes send less than "
                    + advice.path("breakEvenGbPerMonth").asLong() + " GB a month through the transit gateway (" + HUB_DOC + ")");
        }
        return List.of(new Section("Interface endpoints", summary), new Section("Idle endpoints", Readables.capped(idle)),
                new Section("Endpoints not judged", Readables.capped(unjudged)),
                new Section("A shared hub would cost less", Readables.capped(hub)));
    }

    private static String idleLine(JsonNode line) {
        BigDecimal monthly = line.path("monthlyUsd").decimalValue();
        String removal = text(line, "removal", "");
        return (removal.isEmpty() ? "" : removal + " ") + text(line, "endpointId", "") + " " + text(line, "serviceName", "")
                + " in " + text(line, "vpcId", "") + " (" + line.path("availabilityZones").size() + " AZ, "
                + Readables.usd(monthly) + " USD a month, " + (line.path("createdByProduct").asBoolean() ? "created by the product"
                : "not created by the product") + "): " + text(line, "removalReason", text(line, "reason", ""))
                + (line.path("error").isObject() ? ": " + text(line.path("error"), "message", "") : "")
                + (line.hasNonNull("command") ? "\n    change: " + text(line, "command", "") : "");
    }

    static List<String> nextSteps(JsonNode report) {
        JsonNode totals = report.path("endpointCosts").path("totals");
        List<String> steps = new ArrayList<>();
        if (totals.path("idle").asInt() > totals.path("removed").asInt()) {
            steps.add("Idle interface endpoints cost " + Readables.usd(totals.path("idleMonthlyUsd").decimalValue())
                    + " USD a month: each line under \"Idle endpoints\" has the command that removes it. The product removes"
                    + " the ones it created itself only with RemoveIdleEndpoints=true, after two sweeps in a row found them idle.");
        }
        if (totals.path("removalsFailed").asInt() > 0) {
            steps.add("Removing an idle endpoint failed: the line says why; a refused delete is not tried again.");
        }
        if (report.path("endpointCosts").path("centralisation").size() > 0) {
            steps.add("Several VPCs pay for the same interface endpoints: a shared hub would cost less (" + HUB_DOC + ").");
        }
        return steps;
    }
}
