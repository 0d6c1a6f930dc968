package ecsvpce.report;

import static ecsvpce.report.Readables.text;

import com.fasterxml.jackson.databind.JsonNode;
import ecsvpce.report.Readable.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A check's report as a person reads it: the verdict, what was checked, and per subnet what to change. */
final class CheckReadable {
    private CheckReadable() {
    }

    static Readable of(JsonNode report) {
        String verdict = text(report, "verdict", "");
        JsonNode checked = report.path("checked");
        String what = checked.hasNonNull("service") ? text(checked, "service", "")
                : Readables.lastPart(text(checked, "taskDefinition", null));
        String where = text(report, "vpcId", null);
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Checked", checkedLines(checked)));
        List<String> needs = new ArrayList<>();
        report.path("needs").forEach(need -> needs.add(text(need, "service", "") + ": "
                + String.join("; ", Readables.texts(need.path("reasons")))));
        sections.add(new Section("Needs at start-up", needs));
        sections.add(new Section("Needs no endpoint can serve", Readables.texts(report.path("unservable"))));
        for (JsonNode subnet : report.path("subnets")) {
            sections.add(new Section("Subnet " + text(subnet, "subnetId", "") + " ("
                    + text(subnet, "availabilityZone", "") + ", route table " + text(subnet, "routeTableId", "") + ")",
                    Readables.findings(subnet.path("findings"), true)));
        }
        sections.add(new Section("Could not tell", Readables.texts(report.path("cannotTell"))));
        List<String> remediation = new ArrayList<>(Readables.actions(report.path("remediation")));
        BigDecimal cost = report.path("monthlyCostUsd").decimalValue();
        if (cost.signum() > 0) {
            remediation.add("Would add " + Readables.usd(cost) + " USD a month (interface endpoints per AZ, before data processing)");
        }
        sections.add(new Section("What the remediator would change (REMEDIATE mode)", remediation));
        sections.add(new Section("Notes", Readables.texts(report.path("notes"))));
        return new Readable(Readables.subject(verdict, what == null ? where : what + (where == null ? "" : " in " + where),
                report), text(report, "summary", verdict), origin(report), sections, nextSteps(verdict),
                Readables.labels(verdict, report));
    }

    private static List<String> checkedLines(JsonNode checked) {
        List<String> lines = new ArrayList<>();
        if (checked.hasNonNull("service")) {
            lines.add("Service: " + text(checked, "service", "") + " in " + text(checked, "cluster", "the default cluster"));
        }
        if (checked.hasNonNull("taskDefinition")) {
            lines.add("Task definition: " + text(checked, "taskDefinition", ""));
        }
        if (!checked.path("subnets").isEmpty()) {
            lines.add("Subnets: " + String.join(", ", Readables.texts(checked.path("subnets"))));
            lines.add("Security groups: " + (checked.path("securityGroups").isEmpty() ? "none given (the VPC's default)"
                    : String.join(", ", Readables.texts(checked.path("securityGroups")))));
            lines.add("Platform version: " + text(checked, "platformVersion", "LATEST")
                    + (checked.path("executeCommand").asBoolean() ? ", ECS Exec on" : ""));
        }
        return lines;
    }

    private static String origin(JsonNode report) {
        return "Region " + text(report, "region", "unknown")
                + (report.hasNonNull("account") ? ", account " + text(report, "account", "") : "");
    }

    private static List<String> nextSteps(String verdict) {
        return switch (verdict) {
            case "WILL_FAIL" -> List.of("Make each change above (its \"change:\" line) before the tasks start, or let "
                    + "the remediator in REMEDIATE mode make the ones it may: it does when a task fails to start, at its "
                    + "next sweep, or when the service is created or updated.");
            case "CANNOT_TELL" -> List.of("Settle what could not be told, then check again.");
            default -> List.of();
        };
    }
}
