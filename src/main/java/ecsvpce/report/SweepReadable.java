package ecsvpce.report;

import static ecsvpce.report.Readables.text;

import com.fasterxml.jackson.databind.JsonNode;
import ecsvpce.report.Readable.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A sweep's report as a person reads it: one section per VPC that needed anything, then the rest in a line each. */
final class SweepReadable {
    private SweepReadable() {
    }

    static Readable of(JsonNode report) {
        String label = label(report);
        List<Section> sections = new ArrayList<>();
        JsonNode event = report.path("serviceEvent");
        if (event.isObject()) {
            sections.add(new Section("Swept because", List.of(text(event, "name", "") + " of service "
                    + text(event, "service", "") + " in " + text(event, "cluster", "the default cluster"))));
        }
        List<String> compliant = new ArrayList<>();
        for (JsonNode vpc : report.path("vpcs")) {
            List<String> lines = vpcLines(vpc);
            if (lines.isEmpty()) {
                compliant.add(text(vpc, "vpcId", ""));
            } else {
                sections.add(new Section("VPC " + text(vpc, "vpcId", ""), lines));
            }
        }
        if (!compliant.isEmpty()) {
            sections.add(new Section("Compliant", List.of(compliant.size() + " VPC(s): " + String.join(", ", Readables.capped(compliant)))));
        }
        List<String> unreadable = new ArrayList<>();
        report.path("unreadable").forEach(u -> unreadable.add(text(u, "resource", "") + " (" + text(u, "services", "")
                + "): " + text(u, "reason", "")));
        List<String> skipped = new ArrayList<>();
        report.path("skipped").forEach(s -> skipped.add(text(s, "resource", "") + ": " + text(s, "reason", "")));
        sections.addAll(EndpointCostReadable.sections(report));
        sections.add(new Section("Not read", Readables.capped(unreadable)));
        sections.add(new Section("Left alone on purpose", Readables.capped(skipped)));
        sections.add(new Section("Not reached in time", Readables.texts(report.path("notReached"))));
        if (report.has("rejectedInput")) {
            sections.add(new Section("Rejected payload", List.of(text(report, "rejectedInput", ""))));
        }
        sections.add(new Section("Follow-up and notification", Readables.delivery(report)));
        JsonNode totals = report.path("totals");
        String what = totals.isObject() ? totals.path("nonCompliant").asInt() + " of " + totals.path("servicesChecked").asInt()
                + " service(s) non-compliant" + notSeen(report) + EndpointCostReadable.subjectPart(report)
                : text(report, "summary", "");
        return new Readable(Readables.subject(label, what, report), Readables.headline(label, report),
                Readables.origin(report), sections, nextSteps(report), Readables.labels(label, report));
    }

    /** One word for the whole sweep, worst first. */
    private static String label(JsonNode report) {
        if (report.has("rejectedInput")) {
            return "SWEEP REJECTED";
        }
        if (report.path("error").isObject()) {
            return "SWEEP FAILED";
        }
        JsonNode totals = report.path("totals");
        if (totals.path("nonCompliant").asInt() > 0) {
            return "DRY_RUN".equals(text(report, "mode", "")) ? "SWEEP PLANNED" : "SWEEP NON-COMPLIANT";
        }
        // Nothing found wrong is not compliant where part of the fleet went unseen.
        return notSeen(report).isEmpty() ? "SWEEP COMPLIANT" : "SWEEP INCOMPLETE";
    }

    /** What the sweep could not look at, after a comma, or nothing. */
    private static String notSeen(JsonNode report) {
        int unreadable = report.path("totals").path("unreadable").asInt();
        int failedVpcs = 0;
        for (JsonNode vpc : report.path("vpcs")) {
            failedVpcs += vpc.path("error").isObject() ? 1 : 0;
        }
        int notReached = report.path("notReached").size();
        return (unreadable > 0 ? ", " + unreadable + " not read" : "")
                + (failedVpcs > 0 ? ", " + failedVpcs + " VPC(s) failed" : "")
                + (notReached > 0 ? ", " + notReached + " VPC(s) not reached in time" : "");
    }

    private static List<String> vpcLines(JsonNode vpc) {
        List<String> services = new ArrayList<>();
        for (JsonNode subnet : vpc.path("subnets")) {
            for (JsonNode service : subnet.path("services")) {
                if (!"COMPLIANT".equals(text(service, "status", ""))) {
                    services.add(text(service, "status", "") + " " + text(service, "serviceName", "") + " in "
                            + text(subnet, "subnetId", "") + " (" + text(service, "clusterArn", "") + ")");
                }
            }
        }
        List<String> lines = new ArrayList<>(Readables.capped(services));
        lines.addAll(Readables.actions(vpc.path("actions")));
        BigDecimal cost = vpc.path("monthlyCostUsd").decimalValue();
        if (cost.signum() > 0) {
            lines.add("Cost: " + Readables.usd(cost) + " USD a month (interface endpoints per AZ, before data processing)");
        }
        Readables.findings(vpc.path("unfixed"), true).forEach(line -> lines.add("Needs a person: " + line));
        if (vpc.path("error").isObject()) {
            lines.add("Error: " + text(vpc.path("error"), "message", ""));
        }
        return lines;
    }

    private static List<String> nextSteps(JsonNode report) {
        List<String> steps = new ArrayList<>();
        JsonNode totals = report.path("totals");
        if ("DRY_RUN".equals(text(report, "mode", "")) && totals.path("nonCompliant").asInt() > 0) {
            steps.add("Nothing was changed (DRY_RUN). Make the changes above by hand, or let the product make them: "
                    + "deploy with the parameter RemediationMode=REMEDIATE.");
        }
        if (totals.path("fixed").asInt() > 0) {
            steps.add("Applied does not mean healed yet: follow-up checks look at the endpoints and the services' running counts.");
        }
        if (totals.path("notFixableByEndpoints").asInt() > 0) {
            steps.add("The findings under \"Needs a person\" are not something an endpoint fixes: each line says what to change.");
        }
        if (!notSeen(report).isEmpty()) {
            steps.add("Part of the fleet was not looked at (\"Not read\", a VPC's \"Error\", \"Not reached in time\"): each "
                    + "says why; grant what was denied, or run the sweep again for what was not reached.");
        }
        steps.addAll(EndpointCostReadable.nextSteps(report));
        JsonNode error = report.path("error");
        if ("ACCESS_DENIED".equals(text(error, "kind", ""))) {
            steps.add("Grant " + text(error, "iamAction", "the action") + " to the sweep function's role (template.yaml), then deploy again.");
        }
        return steps;
    }
}
