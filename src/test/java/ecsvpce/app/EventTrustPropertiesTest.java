package ecsvpce.app;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.port.ServiceNetwork;
import ecsvpce.app.port.StoppedTask;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.needs.TaskDefinition;
import ecsvpce.core.network.PublicIp;
import ecsvpce.core.plan.Action;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.report.ActionReport;
import ecsvpce.report.Mode;
import ecsvpce.report.TaskReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 16, "trust ECS, not the event": for a task that ECS describes one way, an event that says
 * anything else about it, in any of its fields, leaves the plan identical to the plan for the true
 * event, or empty (the event was skipped). Every claim is drawn so that believing it would change
 * the plan: another subnet of the VPC, a task definition with other needs, Exec in a cluster with a
 * KMS key, another platform version, another service with other security groups, another network
 * interface, another stop reason.
 */
class EventTrustPropertiesTest {
    private static final String OTHER_CLUSTER = "arn:aws:ecs:" + Snapshots.REGION + ":" + Tasks.ACCOUNT + ":cluster/other";
    private static final String OTHER_DEFINITION = "arn:aws:ecs:" + Snapshots.REGION + ":" + Tasks.ACCOUNT
            + ":task-definition/other:1";
    private static final String SERVICE = "web";

    /** One field of the event, and how a claim about it is written into an event. */
    private enum Field {
        TASK_ARN((b, v) -> b.taskArn((String) v), Arbitraries.of(Tasks.TASK_ARN + "9", "junk")),
        CLUSTER_ARN((b, v) -> b.clusterArn((String) v), Arbitraries.of(OTHER_CLUSTER)),
        TASK_DEFINITION((b, v) -> b.taskDefinitionArn((String) v), Arbitraries.of(OTHER_DEFINITION)),
        LAST_STATUS((b, v) -> b.lastStatus((String) v), Arbitraries.of("STOPPED", "RUNNING", "PROVISIONING")),
        STOP_CODE((b, v) -> b.stopCode((String) v), Arbitraries.of("TaskFailedToStart", "EssentialContainerExited")),
        STOPPED_REASON((b, v) -> b.stoppedReason((String) v), Arbitraries.of(
                "ResourceInitializationError: unable to retrieve secrets from ssm: dial tcp 52.46.1.1:443: i/o timeout",
                "CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve "
                        + "ref 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app:latest: i/o timeout",
                "ResourceInitializationError: failed to validate logger args: signal: killed",
                "ResourceInitializationError: AccessDeniedException: not authorized to perform secretsmanager:GetSecretValue")),
        LAUNCH_TYPE((b, v) -> b.launchType((String) v), Arbitraries.of("FARGATE", "EC2", "EXTERNAL")),
        CAPACITY_PROVIDER((b, v) -> b.capacityProviderName((String) v), Arbitraries.of("FARGATE_SPOT", "FARGATE")),
        PLATFORM_VERSION((b, v) -> b.platformVersion((String) v), Arbitraries.of("1.3.0", "1.4.0", "LATEST")),
        PLATFORM_FAMILY((b, v) -> b.platformFamily((String) v), Arbitraries.of("Windows", "Linux")),
        AVAILABILITY_ZONE((b, v) -> b.availabilityZone((String) v), Arbitraries.of(Snapshots.AZ_C)),
        GROUP((b, v) -> b.group((String) v), Arbitraries.of("service:other", "family:app", "service:" + SERVICE)),
        STARTED_BY((b, v) -> b.startedBy((String) v), Arbitraries.of("ecs-svc/other")),
        EXEC((b, v) -> b.executeCommandEnabled(Boolean.TRUE.equals(v)), Arbitraries.of(true, false)),
        SUBNET((b, v) -> b.subnetId((String) v), Arbitraries.of(Snapshots.SUBNET_C)),
        NETWORK_INTERFACE((b, v) -> b.networkInterfaceId((String) v), Arbitraries.of("eni-other"));

        private final BiFunction<StoppedTask.Builder, Object, StoppedTask.Builder> write;
        private final Arbitrary<?> claims;

        Field(BiFunction<StoppedTask.Builder, Object, StoppedTask.Builder> write, Arbitrary<?> claims) {
            this.write = write;
            this.claims = claims;
        }

        /** A claim about this field: another value, or none at all. */
        Arbitrary<Object> claim() {
            return claims.map(Object.class::cast).injectNull(0.2);
        }
    }

    /** How ECS describes the task: a service or standalone task, with or without Exec and some fields. */
    private record EcsDescription(boolean service, boolean exec, String platformVersion, boolean withStopCode,
                                  boolean withZone, boolean withSubnet) {
        StoppedTask.Builder task() {
            return StoppedTask.builder().taskArn(Tasks.TASK_ARN).clusterArn(Tasks.CLUSTER_ARN)
                    .taskDefinitionArn(Tasks.TASK_DEFINITION_ARN).lastStatus("STOPPED")
                    .stopCode(withStopCode ? "TaskFailedToStart" : null).stoppedReason(Tasks.SEED_STOPPED_REASON)
                    .launchType("FARGATE").platformVersion(platformVersion).platformFamily("Linux")
                    .availabilityZone(withZone ? Snapshots.TASK_AZ : null)
                    .group(service ? "service:" + SERVICE : "family:app").startedBy(service ? "ecs-svc/1" : null)
                    .executeCommandEnabled(exec).subnetId(withSubnet ? Snapshots.TASK_SUBNET : null)
                    .networkInterfaceId("eni-1");
        }
    }

    private record Claim(Field field, Object value) {
    }

    @Property(tries = 400)
    void anyClaimOfTheEventLeavesThePlanAsEcsDescribesItOrEmpty(@ForAll("descriptions") EcsDescription ecs,
                                                                @ForAll("claims") List<Claim> claims,
                                                                @ForAll boolean dryRun) {
        Mode mode = dryRun ? Mode.DRY_RUN : Mode.REMEDIATE;
        StoppedTask described = ecs.task().build();
        StoppedTask.Builder event = ecs.task();
        claims.forEach(claim -> claim.field().write.apply(event, claim.value()));

        List<String> truthful = plan(described, described, mode);
        List<String> claimed = plan(described, event.build(), mode);

        if (!claimed.isEmpty()) {
            assertThat(claimed).isEqualTo(truthful);
        }
        Statistics.label("plan for the claims").collect(claimed.isEmpty() ? "empty"
                : claims.stream().anyMatch(c -> c.value() != null) ? "identical, despite claims" : "identical");
        Statistics.label("plan for the claims").coverage(c -> c.check("identical, despite claims").percentage(p -> p >= 20));
    }

    /**
     * What the use case plans (or applies) for this event when ECS describes the task as
     * {@code described}: each action with its type, what it does and what became of it.
     */
    private static List<String> plan(StoppedTask described, StoppedTask event, Mode mode) {
        InMemoryPorts aws = estate(described);
        TaskReport report = new TaskRemediation(aws, aws, aws, aws, new Settings(mode, PlanSettings.defaults()),
                Snapshots.REGION, Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC)).remediate(event);
        if (!(report instanceof TaskReport.Examined examined)) {
            assertThat(aws.applied).isEmpty();
            return List.of();
        }
        assertThat(aws.applied.stream().flatMap(List::stream).map(Action::describe))
                .containsExactlyElementsOf(mode == Mode.DRY_RUN ? List.of()
                        : examined.actions().stream().map(ActionReport::description).toList());
        return examined.actions().stream().map(a -> a.type() + " " + a.description() + " " + a.status()).toList();
    }

    /** An account where believing any claim would plan something else. */
    private static InMemoryPorts estate(StoppedTask described) {
        InMemoryPorts aws = new InMemoryPorts();
        aws.tasks.put(described.taskArn(), described);
        aws.definitions.put(Tasks.TASK_DEFINITION_ARN, Tasks.seedDefinition());
        aws.definitions.put(OTHER_DEFINITION, new TaskDefinition(OTHER_DEFINITION, List.of(Tasks.container("job")
                .image("public.ecr.aws/docker/library/busybox:latest").environmentFile("arn:aws:s3:::bucket/app.env")
                .build()), null));
        aws.vpcOfSubnet.put(Snapshots.TASK_SUBNET, Snapshots.VPC_ID);
        aws.vpcOfSubnet.put(Snapshots.SUBNET_C, Snapshots.VPC_ID);
        aws.services.put(SERVICE, new ServiceNetwork(List.of(Snapshots.TASK_SG),
                List.of(Snapshots.TASK_SUBNET), PublicIp.UNKNOWN, Map.of()));
        aws.services.put("other", new ServiceNetwork(List.of("sg-0other"),
                List.of(Snapshots.TASK_SUBNET), PublicIp.UNKNOWN, Map.of()));
        aws.interfaceGroups.put("eni-1", List.of(Snapshots.TASK_SG));
        aws.interfaceGroups.put("eni-other", List.of("sg-0other"));
        aws.execKmsKeys.put(OTHER_CLUSTER, "arn:aws:kms:" + Snapshots.REGION + ":" + Tasks.ACCOUNT + ":key/0a1b");
        aws.snapshots(Snapshots.VPC_ID, Snapshots.isolatedEmptyVpc()
                .subnet(Snapshots.SUBNET_C, Snapshots.AZ_C, Snapshots.SUBNET_C_CIDR, Snapshots.ROUTE_TABLE_C).build());
        return aws;
    }

    @Provide
    Arbitrary<EcsDescription> descriptions() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                        Arbitraries.of("1.4.0", "1.3.0", "LATEST").injectNull(0.2), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(true, true, true, false))
                .as(EcsDescription::new);
    }

    @Provide
    Arbitrary<List<Claim>> claims() {
        return Arbitraries.of(Field.values()).set().ofMinSize(1).ofMaxSize(5).flatMap(fields -> {
            List<Arbitrary<Claim>> each = new ArrayList<>();
            for (Field field : fields) {
                each.add(field.claim().map(value -> new Claim(field, value)));
            }
            return Combinators.combine(each).as(List::copyOf);
        });
    }

    @Example
    void everyFieldAnEventCanCarryIsClaimed() {
        // Events carry no tags; every other field of a stopped task is one the property claims.
        assertThat(StoppedTask.class.getRecordComponents()).hasSize(Field.values().length + 1);
    }
}
