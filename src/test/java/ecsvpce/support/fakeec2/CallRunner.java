package ecsvpce.support.fakeec2;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * Runs each call of the fake: first the test's hooks, on the caller's thread and outside the lock
 * (so a hook can hold a caller, or make another caller's change, before the call lands); then the
 * operation under the fake's one lock, so each is one atomic check-then-act; then logs how it ended.
 */
final class CallRunner {
    private final Object lock;
    private final List<FakeEc2.Hook> hooks = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Boolean> hooksOff = ThreadLocal.withInitial(() -> false);
    private final List<FakeEc2.Call> log = new CopyOnWriteArrayList<>();

    CallRunner(Object lock) {
        this.lock = lock;
    }

    void addHook(FakeEc2.Hook hook) {
        hooks.add(hook);
    }

    /** Runs calls that no hook sees (they are still logged). */
    <T> T withoutHooks(Supplier<T> calls) {
        boolean was = hooksOff.get();
        hooksOff.set(true);
        try {
            return calls.get();
        } finally {
            hooksOff.set(was);
        }
    }

    <T> T run(String operation, SdkRequest request, Supplier<T> body) {
        if (!hooksOff.get()) {
            for (FakeEc2.Hook hook : hooks) {
                hook.before(operation, request);
            }
        }
        try {
            T result;
            synchronized (lock) {
                result = body.get();
            }
            log.add(new FakeEc2.Call(operation, Thread.currentThread().getName(), null));
            return result;
        } catch (Ec2Exception e) {
            log.add(new FakeEc2.Call(operation, Thread.currentThread().getName(), e.awsErrorDetails().errorCode()));
            throw e;
        }
    }

    /** Every call so far, in the order they ended. */
    List<FakeEc2.Call> log() {
        return List.copyOf(log);
    }
}
