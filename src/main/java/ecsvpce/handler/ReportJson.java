package ecsvpce.handler;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import ecsvpce.core.EndpointService;
import java.io.PrintStream;
import java.util.Map;

/** Turns a report into what the handler returns (a map, so every runtime serializer copes) and logs. */
final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // Only record components: derived helpers such as Finding.isBlocking() stay out.
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            // Services read as AWS names them: ecr.dkr, not ECR_DKR.
            .registerModule(new SimpleModule().addSerializer(EndpointService.class, ToStringSerializer.instance));

    private ReportJson() {
    }

    static Map<String, Object> toMap(Object report) {
        return MAPPER.convertValue(report, new TypeReference<Map<String, Object>>() { });
    }

    /** One JSON line, so CloudWatch Logs Insights sees each field. */
    static void log(Map<String, Object> report, PrintStream out) {
        try {
            out.println(MAPPER.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report is always serialisable", e);
        }
    }
}
