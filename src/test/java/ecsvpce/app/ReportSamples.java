package ecsvpce.app;

import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.FargateService;
import ecsvpce.app.port.FollowUp;
import ecsvpce.app.port.ServiceNetwork;
import ecsvpce.app.port.StoppedTask;
import ecsvpce.core.EndpointService;
import ecsvpce.core.cost.InterfaceEndpoint;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.PrivateZones;
import ecsvpce.core.network.PublicIp;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.core.plan.ResourceTags;
import ecsvpce.report.Mode;
import ecsvpce.report.ReportJson;
import ecsvpce.report.SweepReport;
import ecsvpce.report.TaskReport;
import ecsvpce.report.VerificationReport;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A report of every outcome, made by the use cases themselves over in-memory ports, and its JSON
 * form as a function returns it (origin added, nothing told): what the renderers are tested on.
 */
public final class ReportSamples {
    public static final String ACCOUNT = Tasks.ACCOUNT;
    public static final String REGION = Snapshots.REGION;
    public static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    public static final Instant FAILED_AT = NOW.minus(Duration.ofMinutes(7));
    /** When the fix of {@link #followUp} was applied. */
    static final Instant APPLIED_AT = NOW.minus(Duration.ofMinutes(5));
    public static final String SERVICE = "web";
    static final String NETWORK_INTERFACE = "eni-1";
    static final List<EndpointService> SEED_NEEDS = List.of(EndpointService.ECR_DKR, EndpointService.ECR_API,
            EndpointService.S3, EndpointService.LOGS, EndpointService.SSM, EndpointService.SECRETSMANAGER);
    private static final String PERMISSION_REASON = "ResourceInitializationError: unable to pull secrets or registry "
            + "auth: AccessDeniedException: User is not authorized to perform: secretsmanager:GetSecretValue";

    private ReportSamples() {
    }

    /** A stopped task of service {@code web} in the seed's subnet, each way it can end. */
    public enum TaskSample {
        REMEDIATED(Mode.REMEDIATE, Snapshots.isolatedEmptyVpc().build(), Tasks.SEED_STOPPED_REASON, aws -> { }),
        PLANNED(Mode.DRY_RUN, Snapshots.isolatedEmptyVpc().build(), Tasks.SEED_STOPPED_REASON, aws -> { }),
        NOTHING_TO_DO(Mode.REMEDIATE, Snapshots.isolatedSeedVpc().build(), Tasks.SEED_STOPPED_REASON, aws -> { }),
        NEEDS_A_PERSON(Mode.REMEDIATE, Snapshots.isolatedSeedVpc().taskEgress().build(), Tasks.SEED_STOPPED_REASON, aws -> { }),
        NOT_NETWORK(Mode.REMEDIATE, Snapshots.isolatedSeedVpc().build(), PERMISSION_REASON, aws -> { }),
        UNVERIFIED(Mode.REMEDIATE, Snapshots.isolatedSeedVpc()
                .privateZones(PrivateZones.unreadable("route53:ListHostedZonesByVPC was denied")).build(),
                Tasks.SEED_STOPPED_REASON, aws -> { }),
        OPTED_OUT(Mode.REMEDIATE, Snapshots.isolatedEmptyVpc().vpcTags(Map.of(ResourceTags.SKIP, "")).build(),
                Tasks.SEED_STOPPED_REASON, aws -> { }),
        NOT_OURS(Mode.REMEDIATE, Snapshots.isolatedEmptyVpc().build(), null, aws -> { }),
        FAILED_WHILE_APPLYING(Mode.REMEDIATE, Snapshots.isolatedEmptyVpc().build(), Tasks.SEED_STOPPED_REASON,
                aws -> aws.onApply(InMemoryPorts.applyThenRefuse(1))),
        FAILED_BEFORE_READING(Mode.REMEDIATE, Snapshots.isolatedEmptyVpc().build(), Tasks.SEED_STOPPED_REASON,
                aws -> aws.fail("describeTask", InMemoryPorts.refused("ecs:DescribeTasks"))),
        /** A task no service started ({@code RunTask}): its groups come from its network interface. */
        STANDALONE(Mode.REMEDIATE, Snapshots.isolatedEmptyVpc().build(), Tasks.SEED_STOPPED_REASON, "family:app",
                aws -> aws.interfaceGroups.put(NETWORK_INTERFACE, List.of(Snapshots.TASK_SG)));

        private final Mode mode;
        private final NetworkSnapshot vpc;
        private final String stoppedReason;
        private final String group;
        private final Consumer<InMemoryPorts> script;

        TaskSample(Mode mode, NetworkSnapshot vpc, String stoppedReason, Consumer<InMemoryPorts> script) {
            this(mode, vpc, stoppedReason, "service:" + SERVICE, script);
        }

        TaskSample(Mode mode, NetworkSnapshot vpc, String stoppedReason, String group, Consumer<InMemoryPorts> script) {
            this.mode = mode;
            this.vpc = vpc;
            this.stoppedReason = stoppedReason;
            this.group = group;
            this.script = script;
        }

        public TaskReport report() {
            return report(Tasks.TASK_DEFINITION_ARN);
        }

        /** The same story told by a task of another task definition (or revision). */
        public TaskReport report(String taskDefinitionArn) {
            if (stoppedReason == null) {
                return remediation(mode, vpc, aws -> { })
                        .notOurs("not an ECS Task State Change event (source aws.s3, detail-type Object Created)");
            }
            return remediate(mode, vpc, stoppedTask(stoppedReason, taskDefinitionArn, group), script);
        }

        /** The report's JSON form as the function returns it, told to nobody. */
        public Map<String, Object> json() {
            TaskReport report = report();
            return quiet().task(report, ReportJson.toMap(report, Set.of(ACCOUNT)), ACCOUNT, FAILED_AT);
        }
    }

    /** A sweep of one cluster with service {@code web}, each way it can end. */
    public enum SweepSample {
        FIXED(Mode.REMEDIATE, Snapshots.isolatedEmptyVpc().build(), aws -> { }),
        PLANNED(Mode.DRY_RUN, Snapshots.isolatedEmptyVpc().build(), aws -> { }),
        COMPLIANT(Mode.REMEDIATE, Snapshots.isolatedSeedVpc().build(), aws -> { }),
        NEEDS_A_PERSON(Mode.REMEDIATE, Snapshots.isolatedSeedVpc().taskEgress().build(), aws -> { }),
        FAILED(Mode.REMEDIATE, Snapshots.isolatedEmptyVpc().build(),
                aws -> aws.fail("clusterArns", InMemoryPorts.refused("ecs:ListClusters"))),
        VPC_UNREADABLE(Mode.REMEDIATE, Snapshots.isolatedEmptyVpc().build(),
                aws -> aws.fail("snapshot:" + Snapshots.VPC_ID, InMemoryPorts.refused("ec2:DescribeVpcs"))),
        REJECTED(Mode.REMEDIATE, Snapshots.isolatedEmptyVpc().build(), aws -> { }),
        /** Compliant, with the cost side: an idle endpoint of ours left to a person, and two VPCs paying for logs. */
        IDLE_ENDPOINTS(Mode.REMEDIATE, Snapshots.isolatedSeedVpc().build(), aws -> { });

        private final Mode mode;
        private final NetworkSnapshot vpc;
        private final Consumer<InMemoryPorts> script;

        SweepSample(Mode mode, NetworkSnapshot vpc, Consumer<InMemoryPorts> script) {
            this.mode = mode;
            this.vpc = vpc;
            this.script = script;
        }

        public SweepReport report() {
            InMemoryPorts aws = new InMemoryPorts();
            aws.clusters.add(Tasks.CLUSTER_ARN);
            aws.servicesByCluster.put(Tasks.CLUSTER_ARN, List.of(new FargateService(Tasks.CLUSTER_ARN,
                    Tasks.CLUSTER_ARN.replace(":cluster/", ":service/") + "/" + SERVICE, SERVICE, Tasks.TASK_DEFINITION_ARN,
                    "1.4.0", null, List.of(Snapshots.TASK_SUBNET), List.of(Snapshots.TASK_SG), false, Map.of())));
            aws.definitions.put(Tasks.TASK_DEFINITION_ARN, Tasks.seedDefinition());
            aws.vpcOfSubnet.put(Snapshots.TASK_SUBNET, Snapshots.VPC_ID);
            aws.snapshots(Snapshots.VPC_ID, vpc);
            script.accept(aws);
            FleetSweep sweep = new FleetSweep(aws, aws, aws, aws, new Settings(mode, PlanSettings.defaults()), REGION,
                    Clock.fixed(NOW, ZoneOffset.UTC), this == IDLE_ENDPOINTS ? idleEndpoints(aws) : null);
            return this == REJECTED ? sweep.rejected("unknown key 'cluster': a manual sweep takes [clusters, vpcIds, dryRun]")
                    : sweep.sweep(SweepScope.everything(), () -> false);
        }

        private static CostPorts idleEndpoints(InMemoryPorts aws) {
            aws.vpcOfSubnet.put("subnet-0other", "vpc-0other");
            InMemoryCostPorts costs = new InMemoryCostPorts();
            Instant old = NOW.minus(Duration.ofDays(40));
            costs.endpoint(new InterfaceEndpoint("vpce-0kms", Snapshots.VPC_ID, "com.amazonaws." + REGION + ".kms",
                    "available", List.of(Snapshots.TASK_SUBNET), List.of(Snapshots.TASK_AZ), old,
                    Map.of(ResourceTags.CREATED_BY, ResourceTags.PRODUCT)), 0);
            for (String vpc : List.of(Snapshots.VPC_ID, "vpc-0other")) {
                costs.endpoint(new InterfaceEndpoint("vpce-logs-" + vpc, vpc, "com.amazonaws." + REGION + ".logs", "available",
                        List.of("subnet-1", "subnet-2"), List.of(REGION + "a", REGION + "c"), old, Map.of()), 5_000_000_000L);
            }
            return costs.ports(CostSettings.defaults());
        }

        public Map<String, Object> json() {
            SweepReport report = report();
            return quiet().sweep(report, ReportJson.toMap(report), ACCOUNT);
        }
    }

    /** A follow-up check of service {@code web} after a fix, each verdict it can give, and what it did about web. */
    public enum CheckSample {
        /** web runs all it wants again. */
        HEALED(followUp(1), Snapshots.isolatedSeedVpc().build(), 2, aws -> { }),
        /** An endpoint is still pending: web waits for it. */
        PENDING(followUp(1), Snapshots.isolatedSeedVpc().endpoint(EndpointService.SECRETSMANAGER, e -> e.state("pending")).build(),
                0, aws -> { }),
        /** Every endpoint is live and web still fails to start: one new deployment. */
        REDEPLOYED(followUp(2), Snapshots.isolatedSeedVpc().build(), 0, aws -> { }),
        /** The circuit breaker failed web's deployment: a person rolls it forward. */
        ROLL_FORWARD(followUp(2), Snapshots.isolatedSeedVpc().build(), 0, aws -> aws.serviceStates.put(SERVICE_KEY,
                ServiceFixtures.state(0, 2, ServiceFixtures.failedDeployment()))),
        UNDONE(followUp(1), Snapshots.isolatedSeedVpc().withoutEndpoint(EndpointService.SECRETSMANAGER).build(), 0, aws -> { }),
        /** At the end of the checks, web still runs nothing after the new deployment an earlier check started. */
        NOT_RECOVERED(lastFollowUp(), Snapshots.isolatedSeedVpc().build(), 0, aws -> aws.serviceStates.put(SERVICE_KEY,
                ServiceFixtures.state(0, 2, ServiceFixtures.deployment("ecs-svc/2", NOW.minus(Duration.ofMinutes(30))),
                        ServiceFixtures.primaryBeforeTheFix()))),
        GONE(followUp(1), Snapshots.isolatedSeedVpc().build(), 2, aws -> aws.fail("snapshot:" + Snapshots.VPC_ID,
                new CallFailure.Refused(false, "ec2:DescribeVpcs", "InvalidVpcID.NotFound",
                        "ec2:DescribeVpcs was rejected: InvalidVpcID.NotFound", null))),
        FAILED(followUp(1), Snapshots.isolatedSeedVpc().build(), 2, aws -> aws.fail("snapshot:" + Snapshots.VPC_ID,
                InMemoryPorts.refused("ec2:DescribeVpcs"))),
        REJECTED(followUp(1), Snapshots.isolatedSeedVpc().build(), 2, aws -> { });

        private final FollowUp followUp;
        private final NetworkSnapshot vpc;
        private final int running;
        private final Consumer<InMemoryPorts> script;

        CheckSample(FollowUp followUp, NetworkSnapshot vpc, int running, Consumer<InMemoryPorts> script) {
            this.followUp = followUp;
            this.vpc = vpc;
            this.running = running;
            this.script = script;
        }

        public FollowUpCheck.Checked checked() {
            InMemoryPorts aws = new InMemoryPorts();
            aws.snapshots(Snapshots.VPC_ID, vpc);
            aws.serviceStates.put(SERVICE_KEY, ServiceFixtures.state(running, 2, ServiceFixtures.primaryBeforeTheFix()));
            script.accept(aws);
            FollowUpCheck check = new FollowUpCheck(aws, aws, aws, RecoverySettings.on(),
                    new Settings(Mode.REMEDIATE, PlanSettings.defaults()), Clock.fixed(NOW, ZoneOffset.UTC));
            return this == REJECTED ? check.rejected("the message body is not JSON: Unexpected character ('h')")
                    : check.check(followUp);
        }

        /** The follow-up this sample checks. */
        public FollowUp message() {
            return followUp;
        }

        public VerificationReport report() {
            return checked().report();
        }

        public Map<String, Object> json() {
            FollowUpCheck.Checked checked = checked();
            return quiet().verification(checked.report(), Optional.empty(), ReportJson.toMap(checked.report()), ACCOUNT);
        }
    }

    /** Service {@code web} by {@code clusterArn/serviceName}, as the in-memory ports key it. */
    static final String SERVICE_KEY = Tasks.CLUSTER_ARN + "/" + SERVICE;

    /** The follow-up the task sample {@code REMEDIATED} asks for (web failed to start), at its {@code check}. */
    public static FollowUp followUp(int check) {
        return followUp(check, new FollowUp.Workload(Snapshots.TASK_SUBNET, SEED_NEEDS, List.of(), Tasks.CLUSTER_ARN, SERVICE,
                true));
    }

    /** The same follow-up with other workloads. */
    static FollowUp followUp(int check, FollowUp.Workload... workloads) {
        return new FollowUp(Snapshots.VPC_ID, Tasks.TASK_ARN, FAILED_AT, APPLIED_AT, check, List.of(workloads));
    }

    /** A check of a fix applied longer ago than {@link FollowUpCheck#WINDOW}, after an earlier check deployed web. */
    static FollowUp lastFollowUp() {
        Instant failed = NOW.minus(Duration.ofMinutes(40));
        return new FollowUp(Snapshots.VPC_ID, Tasks.TASK_ARN, failed, failed.plusSeconds(60), 12,
                followUp(1).workloads(), List.of(), failed.plusSeconds(150), List.of(new FollowUp.ServiceTimes(
                Tasks.CLUSTER_ARN, SERVICE, "ecs-svc/2", NOW.minus(Duration.ofMinutes(30)), null, null)));
    }

    /** A stopped task of service {@code web} in the seed's subnet of {@code vpc}, remediated in {@code mode}. */
    static TaskReport remediate(Mode mode, NetworkSnapshot vpc, StoppedTask task, Consumer<InMemoryPorts> script) {
        return remediation(mode, vpc, aws -> {
            aws.definitions.put(task.taskDefinitionArn(), Tasks.seedDefinition());
            aws.tasks.put(task.taskArn(), task);
            script.accept(aws);
        }).remediate(task);
    }

    private static TaskRemediation remediation(Mode mode, NetworkSnapshot vpc, Consumer<InMemoryPorts> script) {
        InMemoryPorts aws = new InMemoryPorts();
        aws.vpcOfSubnet.put(Snapshots.TASK_SUBNET, Snapshots.VPC_ID);
        aws.services.put(SERVICE, new ServiceNetwork(List.of(Snapshots.TASK_SG),
                List.of(Snapshots.TASK_SUBNET), PublicIp.UNKNOWN, Map.of()));
        aws.snapshots(Snapshots.VPC_ID, vpc);
        script.accept(aws);
        return new TaskRemediation(aws, aws, aws, aws, new Settings(mode, PlanSettings.defaults()), REGION,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** @param group {@code service:NAME} for a service's task, {@code family:NAME} for a standalone one */
    static StoppedTask stoppedTask(String stoppedReason, String taskDefinitionArn, String group) {
        return StoppedTask.builder().taskArn(Tasks.TASK_ARN).clusterArn(Tasks.CLUSTER_ARN)
                .taskDefinitionArn(taskDefinitionArn).lastStatus("STOPPED").stopCode("TaskFailedToStart")
                .stoppedReason(stoppedReason).launchType("FARGATE").platformVersion("1.4.0")
                .availabilityZone(Snapshots.TASK_AZ).group(group).startedBy(group.startsWith("service:") ? "ecs-svc/1" : null)
                .subnetId(Snapshots.TASK_SUBNET).networkInterfaceId(NETWORK_INTERFACE).build();
    }

    /**
     * Reports as a function with a ledger returns them: a fix that opens an incident, its check that closes
     * it, and a sweep listing the incidents still open.
     */
    public static List<Map<String, Object>> withLedger() {
        ReportDispatch dispatch = new ReportDispatch("RemediateFunction", REGION, Optional.empty(), Optional.empty(),
                Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC), () -> new PrintStream(OutputStream.nullOutputStream()),
                RecoverySettings.on(), Optional.of(new IncidentLedger(new InMemoryLedger(), Duration.ofDays(400))));
        TaskReport fixed = TaskSample.REMEDIATED.report();
        VerificationReport healed = CheckSample.HEALED.report();
        SweepReport planned = SweepSample.PLANNED.report();
        return List.of(dispatch.task(fixed, ReportJson.toMap(fixed, Set.of(ACCOUNT)), ACCOUNT, FAILED_AT),
                dispatch.verification(healed, Optional.empty(), ReportJson.toMap(healed), ACCOUNT),
                dispatch.sweep(planned, ReportJson.toMap(planned), ACCOUNT));
    }

    /** A dispatch that tells nobody and keeps its metric lines to itself. */
    static ReportDispatch quiet() {
        return new ReportDispatch("RemediateFunction", REGION, Optional.empty(), Optional.empty(), Duration.ofMinutes(5),
                Clock.fixed(NOW, ZoneOffset.UTC), () -> new PrintStream(OutputStream.nullOutputStream()));
    }
}
