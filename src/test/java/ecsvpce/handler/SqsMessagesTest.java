package ecsvpce.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bodies of an SQS event, and why a payload of another shape is none. */
class SqsMessagesTest {

    @Test
    void theBodiesOfEveryRecordInOrder() {
        SqsMessages.Read read = SqsMessages.read(Map.of("Records", List.of(Map.of("body", "one", "messageId", "1"),
                Map.of("body", "two"))));

        assertThat(read.bodies()).containsExactly("one", "two");
        assertThat(read.notSqs()).isEmpty();
    }

    @Test
    void anyOtherShapeIsNotAnSqsEventAndSaysWhy() {
        assertThat(SqsMessages.read(null).notSqs()).contains("not an SQS event: no \"Records\"");
        assertThat(SqsMessages.read(Map.of("Records", "x")).notSqs()).contains("not an SQS event: no \"Records\"");
        assertThat(SqsMessages.read(Map.of("Records", List.of(Map.of("body", 7)))).notSqs())
                .contains("not an SQS event: a record without a text \"body\"");
        assertThat(SqsMessages.read(Map.of("Records", List.of("x"))).bodies()).isEmpty();
    }
}
