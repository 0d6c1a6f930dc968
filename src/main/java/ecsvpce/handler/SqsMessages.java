package ecsvpce.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The message bodies of an SQS event ({@code {"Records": [{"body": "..."}, ...]}}), read leniently:
 * a payload of any other shape gives no bodies and the reason.
 */
final class SqsMessages {
    private SqsMessages() {
    }

    /** The bodies, or why the payload is not an SQS event. */
    record Read(List<String> bodies, Optional<String> notSqs) {
    }

    static Read read(Map<String, Object> payload) {
        Object records = payload == null ? null : payload.get("Records");
        if (!(records instanceof List<?> list) || list.isEmpty()) {
            return new Read(List.of(), Optional.of("not an SQS event: no \"Records\""));
        }
        List<String> bodies = new ArrayList<>();
        for (Object record : list) {
            if (!(record instanceof Map<?, ?> map) || !(map.get("body") instanceof String body)) {
                return new Read(List.of(), Optional.of("not an SQS event: a record without a text \"body\""));
            }
            bodies.add(body);
        }
        return new Read(bodies, Optional.empty());
    }
}
