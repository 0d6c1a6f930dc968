package ecsvpce.races;

import ecsvpce.support.CallRecorder;
import ecsvpce.support.fakeec2.FakeEc2;
import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Holds each invocation's first write until every party has reached its first write: all
 * invocations have then read the VPC as it was, and none has changed it (the worst case for
 * races). As an SDK interceptor, one instance per client (per invocation) sharing one barrier; as
 * a {@link FakeEc2} hook, one for all callers, each calling thread an invocation.
 */
final class WriteBarrier implements ExecutionInterceptor {
    private final CyclicBarrier barrier;
    private final Duration timeout;
    private volatile boolean passed;

    private WriteBarrier(CyclicBarrier barrier, Duration timeout) {
        this.barrier = barrier;
        this.timeout = timeout;
    }

    /** A factory of interceptors sharing one barrier of {@code parties}. */
    static Supplier<WriteBarrier> of(int parties, Duration timeout) {
        CyclicBarrier barrier = new CyclicBarrier(parties);
        return () -> new WriteBarrier(barrier, timeout);
    }

    /** The same for {@link FakeEc2}: each calling thread's first write waits for the others'. */
    static FakeEc2.Hook perThread(int parties, Duration timeout) {
        CyclicBarrier barrier = new CyclicBarrier(parties);
        ThreadLocal<Boolean> passed = ThreadLocal.withInitial(() -> false);
        return (operation, request) -> {
            if (!CallRecorder.isWrite(operation) || passed.get()) {
                return;
            }
            passed.set(true);
            await(barrier, timeout);
        };
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (passed || !CallRecorder.isWrite(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            return;
        }
        passed = true;
        await(barrier, timeout);
    }

    private static void await(CyclicBarrier barrier, Duration timeout) {
        try {
            barrier.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the write barrier", e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("not all " + barrier.getParties() + " invocations reached their first "
                    + "write within " + timeout + " (one wrote nothing?)", e);
        }
    }
}
