package ecsvpce.template;

import static ecsvpce.template.SamTemplate.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading CloudFormation values (maps, lists, intrinsic functions) as the tests need them. */
final class TemplateValues {
    private TemplateValues() {
    }

    /** A function's properties with {@code Globals.Function} applied the way SAM applies them. */
    static Map<String, Object> mergedProperties(SamTemplate sam, String function) {
        return map(merge(sam.functionGlobals(), sam.properties(function)), function);
    }

    /** SAM's rule: maps merge key by key, lists concatenate (globals first), anything else the function's wins. */
    private static Object merge(Object global, Object local) {
        if (isPlainMap(global) && isPlainMap(local)) {
            Map<String, Object> result = new LinkedHashMap<>(map(global, "global"));
            map(local, "local").forEach((key, value) -> result.merge(key, value, TemplateValues::merge));
            return result;
        }
        if (global instanceof List<?> globals && local instanceof List<?> locals) {
            List<Object> result = new ArrayList<>(globals);
            result.addAll(locals);
            return result;
        }
        return local;
    }

    /** A map that is not an intrinsic function ({@code Ref}, {@code Fn::If}, ...). */
    private static boolean isPlainMap(Object value) {
        return value instanceof Map<?, ?> m && m.keySet().stream()
                .noneMatch(k -> k.equals("Ref") || k.equals("Condition") || String.valueOf(k).startsWith("Fn::"));
    }

    static Map<String, Object> optionalMap(Object value) {
        return value == null ? Map.of() : map(value, String.valueOf(value));
    }

    /** A value as a list: a scalar becomes a one-element list, nothing an empty one. */
    static List<Object> list(Object value) {
        return value == null ? List.of() : value instanceof List<?> l ? List.copyOf(l) : List.of(value);
    }

    /** Every string inside a value (map values and list elements, not map keys). */
    static List<String> strings(Object value) {
        List<String> found = new ArrayList<>();
        if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> found.addAll(strings(v)));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> found.addAll(strings(v)));
        } else if (value instanceof String s) {
            found.add(s);
        }
        return found;
    }

    static Map<String, Object> ref(String target) {
        return Map.of("Ref", target);
    }
}
