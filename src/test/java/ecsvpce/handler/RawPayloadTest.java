package ecsvpce.handler;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.handler.RawPayload.Payload;
import ecsvpce.handler.RawPayload.Read;
import ecsvpce.handler.RawPayload.Unreadable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RawPayloadTest {

    @Test
    void anObjectIsReadIntoPlainValues() {
        Payload payload = RawPayload.parse("{\"a\": [1, \"x\", true, null], \"b\": {\"c\": 2.5}}");

        assertThat(payload).isInstanceOf(Read.class);
        Map<String, Object> object = ((Read) payload).object();
        assertThat(object.get("a")).isEqualTo(java.util.Arrays.asList(1, "x", true, null));
        assertThat(object.get("b")).isEqualTo(Map.of("c", 2.5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            true            | a boolean
            42              | a number
            "aws.ecs"       | a string
            [1, 2]          | an array
            """)
    void anyJsonValueIsRead(String json, String kind) {
        Read read = (Read) RawPayload.parse(json);

        assertThat(read.object()).isNull();
        assertThat(RawPayload.kindOf(read.value())).isEqualTo(kind);
    }

    @Test
    void nothingAndNullAreReadAsNull() {
        assertThat(RawPayload.parse("")).isEqualTo(new Read(null));
        assertThat(RawPayload.parse(" \n\t")).isEqualTo(new Read(null));
        assertThat(RawPayload.parse("null")).isEqualTo(new Read(null));
    }

    @Test
    void ofDuplicateKeysTheLastCounts() {
        assertThat(((Read) RawPayload.parse("{\"source\": \"aws.events\", \"source\": \"aws.ecs\"}")).object())
                .containsEntry("source", "aws.ecs");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"source": "aws.ecs"                 | Unexpected end-of-input
            {"source": aws.ecs}                  | Unrecognized token 'aws'
            {"a": 1} {"b": 2}                    | Trailing token
            """)
    void whatIsNoJsonIsUnreadableAndSaysWhereItBroke(String text, String why) {
        Payload payload = RawPayload.parse(text);

        assertThat(payload).isInstanceOfSatisfying(Unreadable.class, unreadable -> assertThat(unreadable.reason())
                .startsWith("the payload is not valid JSON: ").contains(why).contains("(line 1, column"));
    }

    @Test
    void nestingIsReadToSixtyFourLevelsAndNoFurther() {
        assertThat(RawPayload.parse("[".repeat(RawPayload.MAX_DEPTH) + "]".repeat(RawPayload.MAX_DEPTH)))
                .isInstanceOf(Read.class);

        assertThat(RawPayload.parse("[".repeat(RawPayload.MAX_DEPTH + 1) + "]".repeat(RawPayload.MAX_DEPTH + 1)))
                .isInstanceOfSatisfying(Unreadable.class, unreadable -> assertThat(unreadable.reason())
                        .startsWith("the payload is beyond what an event holds: ").contains("nesting depth"));
    }

    @Test
    void aPayloadLargerThanLambdaDeliversIsNotReadAtAll() throws IOException {
        byte[] atTheLimit = ("\"" + "x".repeat(RawPayload.MAX_BYTES - 2) + "\"").getBytes(StandardCharsets.UTF_8);
        byte[] overIt = ("[" + "1,".repeat(RawPayload.MAX_BYTES / 2) + "1]").getBytes(StandardCharsets.UTF_8);

        assertThat(RawPayload.read(new ByteArrayInputStream(atTheLimit))).isInstanceOf(Read.class);
        assertThat(RawPayload.read(new ByteArrayInputStream(overIt))).isEqualTo(new Unreadable(
                "the payload is larger than 6291456 bytes, Lambda's limit for one invocation"));
    }

    @Test
    void bytesThatAreNoUtf8AreUnreadable() {
        byte[] latin1 = "{\"source\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(RawPayload.parse(latin1)).isInstanceOfSatisfying(Unreadable.class, unreadable ->
                assertThat(unreadable.reason()).startsWith("the payload is not valid JSON: ").containsIgnoringCase("UTF-8"));
    }
}
