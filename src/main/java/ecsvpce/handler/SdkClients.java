package ecsvpce.handler;

import ecsvpce.aws.AwsClients;
import ecsvpce.aws.AwsClients.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * A function's SDK clients, built when the first one is needed, all at once, each on its own thread:
 * building a client is mostly loading classes, which two cores do two at a time, so the EC2 client
 * is ready by the time the ECS reads that come first are done.
 */
final class SdkClients {
    private final Supplier<EcsClient> buildEcs;
    private final Supplier<Ec2Client> buildEc2;
    private CompletableFuture<EcsClient> ecs;
    private CompletableFuture<Ec2Client> ec2;

    SdkClients(Supplier<EcsClient> buildEcs, Supplier<Ec2Client> buildEc2) {
        this.buildEcs = buildEcs;
        this.buildEc2 = buildEc2;
    }

    /** The clients of this connection, without interceptors. */
    static SdkClients of(Connection connection) {
        return new SdkClients(() -> AwsClients.ecs(List.of(), connection), () -> AwsClients.ec2(List.of(), connection));
    }

    EcsClient ecs() {
        start();
        return join(ecs);
    }

    Ec2Client ec2() {
        start();
        return join(ec2);
    }

    /** Builds every client now (before a snapshot); makes no request. */
    void buildAll() {
        ecs();
        ec2();
    }

    private synchronized void start() {
        if (ecs == null) {
            ecs = build("ecs-client", buildEcs);
            ec2 = build("ec2-client", buildEc2);
        }
    }

    private static <T> CompletableFuture<T> build(String name, Supplier<T> client) {
        CompletableFuture<T> built = new CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try {
                built.complete(client.get());
            } catch (RuntimeException | Error e) {
                built.completeExceptionally(e);
            }
        }, "build-" + name);
        builder.setDaemon(true);
        builder.start();
        return built;
    }

    private static <T> T join(CompletableFuture<T> client) {
        try {
            return client.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
