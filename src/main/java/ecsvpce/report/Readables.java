package ecsvpce.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a report's JSON form (task, sweep or follow-up check) into a {@link Readable}, and holds
 * what the three kinds share: the subject line, the origin, findings, actions and what became of
 * the notification and the follow-up check.
 */
public final class Readables {
    /** SNS refuses a subject of 100 characters or more. */
    static final int SUBJECT_LIMIT = 99;
    /**
     * Lines of one list shown before "... and N more": the whole list is in the log line. Changes and
     * findings are never cut here: every one is shown (the chat form fits them to its own limit).
     */
    static final int LIST_LIMIT = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Readables() {
    }

    /** @param report a report's JSON form (task, sweep, follow-up check or check before a deploy), already redacted */
    public static Readable of(Map<String, Object> report) {
        JsonNode node = JSON.valueToTree(report);
        if (node.has("cannotTell")) {
            return CheckReadable.of(node);
        }
        Readable readable = node.has("verdict") ? VerificationReadable.of(node)
                : node.has("outcome") ? TaskReadable.of(node) : SweepReadable.of(node);
        return RecordSections.with(readable, node);
    }

    /** {@code LABEL what (account Region)}, printable, under {@link #SUBJECT_LIMIT} characters. */
    static String subject(String label, String what, JsonNode report) {
        String where = " (" + text(report, "account", "account unknown") + " " + text(report, "region", "Region unknown") + ")";
        String head = printable(label + (what == null || what.isBlank() ? "" : " " + what));
        int room = SUBJECT_LIMIT - where.length();
        return (head.length() <= room ? head : head.substring(0, Math.max(0, room - 3)) + "...") + where;
    }

    /** {@code LABEL: summary}, without saying the label twice when the summary starts with it. */
    static String headline(String label, JsonNode report) {
        String summary = text(report, "summary", "");
        String said = label.toLowerCase(Locale.ROOT).replace('_', ' ') + ": ";
        return label + ": " + (summary.startsWith(said) ? summary.substring(said.length()) : summary);
    }

    static String origin(JsonNode report) {
        return "Account " + text(report, "account", "unknown") + ", Region " + text(report, "region", "unknown")
                + (report.has("mode") ? ", mode " + text(report, "mode", "") : "");
    }

    static Map<String, String> labels(String label, JsonNode report) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("outcome", label);
        labels.put("account", text(report, "account", null));
        labels.put("region", text(report, "region", null));
        labels.values().removeIf(value -> value == null || value.isBlank());
        return labels;
    }

    static List<String> findings(JsonNode findings) {
        return findings(findings, false);
    }

    /** @param withChanges each followed by the exact change a person makes ({@code fix}), when it has one */
    static List<String> findings(JsonNode findings, boolean withChanges) {
        List<String> lines = new ArrayList<>();
        for (JsonNode finding : findings) {
            String explanation = text(finding, "explanation", "");
            String resource = text(finding, "resourceId", "");
            // The resource is named once: in parentheses only when the explanation does not name it (no
            // resource, "", is in every explanation).
            lines.add(text(finding, "severity", "") + " " + text(finding, "code", "")
                    + (finding.hasNonNull("service") ? " " + text(finding, "service", "") : "")
                    + (explanation.contains(resource) ? "" : " (" + resource + ")") + ": "
                    + explanation
                    + (withChanges && finding.hasNonNull("fix") ? "\n    change: " + text(finding, "fix", "") : ""));
        }
        return lines;
    }

    static List<String> actions(JsonNode actions) {
        List<String> lines = new ArrayList<>();
        for (JsonNode action : actions) {
            BigDecimal cost = action.path("monthlyCostUsd").decimalValue();
            lines.add(text(action, "status", "") + " " + (action.hasNonNull("resourceId") ? text(action, "resourceId", "") + " " : "")
                    + text(action, "description", "") + (cost.signum() > 0 ? " (" + usd(cost) + " USD a month)" : ""));
        }
        return lines;
    }

    /** What became of the follow-up check(s) and of the notification, when the report says. */
    static List<String> delivery(JsonNode report) {
        List<String> lines = new ArrayList<>();
        List<JsonNode> followUps = new ArrayList<>();
        report.path("followUps").forEach(followUps::add);
        if (report.has("followUp")) {
            followUps.add(report.path("followUp"));
        }
        for (JsonNode followUp : followUps) {
            lines.add(switch (text(followUp, "status", "")) {
                case "QUEUED" -> "Follow-up check " + text(followUp, "check", "1") + " of " + text(followUp, "vpcId", "the VPC")
                        + " queued for " + text(followUp, "checkAt", "later");
                case "NOT_CONFIGURED" -> "No follow-up check: VERIFY_QUEUE_URL is not set";
                case "DRY_RUN" -> "No follow-up check (dry run): the next steps say which services it would deploy again";
                default -> "The follow-up check could not be queued: " + text(followUp, "error", "unknown error");
            });
        }
        JsonNode notification = report.path("notification");
        switch (text(notification, "status", "")) {
            case "SENT" -> lines.add("Notified (message " + text(notification, "messageId", "") + ")");
            case "ALREADY_SENT" -> lines.add("Not notified again: the same was sent at " + text(notification, "sentAt", "")
                    + " (one message per outcome, not one per event)");
            case "NOT_CONFIGURED" -> lines.add("No notification: NOTIFICATION_TOPIC_ARN is not set");
            case "FAILED" -> lines.add("The notification failed: " + text(notification, "error", "unknown error"));
            default -> {
                // NOT_NEEDED (skips, nothing to do) or not dispatched: nothing to say.
            }
        }
        return lines;
    }

    /**
     * The findings or actions about {@code service} (the one the stop reason points at) first, the rest in
     * their order: the cause of the failure is what a reader looks for. A finding names its service; an
     * action says it in its description ({@code create secretsmanager interface endpoint ...}).
     */
    static JsonNode causeFirst(JsonNode items, String service) {
        if (service == null || service.isBlank()) {
            return items;
        }
        ArrayNode cause = JsonNodeFactory.instance.arrayNode();
        ArrayNode rest = JsonNodeFactory.instance.arrayNode();
        String word = " " + service + " ";
        items.forEach(item -> (service.equals(text(item, "service", null))
                || (" " + text(item, "description", "") + " ").contains(word) ? cause : rest).add(item));
        return cause.addAll(rest);
    }

    /** What a dry run's follow-up would do about the services that failed to start, and what a person runs instead. */
    static String dryRunRecovery(JsonNode followUp) {
        List<String> names = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        followUp.path("wouldRecover").forEach(service -> {
            names.add(text(service, "serviceName", ""));
            commands.add(text(service, "command", ""));
        });
        return "Dry run, no follow-up check: with these changes applied and their endpoints available, "
                + (followUp.path("recoverServices").asBoolean(true) ? "the check would start one new deployment of "
                + String.join(", ", names) : "RECOVER_SERVICES is false, so nothing would redeploy " + String.join(", ", names))
                + ". After applying them by hand, take " + (names.size() == 1 ? "it" : "them") + " out of ECS's back-off: "
                + String.join("; ", commands);
    }

    static List<String> texts(JsonNode list) {
        List<String> lines = new ArrayList<>();
        list.forEach(item -> lines.add(item.asText()));
        return capped(lines);
    }

    static List<String> capped(List<String> lines) {
        if (lines.size() <= LIST_LIMIT) {
            return lines;
        }
        List<String> shown = new ArrayList<>(lines.subList(0, LIST_LIMIT));
        shown.add("... and " + (lines.size() - LIST_LIMIT) + " more (the whole list is in the function's log)");
        return shown;
    }

    static String usd(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? otherwise : value.asText();
    }

    /** The last part of an ARN ({@code task/cluster/ID} gives {@code ID}), for short mentions. */
    static String lastPart(String arn) {
        return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static String printable(String text) {
        return text.replaceAll("[\\p{Cntrl}]", " ");
    }
}
