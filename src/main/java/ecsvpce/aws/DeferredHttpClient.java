package ecsvpce.aws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client made when it is first needed, or ahead of that on a thread of its own
 * ({@link #start()}): making one loads the JDK's HTTP and TLS settings, which can happen while the
 * SDK clients that will use it are being built. A request waits for it.
 */
final class DeferredHttpClient implements SdkHttpClient {
    private final Supplier<SdkHttpClient> make;
    private final String name;
    private final CompletableFuture<SdkHttpClient> made = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();

    /** @param name the client's name in the SDK's user agent, known without making it */
    DeferredHttpClient(String name, Supplier<SdkHttpClient> make) {
        this.name = name;
        this.make = make;
    }

    /** Makes the client on a thread of its own, if nothing has made it yet. */
    void start() {
        if (started.compareAndSet(false, true)) {
            Thread maker = new Thread(this::makeNow, "make-http-client");
            maker.setDaemon(true);
            maker.start();
        }
    }

    /** The client, made on this thread if nothing has started making it. */
    SdkHttpClient client() {
        if (started.compareAndSet(false, true)) {
            makeNow();
        }
        return made.join();
    }

    private void makeNow() {
        try {
            made.complete(make.get());
        } catch (RuntimeException | Error e) {
            made.completeExceptionally(e);
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return client().prepareRequest(request);
    }

    @Override
    public String clientName() {
        return name;
    }

    @Override
    public void close() {
        if (made.isDone() && !made.isCompletedExceptionally()) {
            made.join().close();
        }
    }
}
