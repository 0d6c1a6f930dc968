package ecsvpce.handler;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * A port whose adapter (and so the SDK client behind it) is made at the first call, not when the
 * use case is wired: an event that is skipped before any AWS call builds no client at all.
 */
final class LazyPort<T> implements InvocationHandler {
    private final Class<T> port;
    private final Supplier<? extends T> adapter;
    private volatile T made;

    private LazyPort(Class<T> port, Supplier<? extends T> adapter) {
        this.port = port;
        this.adapter = adapter;
    }

    static <T> T of(Class<T> port, Supplier<? extends T> adapter) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, new LazyPort<>(port, adapter)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "lazy " + port.getSimpleName();
            };
        }
        try {
            return method.invoke(adapter(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private T adapter() {
        T current = made;
        if (current == null) {
            synchronized (this) {
                if (made == null) {
                    made = adapter.get();
                }
                current = made;
            }
        }
        return current;
    }
}
