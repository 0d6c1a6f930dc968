package ecsvpce.handler;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An invocation's payload exactly as Lambda delivers it, read into plain values ({@code Map},
 * {@code List}, {@code String}, {@code Number}, {@code Boolean}, {@code null}) within limits. It never
 * throws for what the payload holds: whatever cannot be read comes back as {@link Unreadable} with
 * the reason, so every payload gets a report. JSON carried inside JSON (an SQS record's body) is read
 * the same way with {@link #parse(String)}.
 */
final class RawPayload {
    /** Lambda's own limit on an invocation's payload (synchronous invocations; asynchronous ones are smaller). */
    static final int MAX_BYTES = 6 * 1024 * 1024;
    /** An ECS task state change nests about six levels deep; nothing legitimate comes near this. */
    static final int MAX_DEPTH = 64;

    private static final ObjectMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RawPayload() {
    }

    /** What a payload held: read, or why it could not be. */
    sealed interface Payload permits Read, Unreadable {
    }

    /** @param value a plain value; {@code null} for JSON {@code null} and for an empty payload */
    record Read(Object value) implements Payload {
        /** The value as a JSON object, or null when it is something else. */
        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        }
    }

    /** @param reason why, in a sentence that starts with "the payload" */
    record Unreadable(String reason) implements Payload {
    }

    static Payload read(InputStream input) throws IOException {
        byte[] bytes = input.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return new Unreadable("the payload is larger than " + MAX_BYTES + " bytes, Lambda's limit for one invocation");
        }
        return parse(bytes);
    }

    static Payload parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static Payload parse(byte[] bytes) {
        if (isBlank(bytes)) {
            return new Read(null);
        }
        try {
            return new Read(READER.readValue(bytes, Object.class));
        } catch (StreamConstraintsException tooMuch) {
            return new Unreadable("the payload is beyond what an event holds: " + tooMuch.getOriginalMessage());
        } catch (JsonProcessingException notJson) {
            return new Unreadable("the payload is not valid JSON: " + notJson.getOriginalMessage()
                    + (notJson.getLocation() == null ? ""
                    : " (line " + notJson.getLocation().getLineNr() + ", column " + notJson.getLocation().getColumnNr() + ")"));
        } catch (IOException impossible) {
            throw new IllegalStateException("reading bytes in memory does no I/O", impossible);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** What kind of JSON value a plain value is, for a report that says why it was not an object. */
    static String kindOf(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return value instanceof Number ? "a number" : "an object";
    }
}
