package ecsvpce.demo;

import ecsvpce.core.network.Cidr;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.FargateScenarioBuilder;
import ecsvpce.testing.MotoServer;
import ecsvpce.testing.TaskStoppedEvent;
import ecsvpce.testing.VpcReadBack;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code scripts/demo}: the seed article's isolated VPC, healed by RemediateFunction through the
 * Docker-free runner, against moto on loopback. Two acts: a subnet with no endpoint at all, then
 * the seed's own experiment (Secrets Manager endpoint with private DNS off).
 */
public final class Demo {
    private static final PrintStream OUT = System.out;
    private static final Path WORK = Path.of("target", "demo");

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        MotoServer moto = MotoServer.get();
        moto.configureSdk();
        OUT.println("ecs-vpce-remediator demo: moto on " + moto.endpointUrl() + " (log: " + moto.logFile() + ")");

        act("1. The seed article's isolated subnet, no VPC endpoint at all",
                FargateScenario.builder(), moto, "act1");
        act("2. The seed's experiment: every endpoint present, Secrets Manager's with private DNS off",
                FargateScenario.seedArticle(), moto, "act2");
        OUT.println();
        OUT.println("The events and the runner's log (with each report's JSON log line) are in " + WORK + ".");
    }

    private static void act(String title, FargateScenarioBuilder builder, MotoServer moto, String name)
            throws IOException, InterruptedException {
        heading(title);
        try (FargateScenario scenario = builder.create()) {
            OUT.printf("VPC %s (%s), subnet private-a %s in %s (%s), route table %s, no internet gateway, no NAT%n",
                    scenario.vpcId(), "10.0.0.0/16", scenario.subnetId(), scenario.availabilityZone("private-a"),
                    scenario.subnetCidr("private-a"), scenario.routeTableId());
            OUT.println("Task definition: private ECR image, awslogs, an SSM parameter and a Secrets Manager secret, "
                    + "platform version " + scenario.platformVersion());
            TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
            Path eventFile = event.writeTo(WORK.resolve(name + "-event.json"));
            OUT.println("The task stopped: " + abbreviate(FargateScenario.SEED_SECRETS_MANAGER_REASON, 140));
            OUT.println();
            OUT.println("Endpoints before:");
            endpoints(scenario);

            OUT.println();
            OUT.println("$ scripts/local-invoke --text RemediateFunction " + eventFile);
            OUT.print(invoke(eventFile, moto).indent(4));

            OUT.println();
            OUT.println("Endpoints after:");
            endpoints(scenario);
        }
    }

    /** The function's report as people receive it: {@code scripts/local-invoke --text}. */
    private static String invoke(Path eventFile, MotoServer moto) throws IOException, InterruptedException {
        ProcessBuilder process = new ProcessBuilder("scripts/local-invoke", "--text", "RemediateFunction", eventFile.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(WORK.resolve("local-invoke.log").toFile()));
        process.environment().putAll(moto.environment());
        Process run = process.start();
        String stdout = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (run.waitFor() != 0) {
            throw new IllegalStateException("local-invoke failed; see " + WORK.resolve("local-invoke.log") + "\n" + stdout);
        }
        return stdout;
    }

    private static void endpoints(FargateScenario scenario) {
        VpcReadBack vpc = scenario.readBack();
        List<VpcReadBack.Endpoint> endpoints = vpc.endpoints();
        if (endpoints.isEmpty()) {
            OUT.println("  (none)");
            return;
        }
        OUT.printf("  %-15s %-10s %-12s %-26s %s%n", "SERVICE", "TYPE", "PRIVATE DNS", "WHERE", "TCP 443 FROM THE TASK");
        for (VpcReadBack.Endpoint endpoint : endpoints) {
            String where = endpoint.isGateway() ? String.join(",", endpoint.routeTableIds())
                    : String.join(",", endpoint.subnetIds());
            String https = endpoint.isGateway() ? "-" : endpoint.securityGroupIds().stream()
                    .anyMatch(group -> admitsHttpsFrom(vpc.securityGroup(group), scenario.subnetCidr("private-a")))
                    ? "admitted" : "BLOCKED";
            OUT.printf("  %-15s %-10s %-12s %-26s %s%n", endpoint.service(), endpoint.type(),
                    endpoint.isGateway() ? "-" : endpoint.privateDns() ? "on" : "OFF", where, https);
        }
    }

    private static boolean admitsHttpsFrom(VpcReadBack.SecurityGroupView group, String subnetCidr) {
        return group.ingress().stream().filter(rule -> rule.coversTcp(443))
                .anyMatch(rule -> rule.cidrs().stream().anyMatch(cidr -> Cidr.covers(cidr, subnetCidr)));
    }

    private static void heading(String title) {
        OUT.println();
        OUT.println("=".repeat(100));
        OUT.println(title);
        OUT.println("=".repeat(100));
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
