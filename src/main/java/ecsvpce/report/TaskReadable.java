package ecsvpce.report;

import static ecsvpce.report.Readables.actions;
import static ecsvpce.report.Readables.findings;
import static ecsvpce.report.Readables.lastPart;
import static ecsvpce.report.Readables.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import ecsvpce.report.Readable.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The report of a stopped task as a person reads it: what failed, why, what changed, what is left. */
final class TaskReadable {
    /** Characters of a stop reason shown; the whole (redacted) reason is in the log line. */
    private static final int REASON_LIMIT = 600;

    private TaskReadable() {
    }

    static Readable of(JsonNode report) {
        String outcome = text(report, "outcome", "");
        JsonNode task = report.path("task");
        String service = text(task, "serviceName", lastPart(text(task, "taskArn", null)));
        String vpc = text(report, "vpcId", null);
        String what = service == null ? vpc : vpc == null ? service : service + " in " + vpc;
        List<Section> sections = List.of(
                new Section("What failed", whatFailed(report)),
                new Section("Findings", findings(Readables.causeFirst(notUnfixed(report), cause(report)))),
                new Section(outcome.equals("PLANNED") ? "What would change (dry run, nothing was changed)" : "What changed",
                        changes(report)),
                new Section("Needs a person", needsAPerson(report)),
                new Section("Notes", Readables.texts(report.path("notes"))),
                new Section("Follow-up and notification", Readables.delivery(report)));
        return new Readable(Readables.subject(outcome, what, report), Readables.headline(outcome, report),
                Readables.origin(report), sections, nextSteps(outcome, report), Readables.labels(outcome, report));
    }

    private static List<String> whatFailed(JsonNode report) {
        List<String> lines = new ArrayList<>();
        JsonNode task = report.path("task");
        add(lines, "Task: ", text(task, "taskArn", null));
        if (task.hasNonNull("serviceName")) {
            lines.add("Service: " + text(task, "serviceName", "") + " in " + text(task, "clusterArn", "its cluster"));
        } else {
            add(lines, "Cluster: ", text(task, "clusterArn", null));
        }
        add(lines, "Task definition: ", text(task, "taskDefinitionArn", null));
        if (report.hasNonNull("subnetId")) {
            lines.add("Subnet: " + text(report, "subnetId", "") + (report.hasNonNull("vpcId") ? " in " + text(report, "vpcId", "") : "")
                    + (task.hasNonNull("availabilityZone") ? " (" + text(task, "availabilityZone", "") + ")" : ""));
        }
        JsonNode failure = report.path("failure");
        if (failure.isObject()) {
            lines.add("Class: " + text(failure, "class", "") + (failure.hasNonNull("service") ? " (" + text(failure, "service", "") + ")" : "")
                    + ": " + text(failure, "explanation", ""));
            String reason = text(failure, "stoppedReason", "");
            add(lines, "Stop reason: ", reason.length() <= REASON_LIMIT ? reason : reason.substring(0, REASON_LIMIT) + "...");
        }
        List<String> needs = new ArrayList<>();
        report.path("needs").forEach(need -> needs.add(text(need, "service", "")));
        if (!needs.isEmpty()) {
            lines.add("Needs at start-up: " + String.join(", ", needs));
        }
        report.path("unservable").forEach(item -> lines.add("No endpoint serves: " + item.asText()));
        return lines;
    }

    private static List<String> changes(JsonNode report) {
        List<String> lines = new ArrayList<>(actions(Readables.causeFirst(report.path("actions"), cause(report))));
        BigDecimal cost = report.path("monthlyCostUsd").decimalValue();
        if (cost.signum() > 0) {
            lines.add((text(report, "outcome", "").equals("PLANNED") ? "Would add " : "Adds ") + Readables.usd(cost)
                    + " USD a month (interface endpoints per AZ at the configured price, before data processing)");
        }
        if (report.path("error").isObject()) {
            lines.add("Stopped by: " + text(report.path("error"), "message", ""));
        }
        return lines;
    }

    /** The findings not listed under "Needs a person" already. */
    private static JsonNode notUnfixed(JsonNode report) {
        List<JsonNode> forAPerson = new ArrayList<>();
        forAPerson(report).forEach(forAPerson::add);
        ArrayNode rest = JsonNodeFactory.instance.arrayNode();
        report.path("findings").forEach(finding -> {
            if (!forAPerson.contains(finding)) {
                rest.add(finding);
            }
        });
        return rest;
    }

    /**
     * What the product leaves to a person: the findings it could not fix or, when it fixed or had nothing to
     * fix, the ones it could not verify (a zone it cannot read, a policy it cannot judge).
     */
    private static JsonNode forAPerson(JsonNode report) {
        if (!report.path("unfixed").isEmpty()) {
            return report.path("unfixed");
        }
        ArrayNode unverified = JsonNodeFactory.instance.arrayNode();
        report.path("findings").forEach(finding -> {
            if ("UNVERIFIED".equals(text(finding, "severity", ""))) {
                unverified.add(finding);
            }
        });
        return unverified;
    }

    private static List<String> needsAPerson(JsonNode report) {
        List<String> lines = new ArrayList<>(findings(Readables.causeFirst(forAPerson(report), cause(report)), true));
        JsonNode failure = report.path("failure");
        if (failure.hasNonNull("missingIamAction")) {
            lines.add("The task's role lacks " + text(failure, "missingIamAction", "") + ": grant it (the task "
                    + "execution role for secrets, image pulls and logs)");
        }
        return lines;
    }

    private static List<String> nextSteps(String outcome, JsonNode report) {
        JsonNode task = report.path("task");
        String counts = task.hasNonNull("serviceName") ? "aws ecs describe-services --cluster " + text(task, "clusterArn", "")
                + " --services " + text(task, "serviceName", "") + " --query 'services[0].[runningCount,desiredCount]'" : null;
        List<String> steps = new ArrayList<>();
        switch (outcome) {
            case "REMEDIATED" -> {
                steps.add("Applied does not mean healed yet: a new endpoint takes a minute or more to become "
                        + "available, and ECS retries failed tasks with growing delays.");
                if ("QUEUED".equals(text(report.path("followUp"), "status", ""))) {
                    steps.add("A follow-up check looks at the endpoints and the service's running count at "
                            + text(report.path("followUp"), "checkAt", "a later time") + " and reports its verdict.");
                } else if (counts != null) {
                    steps.add("Check the service's running count in a few minutes: " + counts);
                }
            }
            case "PLANNED" -> {
                steps.add("Nothing was changed (DRY_RUN). Make the changes above by hand, or let the "
                        + "product make them: deploy with the parameter RemediationMode=REMEDIATE.");
                // What the follow-up would do about the failing service is a step, so a long report keeps it.
                if ("DRY_RUN".equals(text(report.path("followUp"), "status", ""))) {
                    steps.add(Readables.dryRunRecovery(report.path("followUp")));
                }
            }
            case "NOT_FIXABLE_BY_ENDPOINTS" -> {
                if (!report.path("failure").path("class").asText().matches("NETWORK|UNKNOWN|")) {
                    steps.add("The stop reason is not a missing endpoint: " + text(report.path("failure"), "explanation", ""));
                }
                steps.add("Make the changes under \"Needs a person\"; the next task that fails to start, or the next "
                        + "sweep, checks again and reports.");
            }
            case "FAILED" -> {
                JsonNode error = report.path("error");
                steps.add("ACCESS_DENIED".equals(text(error, "kind", ""))
                        ? "Grant " + text(error, "iamAction", "the action") + " to the function's role (template.yaml grants "
                                + "what the product calls), then deploy again; the next stopped task or sweep retries."
                        : "AWS refused " + text(error, "iamAction", "a call") + ": " + text(error, "message", ""));
            }
            default -> {
                // NOTHING_TO_DO and SKIPPED ask nothing of anybody.
            }
        }
        return steps;
    }

    /** The service the stop reason points at, if it names one. */
    private static String cause(JsonNode report) {
        return text(report.path("failure"), "service", null);
    }

    private static void add(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + value);
        }
    }
}
