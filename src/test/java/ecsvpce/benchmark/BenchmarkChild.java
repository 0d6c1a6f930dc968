package ecsvpce.benchmark;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import ecsvpce.handler.CheckpointHooks;
import ecsvpce.handler.RemediateFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * One fresh JVM of {@code scripts/benchmark}, as Lambda starts one per execution environment. Its
 * findings go to stdout as marker lines ({@code DONE}, {@code REPORT json}, {@code CPU ms} (the
 * process's CPU time up to its answer), {@code PRIMED ms}, {@code FIRST ms}, {@code WARM ms,...},
 * {@code VMHWM kB}); what the function logs goes to stderr.
 * The modes:
 * <ul>
 *   <li>{@code floor CLUSTER TASK DEFINITION SUBNET VPC}: the least any Java program on this SDK does
 *   for the same answer: build the EC2 and ECS clients (URL connection, static region and keys) and
 *   make six reads, one after the other;</li>
 *   <li>{@code cold EVENT_FILE}: RemediateFunction as the Lambda runtime starts it, one event;</li>
 *   <li>{@code primed EVENT_FILE N}: the same, primed as before a SnapStart snapshot, then the event
 *   once (what a restored function serves first) and N more times (warm).</li>
 * </ul>
 */
public final class BenchmarkChild {
    private BenchmarkChild() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        System.setOut(System.err);
        switch (args[0]) {
            case "floor" -> floor(out, args[1], args[2], args[3], args[4], args[5]);
            case "cold" -> {
                String report = invoke(new RemediateFunction(), Files.readAllBytes(Path.of(args[1])));
                out.println("CPU " + cpuMillis());
                out.println("REPORT " + report);
            }
            case "primed" -> primed(out, Files.readAllBytes(Path.of(args[1])), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("no mode " + args[0]);
        }
        out.println("VMHWM " + peakRssKb());
        out.flush();
    }

    private static void floor(PrintStream out, String cluster, String task, String definition, String subnet, String vpc) {
        SdkHttpClient http = UrlConnectionHttpClient.create();
        Region region = Region.of(System.getenv("AWS_REGION"));
        StaticCredentialsProvider keys = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY")));
        try (EcsClient ecs = EcsClient.builder().httpClient(http).region(region).credentialsProvider(keys).build();
             Ec2Client ec2 = Ec2Client.builder().httpClient(http).region(region).credentialsProvider(keys).build()) {
            ecs.describeTasks(r -> r.cluster(cluster).tasks(task));
            ecs.describeTaskDefinition(r -> r.taskDefinition(definition));
            ec2.describeSubnets(r -> r.subnetIds(subnet));
            ec2.describeVpcs(r -> r.vpcIds(vpc));
            ec2.describeVpcAttribute(r -> r.vpcId(vpc).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT));
            ec2.describeVpcEndpoints(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build()));
            out.println("CPU " + cpuMillis());
            out.println("DONE");
        }
    }

    private static void primed(PrintStream out, byte[] event, int warm) throws IOException {
        RemediateFunction function = new RemediateFunction();
        long start = System.nanoTime();
        CheckpointHooks.beforeCheckpoint();
        out.println("PRIMED " + millisSince(start));
        start = System.nanoTime();
        invoke(function, event);
        out.println("FIRST " + millisSince(start));
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < warm; i++) {
            start = System.nanoTime();
            invoke(function, event);
            times.add(millisSince(start));
        }
        out.println("WARM " + times.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    private static String invoke(RequestStreamHandler function, byte[] event) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(event), response, null);
        return response.toString(StandardCharsets.UTF_8).trim();
    }

    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    /** The process's peak resident set ({@code VmHWM}), in kB; -1 where /proc does not say. */
    private static long peakRssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
    }
}
