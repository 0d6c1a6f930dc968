package ecsvpce.aws;

import ecsvpce.app.port.Incident;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An incident as a DynamoDB item, and back (docs/ledger.md, "Items"). Reading is strict: an item of
 * another format version, or with a field missing or of the wrong type, is refused with the reason, and
 * the caller skips it.
 */
final class IncidentItems {
    /** The item format; an item of another version is skipped, never misread. */
    static final int FORMAT = 1;
    static final String OPEN = "OPEN";

    private IncidentItems() {
    }

    static String partition(String vpcId) {
        return "VPC#" + vpcId;
    }

    /** The largest number a sort key holds (six digits). */
    static final int LAST_SEQUENCE = 999_999;

    static String sortKey(int sequence) {
        return String.format("INCIDENT#%06d", sequence);
    }

    /** The number in a sort key, 0 when it is not an incident's. */
    static int sequence(String sortKey) {
        try {
            return sortKey != null && sortKey.startsWith("INCIDENT#") ? Integer.parseInt(sortKey.substring(9)) : 0;
        } catch (NumberFormatException notOurs) {
            return 0;
        }
    }

    /** Where the listing index files it: with the open ones, or with the closed ones of its month. */
    static String listing(Incident incident) {
        return incident.open() ? OPEN : "CLOSED#" + incident.month();
    }

    static Map<String, AttributeValue> item(Incident incident, Instant expiresAt) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(partition(incident.vpcId())));
        item.put("sk", s(sortKey(incident.sequence())));
        item.put("v", n(FORMAT));
        item.put("listing", s(listing(incident)));
        item.put("vpcId", s(incident.vpcId()));
        item.put("sequence", n(incident.sequence()));
        item.put("revision", n(incident.revision()));
        item.put("open", AttributeValue.fromBool(incident.open()));
        put(item, "trigger", incident.trigger());
        put(item, "mode", incident.mode());
        item.put("firstFailureAt", s(incident.firstFailureAt().toString()));
        item.put("lastEventAt", s(incident.lastEventAt().toString()));
        put(item, "fixAppliedAt", incident.fixAppliedAt());
        put(item, "healedAt", incident.healedAt());
        put(item, "closedBy", incident.closedBy());
        incident.recoverySeconds().ifPresent(seconds -> item.put("recoverySeconds", n(seconds)));
        item.put("failedStarts", n(incident.failedStarts()));
        item.put("workloads", list(incident.workloads()));
        item.put("findings", list(incident.findings()));
        List<AttributeValue> actions = new ArrayList<>();
        for (Incident.Change change : incident.actions()) {
            Map<String, AttributeValue> action = new LinkedHashMap<>();
            action.put("type", s(change.type()));
            put(action, "resourceId", change.resourceId());
            put(action, "description", change.description());
            action.put("monthlyCostUsd", AttributeValue.fromN(change.monthlyCostUsd().toPlainString()));
            actions.add(AttributeValue.fromM(action));
        }
        item.put("actions", AttributeValue.fromL(actions));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        return item;
    }

    /** @throws IllegalArgumentException saying why the item is not an incident this version reads */
    static Incident incident(Map<String, AttributeValue> item) {
        if (!String.valueOf(FORMAT).equals(number(item, "v"))) {
            throw new IllegalArgumentException("format " + (item.containsKey("v") ? item.get("v").n() : "none")
                    + ", this version reads " + FORMAT);
        }
        try {
            List<Incident.Change> actions = new ArrayList<>();
            for (AttributeValue action : required(item, "actions").l()) {
                Map<String, AttributeValue> change = action.m();
                actions.add(new Incident.Change(text(change, "type", true), text(change, "resourceId", false),
                        text(change, "description", false), new BigDecimal(number(change, "monthlyCostUsd"))));
            }
            return new Incident(text(item, "vpcId", true), Integer.parseInt(number(item, "sequence")),
                    Integer.parseInt(number(item, "revision")), required(item, "open").bool(),
                    text(item, "trigger", false), text(item, "mode", false), time(item, "firstFailureAt", true),
                    time(item, "lastEventAt", true), time(item, "fixAppliedAt", false), time(item, "healedAt", false),
                    text(item, "closedBy", false), Integer.parseInt(number(item, "failedStarts")),
                    texts(item, "workloads"), texts(item, "findings"), actions);
        } catch (RuntimeException damaged) {
            throw new IllegalArgumentException("damaged: " + damaged.getMessage(), damaged);
        }
    }

    private static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }

    private static String number(Map<String, AttributeValue> item, String name) {
        String number = item.get(name) == null ? null : item.get(name).n();
        if (number == null) {
            throw new IllegalArgumentException(name + " is not a number");
        }
        return number;
    }

    private static String text(Map<String, AttributeValue> item, String name, boolean required) {
        AttributeValue value = item.get(name);
        if (value == null && !required) {
            return null;
        }
        if (value == null || value.s() == null) {
            throw new IllegalArgumentException(name + " is not a string");
        }
        return value.s();
    }

    private static Instant time(Map<String, AttributeValue> item, String name, boolean required) {
        String text = text(item, name, required);
        return text == null ? null : Instant.parse(text);
    }

    private static List<String> texts(Map<String, AttributeValue> item, String name) {
        List<String> texts = new ArrayList<>();
        for (AttributeValue value : required(item, name).l()) {
            if (value.s() == null) {
                throw new IllegalArgumentException(name + " holds a value that is not a string");
            }
            texts.add(value.s());
        }
        return texts;
    }

    private static void put(Map<String, AttributeValue> item, String name, Object value) {
        if (value != null) {
            item.put(name, s(value.toString()));
        }
    }

    private static AttributeValue list(List<String> texts) {
        return AttributeValue.fromL(texts.stream().map(IncidentItems::s).toList());
    }

    static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }

    static AttributeValue n(long number) {
        return AttributeValue.fromN(Long.toString(number));
    }
}
