package ecsvpce.handler;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the fields of a payload's plain values ({@link RawPayload}): absent is absent, and a field of
 * the wrong type is an {@link IllegalArgumentException} that names the field and what it must be.
 */
final class PayloadFields {
    private PayloadFields() {
    }

    /** A non-blank string, or null when absent or JSON null. */
    static String string(Map<String, Object> object, String key) {
        Object value = object.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(key + " must be a non-empty string");
        }
        return text.trim();
    }

    /** A list of non-blank strings; empty when absent. */
    static List<String> strings(Map<String, Object> object, String key) {
        Object value = object.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(i -> !(i instanceof String s) || s.isBlank())) {
            throw new IllegalArgumentException(key + " must be a list of non-empty strings");
        }
        return list.stream().map(item -> ((String) item).trim()).toList();
    }

    /** A JSON object, or null when absent or JSON null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> object, String key) {
        Object value = object.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(key + " must be an object");
        }
        return (Map<String, Object>) value;
    }

    /** A list of JSON objects; empty when absent. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Map<String, Object> object, String key) {
        Object value = object.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof Map<?, ?>))) {
            throw new IllegalArgumentException(key + " must be a list of objects");
        }
        return (List<Map<String, Object>>) value;
    }

    /** {@code true} or {@code false}, also as the strings CloudFormation passes; the default when absent. */
    static boolean bool(Map<String, Object> object, String key, boolean otherwise) {
        Object value = object.get(key);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(key + " must be true or false");
    }

    /** @throws IllegalArgumentException naming the first key that is not one of {@code allowed} */
    static void onlyKeys(Map<String, Object> object, Set<String> allowed, String what) {
        object.keySet().stream().filter(key -> !allowed.contains(key)).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("unknown key '" + key + "': " + what + " takes " + new TreeSet<>(allowed));
        });
    }
}
