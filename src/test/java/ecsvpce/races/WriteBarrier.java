package ecsvpce.races;

import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Holds each client's first write until every party's client has reached its first write: all
 * invocations have then read the VPC as it was, and none has changed it (the worst case for
 * races). One instance per client (per invocation), sharing one barrier.
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
    static java.util.function.Supplier<WriteBarrier> of(int parties, Duration timeout) {
        CyclicBarrier barrier = new CyclicBarrier(parties);
        return () -> new WriteBarrier(barrier, timeout);
    }

    static boolean isWrite(String operation) {
        return operation.startsWith("Create") || operation.startsWith("Modify") || operation.startsWith("Authorize")
                || operation.startsWith("Delete") || operation.startsWith("Revoke");
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (passed || !isWrite(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            return;
        }
        passed = true;
        try {
            barrier.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the write barrier", e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("not every invocation reached its first write within " + timeout, e);
        }
    }
}
