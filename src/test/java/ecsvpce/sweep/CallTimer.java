package ecsvpce.sweep;

import ecsvpce.support.CallRecorder;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** How long each AWS call took, from the SDK's first to its last step (retries included), by IAM action. */
final class CallTimer implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("CallTimer.started");

    /** Calls and their summed duration. */
    record Total(long calls, long nanos) {
        double meanMillis() {
            return calls == 0 ? 0 : nanos / 1e6 / calls;
        }
    }

    private final Map<String, LongAdder[]> totals = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    private void record(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (started == null) {
            return;
        }
        String action = CallRecorder.iamAction(attributes);
        LongAdder[] total = totals.computeIfAbsent(action, a -> new LongAdder[] {new LongAdder(), new LongAdder()});
        total[0].increment();
        total[1].add(System.nanoTime() - started);
    }

    Map<String, Total> totals() {
        Map<String, Total> copy = new TreeMap<>();
        totals.forEach((action, t) -> copy.put(action, new Total(t[0].sum(), t[1].sum())));
        return copy;
    }

    void clear() {
        totals.clear();
    }
}
