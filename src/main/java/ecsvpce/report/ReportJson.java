package ecsvpce.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import ecsvpce.core.EndpointService;
import ecsvpce.core.failure.Redaction;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns a report into what the handler returns (a map, so every runtime serializer copes) and logs.
 * Every text of the map, whatever field it is in, goes through {@link Redaction} first, so what is
 * returned (printed by {@code sam local invoke}, sent to async destinations) and what is logged
 * are the same and carry no presigned URL credentials. A text longer than {@link #TEXT_LIMIT}
 * (only an event can make one, e.g. a 300 KB field quoted in a skip reason) is cut, so the log line
 * stays one CloudWatch Logs event (256 KB at most).
 */
public final class ReportJson {
    /** Characters of one text kept in a report; ECS's own texts (stop reasons, ARNs) are far shorter. */
    static final int TEXT_LIMIT = 2_048;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // Only record components: derived helpers such as Finding.isBlocking() stay out.
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            // Services read as AWS names them: ecr.dkr, not ECR_DKR.
            .addModule(new SimpleModule().addSerializer(EndpointService.class, ToStringSerializer.instance))
            .build();

    private ReportJson() {
    }

    /**
     * The report as a map, presigned URL credentials redacted and every account id but
     * {@code ownAccounts} masked in each text.
     */
    public static Map<String, Object> toMap(TaskReport report, Set<String> ownAccounts) {
        return clean(asMap(report), text -> Redaction.forReport(text, ownAccounts));
    }

    /**
     * The report as a map, presigned URL credentials redacted; account ids are left as they are: a
     * sweep's report names the function's own fleet, and no event tells which account that is.
     */
    public static Map<String, Object> toMap(SweepReport report) {
        return clean(asMap(report), Redaction::redact);
    }

    /** The report as a map, presigned URL credentials redacted; like a sweep's, it is about the function's own account. */
    public static Map<String, Object> toMap(VerificationReport report) {
        return clean(asMap(report), Redaction::redact);
    }

    /** The report as a map, presigned URL credentials redacted; it is about the caller's own account. */
    public static Map<String, Object> toMap(CheckReport report) {
        return clean(asMap(report), Redaction::redact);
    }

    private static Map<String, Object> asMap(Object report) {
        return MAPPER.convertValue(report, new TypeReference<Map<String, Object>>() { });
    }

    /** One JSON line, so CloudWatch Logs Insights sees each field. */
    public static void log(Map<String, Object> report, PrintStream out) {
        try {
            out.println(MAPPER.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report is always serialisable", e);
        }
    }

    private static Map<String, Object> clean(Map<?, ?> map, UnaryOperator<String> text) {
        Map<String, Object> cleaned = new LinkedHashMap<>();
        map.forEach((key, value) -> cleaned.put(String.valueOf(key), cleanValue(value, text)));
        return cleaned;
    }

    private static String cut(String text) {
        return text.length() <= TEXT_LIMIT ? text
                : text.substring(0, TEXT_LIMIT) + "... (" + (text.length() - TEXT_LIMIT) + " more characters)";
    }

    private static Object cleanValue(Object value, UnaryOperator<String> text) {
        if (value instanceof String string) {
            return cut(text.apply(string));
        }
        if (value instanceof Map<?, ?> map) {
            return clean(map, text);
        }
        if (value instanceof List<?> list) {
            List<Object> cleaned = new ArrayList<>(list.size());
            list.forEach(item -> cleaned.add(cleanValue(item, text)));
            return cleaned;
        }
        return value;
    }
}
