package ecsvpce.handler;

import ecsvpce.aws.AwsClients;
import ecsvpce.aws.AwsClients.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * A function's SDK clients, built when the first one is needed, all at once, each on its own thread,
 * with whatever else the first event will need started beside them: building a client is mostly
 * loading classes, which two cores do two at a time, so the EC2 client is ready by the time the ECS
 * reads that come first are done.
 */
final class SdkClients {
    private final Supplier<EcsClient> buildEcs;
    private final Supplier<Ec2Client> buildEc2;
    private final Supplier<Route53Client> buildRoute53;
    private final Runnable alongside;
    private CompletableFuture<EcsClient> ecs;
    private CompletableFuture<Ec2Client> ec2;
    private CompletableFuture<Route53Client> route53;

    /**
     * @param alongside run once the ECS client (the first one an event needs) is built, on the same
     *                  thread; nobody waits for it
     */
    SdkClients(Supplier<EcsClient> buildEcs, Supplier<Ec2Client> buildEc2, Supplier<Route53Client> buildRoute53,
               Runnable alongside) {
        this.buildEcs = buildEcs;
        this.buildEc2 = buildEc2;
        this.buildRoute53 = buildRoute53;
        this.alongside = alongside;
    }

    /** The clients of this connection, without interceptors; its HTTP client is made beside them. */
    static SdkClients of(Connection connection, Runnable alongside) {
        return new SdkClients(() -> {
            connection.prepare();
            return AwsClients.ecs(List.of(), connection);
        }, () -> AwsClients.ec2(List.of(), connection), () -> AwsClients.route53(List.of(), connection), alongside);
    }

    EcsClient ecs() {
        start();
        return join(ecs);
    }

    Ec2Client ec2() {
        start();
        return join(ec2);
    }

    Route53Client route53() {
        start();
        return join(route53);
    }

    /** Builds every client now (before a snapshot); makes no request. */
    void buildAll() {
        ecs();
        ec2();
        route53();
    }

    private synchronized void start() {
        if (ecs == null) {
            ecs = build("ecs-client", buildEcs, alongside);
            ec2 = build("ec2-client", buildEc2, () -> { });
            route53 = build("route53-client", buildRoute53, () -> { });
        }
    }

    /** @param afterwards run on the same thread once the client is built (or failed) */
    private static <T> CompletableFuture<T> build(String name, Supplier<T> client, Runnable afterwards) {
        CompletableFuture<T> built = new CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try {
                built.complete(client.get());
            } catch (RuntimeException | Error e) {
                built.completeExceptionally(e);
            }
            afterwards.run();
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
