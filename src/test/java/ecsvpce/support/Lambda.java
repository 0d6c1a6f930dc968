package ecsvpce.support;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Calls a function as the Lambda runtime does: the payload's bytes in, the response's bytes out
 * (read back as the JSON object every report is). What the handler throws is thrown.
 */
public final class Lambda {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Lambda() {
    }

    public static Map<String, Object> invoke(RequestStreamHandler function, String payload) {
        return invoke(function, payload, null);
    }

    public static Map<String, Object> invoke(RequestStreamHandler function, String payload, Context context) {
        return parse(call(function, payload.getBytes(StandardCharsets.UTF_8), context));
    }

    /** The payload as JSON text: what an event source would send for this structure. */
    public static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response's bytes, whatever they are. */
    public static byte[] call(RequestStreamHandler function, byte[] payload, Context context) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            function.handleRequest(new ByteArrayInputStream(payload), response, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response.toByteArray();
    }

    public static Map<String, Object> parse(byte[] response) {
        try {
            return JSON.readValue(response, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new AssertionError("the response is no JSON object: " + new String(response, StandardCharsets.UTF_8), e);
        }
    }

    /** A payload file of the repository (events/...). */
    public static String file(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
