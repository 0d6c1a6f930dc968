package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.port.BatchEnvironments;
import ecsvpce.app.port.FargateService;
import ecsvpce.app.port.ScheduledTask;
import ecsvpce.core.cost.Consumer;
import ecsvpce.core.cost.InterfaceEndpoint;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.core.plan.ResourceTags;
import ecsvpce.report.EndpointCosts;
import ecsvpce.report.EndpointCosts.EndpointLine;
import ecsvpce.report.Mode;
import ecsvpce.report.Readables;
import ecsvpce.report.ReportJson;
import ecsvpce.report.SweepReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sweep's cost side over in-memory ports: who needs each endpoint (services, EventBridge rules,
 * Scheduler schedules, Batch), which are idle, and every "never" of removal, sweep after sweep.
 */
class EndpointLifeTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final String REGION = Snapshots.REGION;
    private static final String OTHER_VPC = "vpc-0other";
    private static final String OTHER_SUBNET = "subnet-0other";
    private static final String BATCH_SUBNET = "subnet-0batch";
    private static final String RULE = "arn:aws:events:" + REGION + ":" + Tasks.ACCOUNT + ":rule/nightly#1";

    private final InMemoryPorts aws = new InMemoryPorts();
    private final InMemoryCostPorts costs = new InMemoryCostPorts();

    EndpointLifeTest() {
        aws.clusters.add(Tasks.CLUSTER_ARN);
        aws.servicesByCluster.put(Tasks.CLUSTER_ARN, List.of(service("web", Map.of())));
        aws.definitions.put(Tasks.TASK_DEFINITION_ARN, Tasks.seedDefinition());
        aws.vpcOfSubnet.put(Snapshots.TASK_SUBNET, Snapshots.VPC_ID);
        aws.vpcOfSubnet.put(OTHER_SUBNET, OTHER_VPC);
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedSeedVpc().build());
    }

    private static FargateService service(String name, Map<String, String> tags) {
        return new FargateService(Tasks.CLUSTER_ARN, Tasks.CLUSTER_ARN.replace(":cluster/", ":service/") + "/" + name, name,
                Tasks.TASK_DEFINITION_ARN, "1.4.0", null, List.of(Snapshots.TASK_SUBNET), List.of(Snapshots.TASK_SG), false, tags);
    }

    /** An interface endpoint in the other VPC (no service there), 40 days old. */
    private static InterfaceEndpoint endpoint(String id, String service, boolean ours) {
        Map<String, String> tags = new HashMap<>();
        if (ours) {
            tags.put(ResourceTags.CREATED_BY, ResourceTags.PRODUCT);
        }
        return new InterfaceEndpoint(id, OTHER_VPC, "com.amazonaws." + REGION + "." + service, "available",
                List.of(OTHER_SUBNET), List.of(REGION + "a"), NOW.minus(Duration.ofDays(40)), tags);
    }

    private EndpointCosts sweep(Mode mode, boolean removeIdle) {
        return sweep(new Settings(mode, PlanSettings.defaults()), removeIdle, SweepScope.everything(), NOW);
    }

    private EndpointCosts sweep(Settings settings, boolean removeIdle, SweepScope scope, Instant at) {
        return swept(settings, removeIdle, scope, at).endpointCosts();
    }

    private SweepReport.Swept swept(Settings settings, boolean removeIdle, SweepScope scope, Instant at) {
        FleetSweep sweep = new FleetSweep(aws, aws, aws, aws, settings, REGION, Clock.fixed(at, ZoneOffset.UTC),
                costs.ports(new CostSettings(30, removeIdle, Optional.empty())));
        return (SweepReport.Swept) sweep.sweep(scope, () -> false);
    }

    /** The lines under {@code heading} in the sweep's report as people read it; none when it has no such section. */
    private static List<String> section(SweepReport.Swept report, String heading) {
        return Readables.of(ReportJson.toMap(report)).sections().stream().filter(s -> s.heading().equals(heading))
                .flatMap(s -> s.lines().stream()).toList();
    }

    private static EndpointLine line(EndpointCosts report, String id) {
        return report.endpoints().stream().filter(l -> l.endpointId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anIdleEndpointOfOursIsMarkedAtTheFirstSweepAndRemovedAtTheSecond() {
        costs.endpoint(endpoint("vpce-kms", "kms", true), 0);

        EndpointCosts first = sweep(Mode.REMEDIATE, true);
        EndpointCosts second = sweep(new Settings(Mode.REMEDIATE, PlanSettings.defaults()), true, SweepScope.everything(),
                NOW.plus(Duration.ofHours(6)));

        assertThat(line(first, "vpce-kms").removal()).isEqualTo("MARKED");
        assertThat(line(second, "vpce-kms").removal()).isEqualTo("REMOVED");
        assertThat(costs.writes).containsExactly("mark vpce-kms " + NOW, "delete vpce-kms");
        assertThat(second.totals().removed()).isEqualTo(1);
        assertThat(second.totals().monthlyUsd()).as("a removed endpoint costs nothing more").isZero();
    }

    @Test
    void neverRemovedWithoutTheParameterNorInADryRunNorWhenNotOurs() {
        costs.endpoint(endpoint("vpce-kms", "kms", true), 0).endpoint(endpoint("vpce-theirs", "kms", false), 0);

        EndpointCosts off = sweep(Mode.REMEDIATE, false);
        EndpointCosts dryRun = sweep(Mode.DRY_RUN, true);
        EndpointCosts manualDryRun = sweep(new Settings(Mode.REMEDIATE, PlanSettings.defaults()), true,
                new SweepScope(List.of(), Set.of(), true), NOW);

        assertThat(costs.writes).isEmpty();
        assertThat(line(off, "vpce-kms").removalReason()).contains("RemoveIdleEndpoints is off");
        assertThat(line(dryRun, "vpce-kms").removalReason()).contains("dry run");
        assertThat(line(manualDryRun, "vpce-kms").removalReason()).contains("dry run");
        assertThat(List.of(line(off, "vpce-kms"), line(dryRun, "vpce-theirs"), line(off, "vpce-theirs"))).allSatisfy(l -> {
            assertThat(l.status()).isEqualTo("IDLE");
            assertThat(l.createdAt()).as("its age, which makes it old enough to judge")
                    .isEqualTo(NOW.minus(Duration.ofDays(40)).toString());
            assertThat(l.removal()).isEqualTo("REPORTED");
            assertThat(l.command()).isEqualTo("aws ec2 delete-vpc-endpoints --vpc-endpoint-ids " + l.endpointId()
                    + " --region " + REGION);
        });
        assertThat(off.totals().idle()).isEqualTo(2);
        assertThat(off.totals().idleMonthlyUsd()).as("2 x 1 AZ at Tokyo's 0.014").isEqualByComparingTo("20.44");
    }

    @Test
    void anEndpointAScheduledTaskAScheduleOrABatchEnvironmentNeedsIsNeverIdle() {
        costs.endpoint(endpoint("vpce-logs", "logs", true), 0).endpoint(endpoint("vpce-ssm", "ssm", true), 0)
                .endpoint(endpoint("vpce-ecr", "ecr.api", true), 0).endpoint(endpoint("vpce-kms", "kms", true), 0);
        aws.definitions.put("arn:aws:ecs:" + REGION + ":" + Tasks.ACCOUNT + ":task-definition/nightly", Tasks.definition(
                new ecsvpce.core.needs.ContainerDefinition("job", "public.ecr.aws/x/job:1", new ecsvpce.core.needs.LogConfiguration(
                        "awslogs", Map.of(), List.of()), List.of(), null, List.of())));
        costs.ruleTasks.add(new ScheduledTask(RULE, Consumer.Kind.EVENTBRIDGE_RULE, Tasks.CLUSTER_ARN,
                "arn:aws:ecs:" + REGION + ":" + Tasks.ACCOUNT + ":task-definition/nightly", null, List.of(OTHER_SUBNET), false));
        costs.schedules.add(new ScheduledTask("arn:aws:scheduler:" + REGION + ":" + Tasks.ACCOUNT + ":schedule/default/s",
                Consumer.Kind.SCHEDULE, Tasks.CLUSTER_ARN, Tasks.TASK_DEFINITION_ARN, "1.4.0", List.of(OTHER_SUBNET), false));
        aws.vpcOfSubnet.put(BATCH_SUBNET, OTHER_VPC);
        costs.environments.add(new BatchEnvironments.FargateEnvironment("arn:aws:batch:ce/jobs", List.of(BATCH_SUBNET)));
        costs.jobDefinitions.add(new BatchEnvironments.FargateJobDefinition(Tasks.seedDefinition(), null));

        EndpointCosts report = sweep(Mode.REMEDIATE, true);

        assertThat(line(report, "vpce-logs").neededBy()).contains(RULE, "arn:aws:batch:ce/jobs");
        assertThat(line(report, "vpce-ssm").neededBy()).containsExactly(
                "arn:aws:scheduler:" + REGION + ":" + Tasks.ACCOUNT + ":schedule/default/s", "arn:aws:batch:ce/jobs");
        assertThat(line(report, "vpce-ecr").status()).isEqualTo("NEEDED");
        assertThat(line(report, "vpce-kms").status()).isEqualTo("IDLE");
        assertThat(report.sources()).extracting(EndpointCosts.Source::status).containsOnly("READ");
        assertThat(report.sources()).contains(new EndpointCosts.Source("ECS services", "READ", "1 Fargate service(s)"));
        assertThat(costs.writes).containsExactly("mark vpce-kms " + NOW);
    }

    @Test
    void anEndpointAServiceNeedsIsNeededByThatService() {
        InterfaceEndpoint logs = new InterfaceEndpoint("vpce-logs-web", Snapshots.VPC_ID,
                "com.amazonaws." + REGION + ".logs", "available", List.of(Snapshots.TASK_SUBNET), List.of(Snapshots.TASK_AZ),
                NOW.minus(Duration.ofDays(40)), Map.of(ResourceTags.CREATED_BY, ResourceTags.PRODUCT));
        costs.endpoint(logs, 0);

        EndpointCosts report = sweep(Mode.REMEDIATE, true);

        assertThat(line(report, "vpce-logs-web").status()).isEqualTo("NEEDED");
        assertThat(line(report, "vpce-logs-web").neededBy()).containsExactly(service("web", Map.of()).serviceArn());
        assertThat(costs.writes).isEmpty();
    }

    @Test
    void aClusterWhoseServicesCannotBeListedMakesNothingIdle() {
        costs.endpoint(endpoint("vpce-kms", "kms", true), 0);
        aws.fail("fargateServices:" + Tasks.CLUSTER_ARN, InMemoryPorts.stillFailing("ecs:ListServices"));

        EndpointCosts report = sweep(Mode.REMEDIATE, true);

        assertThat(line(report, "vpce-kms").status()).isEqualTo("NEEDS_UNKNOWN");
        assertThat(line(report, "vpce-kms").reason()).isEqualTo("not judged: 1 cluster listing(s) could not be read");
        assertThat(report.sources()).contains(new EndpointCosts.Source("ECS services", "UNREADABLE",
                "0 Fargate service(s); 1 cluster listing(s) could not be read"));
        assertThat(costs.writes).isEmpty();
    }

    @Test
    void aScheduledTaskWhoseTaskDefinitionCannotBeReadMakesNothingIdleInItsVpc() {
        String nightly = "arn:aws:ecs:" + REGION + ":" + Tasks.ACCOUNT + ":task-definition/nightly";
        costs.endpoint(endpoint("vpce-kms", "kms", true), 0);
        costs.ruleTasks.add(new ScheduledTask(RULE, Consumer.Kind.EVENTBRIDGE_RULE, Tasks.CLUSTER_ARN, nightly, null,
                List.of("subnet-0deletedsince", OTHER_SUBNET), false));
        aws.fail("taskDefinition:" + nightly, InMemoryPorts.refused("ecs:DescribeTaskDefinition"));

        EndpointCosts report = sweep(Mode.REMEDIATE, true);

        assertThat(line(report, "vpce-kms").status()).isEqualTo("NEEDS_UNKNOWN");
        assertThat(line(report, "vpce-kms").reason()).isEqualTo("not judged: the task definition " + nightly + " of "
                + RULE + " could not be read");
        assertThat(costs.writes).isEmpty();
    }

    @Test
    void theReportListsTheIdleOnesWithWhatBecameOfThemAndGroupsTheOnesNotJudgedByWhy() {
        String third = "vpc-0third";
        String nightly = "arn:aws:ecs:" + REGION + ":" + Tasks.ACCOUNT + ":task-definition/nightly";
        aws.vpcOfSubnet.put("subnet-0third", third);
        InterfaceEndpoint kms = endpoint("vpce-kms", "kms", true);
        costs.endpoint(kms, 0).endpoint(endpoint("vpce-theirs", "kms", false), 0)
                .endpoint(new InterfaceEndpoint("vpce-logs-web", Snapshots.VPC_ID, "com.amazonaws." + REGION + ".logs",
                        "available", List.of(Snapshots.TASK_SUBNET), List.of(Snapshots.TASK_AZ), kms.createdAt(), Map.of()), 0)
                .fail("mark", InMemoryPorts.refused("ec2:CreateTags"));
        for (String id : List.of("vpce-third-kms", "vpce-third-ssm")) {
            costs.endpoint(new InterfaceEndpoint(id, third, "com.amazonaws." + REGION + "." + id.substring(11), "available",
                    List.of("subnet-0third"), List.of(REGION + "a"), kms.createdAt(), Map.of()), 0);
        }
        costs.ruleTasks.add(new ScheduledTask(RULE, Consumer.Kind.EVENTBRIDGE_RULE, Tasks.CLUSTER_ARN, nightly, null,
                List.of("subnet-0third"), false));
        aws.fail("taskDefinition:" + nightly, InMemoryPorts.refused("ecs:DescribeTaskDefinition"));

        SweepReport.Swept report = swept(new Settings(Mode.REMEDIATE, PlanSettings.defaults()), true,
                SweepScope.everything(), NOW);

        assertThat(section(report, "Idle endpoints")).as("needed or not judged is not idle").satisfiesExactly(
                ours -> assertThat(ours).startsWith("MARK_FAILED vpce-kms com.amazonaws." + REGION + ".kms in " + OTHER_VPC
                        + " (1 AZ, 10.22 USD a month, created by the product): ")
                        .contains(": ec2:CreateTags was denied: grant it to the function's role"),
                theirs -> assertThat(theirs).startsWith("REPORTED vpce-theirs "));
        assertThat(section(report, "Endpoints not judged")).as("every source was read").containsExactly(
                "2 endpoint(s) not judged: the task definition " + nightly + " of " + RULE + " could not be read");
    }

    @Test
    void aSourceThatCannotBeReadMakesNothingIdle() {
        costs.endpoint(endpoint("vpce-kms", "kms", true), 0)
                .fail("schedules", InMemoryPorts.refused("scheduler:ListSchedules"));

        EndpointCosts report = sweep(Mode.REMEDIATE, true);

        assertThat(line(report, "vpce-kms").status()).isEqualTo("NEEDS_UNKNOWN");
        assertThat(report.sources()).filteredOn(s -> s.status().equals("UNREADABLE")).singleElement()
                .satisfies(s -> assertThat(s.detail()).contains("scheduler:ListSchedules"));
        assertThat(costs.writes).isEmpty();
        assertThat(section(swept(new Settings(Mode.REMEDIATE, PlanSettings.defaults()), true, SweepScope.everything(), NOW),
                "Endpoints not judged")).containsExactly(
                "1 endpoint(s) not judged: EventBridge Scheduler schedules could not be read",
                "EventBridge Scheduler schedules could not be read: scheduler:ListSchedules was denied: grant it to the "
                        + "function's role (UnauthorizedOperation)");
    }

    @Test
    void aTaskDefinitionOrAServiceLeftAloneMakesNothingIdleInItsVpc() {
        InterfaceEndpoint inServiceVpc = new InterfaceEndpoint("vpce-kms-web", Snapshots.VPC_ID,
                "com.amazonaws." + REGION + ".kms", "available", List.of(Snapshots.TASK_SUBNET), List.of(Snapshots.TASK_AZ),
                NOW.minus(Duration.ofDays(40)), Map.of(ResourceTags.CREATED_BY, ResourceTags.PRODUCT));
        costs.endpoint(inServiceVpc, 0).endpoint(endpoint("vpce-kms", "kms", true), 0);
        aws.servicesByCluster.put(Tasks.CLUSTER_ARN, List.of(service("web", Map.of()),
                service("batch", Map.of(ResourceTags.SKIP, "true"))));

        EndpointCosts report = sweep(Mode.REMEDIATE, true);

        assertThat(line(report, "vpce-kms-web").status()).isEqualTo("NEEDS_UNKNOWN");
        assertThat(line(report, "vpce-kms-web").reason()).contains("service batch is left alone");
        assertThat(line(report, "vpce-kms").status()).as("the other VPC is known").isEqualTo("IDLE");

        aws.servicesByCluster.put(Tasks.CLUSTER_ARN, List.of(service("web", Map.of())));
        aws.fail("taskDefinition:" + Tasks.TASK_DEFINITION_ARN, InMemoryPorts.refused("ecs:DescribeTaskDefinition"));
        assertThat(line(sweep(Mode.REMEDIATE, true), "vpce-kms-web").reason()).contains("could not be read");
    }

    @Test
    void aMetricThatCannotBeReadOrAYoungEndpointIsNeverIdleAndTrafficTakesTheMarkOff() {
        InterfaceEndpoint marked = endpoint("vpce-kms", "kms", true);
        Map<String, String> tags = new HashMap<>(marked.tags());
        tags.put(InterfaceEndpoint.IDLE_SINCE, NOW.minus(Duration.ofHours(6)).toString());
        costs.endpoint(new InterfaceEndpoint("vpce-kms", OTHER_VPC, marked.serviceName(), "available", marked.subnetIds(),
                marked.availabilityZones(), marked.createdAt(), tags), 1_000);
        costs.endpoint(new InterfaceEndpoint("vpce-young", OTHER_VPC, marked.serviceName(), "available", marked.subnetIds(),
                marked.availabilityZones(), NOW.minus(Duration.ofDays(2)), marked.tags()), 0);

        EndpointCosts report = sweep(Mode.REMEDIATE, true);

        assertThat(line(report, "vpce-kms").removal()).isEqualTo("UNMARKED");
        assertThat(line(report, "vpce-young").status()).isEqualTo("YOUNG");
        assertThat(costs.writes).containsExactly("unmark vpce-kms");

        costs.fail("metric", InMemoryPorts.refused("cloudwatch:GetMetricData"));
        SweepReport.Swept unread = swept(new Settings(Mode.REMEDIATE, PlanSettings.defaults()), true, SweepScope.everything(),
                NOW);
        assertThat(line(unread.endpointCosts(), "vpce-kms").status()).isEqualTo("METRIC_UNREAD");
        assertThat(section(unread, "Endpoints not judged")).containsExactly("1 endpoint(s) not judged: "
                + "cloudwatch:GetMetricData was denied: grant it to the function's role (UnauthorizedOperation)");
        assertThat(costs.writes).containsExactly("unmark vpce-kms");
    }

    @Test
    void aRefusedDeleteIsReportedAndNotTriedAgain() {
        costs.endpoint(endpoint("vpce-kms", "kms", true), 0).fail("delete", InMemoryPorts.refused("ec2:DeleteVpcEndpoints"));
        Settings remediate = new Settings(Mode.REMEDIATE, PlanSettings.defaults());
        sweep(remediate, true, SweepScope.everything(), NOW);

        EndpointCosts refused = sweep(remediate, true, SweepScope.everything(), NOW.plus(Duration.ofHours(6)));
        EndpointCosts after = sweep(remediate, true, SweepScope.everything(), NOW.plus(Duration.ofHours(12)));

        assertThat(line(refused, "vpce-kms").removal()).isEqualTo("REMOVAL_FAILED");
        assertThat(line(refused, "vpce-kms").error().iamAction()).isEqualTo("ec2:DeleteVpcEndpoints");
        assertThat(refused.totals().removalsFailed()).isEqualTo(1);
        assertThat(line(after, "vpce-kms").removal()).isEqualTo("REPORTED");
        assertThat(line(after, "vpce-kms").removalReason()).contains("not tried again");
        assertThat(costs.writes).hasSize(2).last().asString().endsWith(InterfaceEndpoint.DELETE_REFUSED);
    }

    @Test
    void onlyAWholeFleetSweepHasACostSideAndItListsOnlyTheAllowedVpcs() {
        costs.endpoint(endpoint("vpce-kms", "kms", true), 0);

        assertThat(sweep(new Settings(Mode.REMEDIATE, PlanSettings.defaults()), true,
                new SweepScope(List.of(Tasks.CLUSTER_ARN), Set.of(), false), NOW)).isNull();
        assertThat(sweep(new Settings(Mode.REMEDIATE, PlanSettings.defaults(), Set.of(Snapshots.VPC_ID)), true,
                SweepScope.everything(), NOW).endpoints()).isEmpty();
        assertThat(costs.listedVpcs).containsExactly(Set.of(Snapshots.VPC_ID));
        assertThat(costs.writes).isEmpty();
    }

    @Test
    void endpointsThatCannotBeListedAreReportedAsSuch() {
        costs.fail("list", InMemoryPorts.refused("ec2:DescribeVpcEndpoints"));

        EndpointCosts report = sweep(Mode.REMEDIATE, true);

        assertThat(report.error().iamAction()).isEqualTo("ec2:DescribeVpcEndpoints");
        assertThat(report.pricing().usdPerAzHour()).isEqualByComparingTo("0.014");
    }
}
