package ecsvpce.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The account a report names: the event's own, else the function's; and when a task stopped. */
class OriginsTest {

    @Test
    void theEventsAccountComesFirstThenTheFunctionsArn() {
        Context context = invokedAs("arn:aws:lambda:eu-west-1:444455556666:function:stack-RemediateFunction-x:live");

        assertThat(Origins.account("111122223333", context)).isEqualTo("111122223333");
        assertThat(Origins.account(null, context)).isEqualTo("444455556666");
        assertThat(Origins.account("not-an-account", context)).isEqualTo("444455556666");
        assertThat(Origins.account(null, invokedAs("function:local"))).isNull();
        assertThat(Origins.account(null, null)).isNull();
    }

    @Test
    void theTaskStoppedWhenItsEventSays() {
        assertThat(Origins.stoppedAt(Map.of("stoppedAt", "2026-11-30T09:53:00.123Z"))).isEqualTo(Instant.parse("2026-11-30T09:53:00.123Z"));
        assertThat(Origins.stoppedAt(Map.of("stoppedAt", "yesterday"))).isNull();
        assertThat(Origins.stoppedAt(Map.of("stoppedAt", 42))).isNull();
        assertThat(Origins.stoppedAt(null)).isNull();
    }

    private static Context invokedAs(String arn) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getInvokedFunctionArn") ? arn : null);
    }
}
