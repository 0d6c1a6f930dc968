package ecsvpce.races;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ecsvpce.app.Settings;
import ecsvpce.app.TaskRemediation;
import ecsvpce.app.port.StoppedTask;
import ecsvpce.aws.Ec2NetworkReader;
import ecsvpce.aws.Ec2NetworkWriter;
import ecsvpce.aws.EcsTaskReader;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.core.plan.Planner;
import ecsvpce.core.plan.ResourceTags;
import ecsvpce.report.ActionReport;
import ecsvpce.report.ActionStatus;
import ecsvpce.report.Mode;
import ecsvpce.report.TaskReport;
import ecsvpce.support.FakeEcs;
import ecsvpce.support.NoPrivateZones;
import ecsvpce.support.fakeec2.FakeEc2;
import ecsvpce.testing.VpcReadBack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Racing invocations of the task-stopped use case against {@link FakeEc2}, which applies AWS's
 * conflict rules atomically and lets a test choose the interleaving. Fast: no moto, no HTTP.
 *
 * <p>The layers that keep racers from making duplicates, and the test that names each:
 * deterministic ClientToken (same task twice: one endpoint shared without any error),
 * adopt-on-conflict re-read (every racer reads the empty VPC first; a racer that loses every
 * create), the conflicting-DNS answer for an endpoint someone else made, InvalidGroup.Duplicate
 * for the group, one subnet per AZ.
 */
class RacingRemediationTest {
    static final List<String> SEED_SERVICES = List.of("ecr.api", "ecr.dkr", "logs", "s3", "secretsmanager", "ssm");
    private static final String REGION = FakeEc2.REGION;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final FakeEc2 ec2 = new FakeEc2();
    private final FakeEc2.Seed seed = ec2.seedVpc();
    private final FakeEcs ecs = new FakeEcs(List.of(seed.taskSecurityGroupId()));
    private final List<Ec2NetworkReader> readers = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void closeReaders() {
        readers.forEach(Ec2NetworkReader::close);
    }

    @Test
    void twentyRacersThatAllReadTheEmptyVpcBeforeAnyWriteEndWithOneOfEverything() throws Exception {
        ec2.beforeEachCall(WriteBarrier.perThread(20, TIMEOUT));
        List<Callable<TaskReport>> invocations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            StoppedTask task = ecs.stoppedTask(seed.subnetId(), "us-east-1a");
            invocations.add(() -> invocation(Clock.systemUTC()).remediate(task));
        }

        List<Racers.Result> results = Racers.race(invocations, TIMEOUT, Racers::of);

        System.out.println("20 racers, FakeEc2, barrier before the first write:\n" + Racers.table(results));
        assertConverged(results);
        // Every racer read the empty VPC and tried to create the group; one did.
        assertThat(ec2.count("CreateSecurityGroup")).isEqualTo(20);
        assertThat(ec2.errors("InvalidGroup.Duplicate")).isEqualTo(19);
    }

    @Test
    void aRacerThatLosesEveryCreateStillConvergesByAdoptingWhatTheOthersMade() {
        Thread victim = Thread.currentThread();
        FrontRunner frontRunner = new FrontRunner(ec2, t -> t == victim, FrontRunner.Mode.ANOTHER_INVOCATION);
        ec2.beforeEachCall(frontRunner);

        TaskReport.Examined report = (TaskReport.Examined) invocation(Clock.systemUTC())
                .remediate(ecs.stoppedTask(seed.subnetId(), "us-east-1a"));

        Racers.Result result = Racers.of(0, report);
        System.out.println("a racer that loses every create:\n" + Racers.table(List.of(result)) + report.notes());
        // The group and six endpoints were each made just before the victim's own create.
        assertThat(frontRunner.frontRuns()).isEqualTo(7);
        assertThat(ec2.errors("InvalidGroup.Duplicate")).isEqualTo(1);
        assertThat(ec2.errors("IdempotentParameterMismatch")).isEqualTo(6);
        assertThat(result.outcome()).isEqualTo("NOTHING_TO_DO");
        // Lost the group: re-read. Lost every endpoint, each skipped in one pass: re-read. Adopted all.
        assertThat(result.rounds()).isEqualTo(3);
        assertConverged(List.of(result));
    }

    @Test
    void theSameTaskTwentyTimesSharesEveryEndpointThroughTheClientTokenWithoutAMismatch() throws Exception {
        // Our group is there from an earlier run, so all twenty go straight for the six endpoints.
        String group = ourGroup();
        ec2.beforeEachCall(WriteBarrier.perThread(20, TIMEOUT));
        StoppedTask task = ecs.stoppedTask(seed.subnetId(), "us-east-1a");
        // At-least-once delivery: the same event, handled in the same second (the created-at tag).
        Clock sameSecond = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
        List<Callable<TaskReport>> invocations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            invocations.add(() -> invocation(sameSecond).remediate(task));
        }

        List<Racers.Result> results = Racers.race(invocations, TIMEOUT, Racers::of);

        System.out.println("the same task 20 times:\n" + Racers.table(results));
        assertConverged(results);
        // Twenty identical requests per service, one token each: one endpoint, answered to all.
        assertThat(ec2.count("CreateVpcEndpoint")).isEqualTo(20 * 6);
        assertThat(ec2.writes()).allSatisfy(call -> assertThat(call.errorCode()).isNull());
        List<String> endpointIds = vpc().endpoints().stream().map(VpcReadBack.Endpoint::id).toList();
        assertThat(results).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo("REMEDIATED");
            assertThat(r.resourceIds()).containsExactlyInAnyOrderElementsOf(endpointIds);
        });
        assertThat(vpc().endpoints()).filteredOn(VpcReadBack.Endpoint::isInterface)
                .allSatisfy(e -> assertThat(e.securityGroupIds()).containsExactly(group));
    }

    @Test
    void anEndpointSomeoneElseCreatesMeanwhileIsAdoptedThroughTheConflictingDnsAnswer() {
        Thread victim = Thread.currentThread();
        FrontRunner someoneElse = new FrontRunner(ec2, t -> t == victim, FrontRunner.Mode.SOMEONE_ELSE);
        ec2.beforeEachCall(someoneElse);

        TaskReport.Examined report = (TaskReport.Examined) invocation(Clock.systemUTC())
                .remediate(ecs.stoppedTask(seed.subnetId(), "us-east-1a"));

        Racers.Result result = Racers.of(0, report);
        System.out.println("someone else creates each interface endpoint first:\n" + Racers.table(List.of(result))
                + report.notes());
        assertThat(someoneElse.frontRuns()).isEqualTo(5);
        assertThat(ec2.errors("InvalidParameter")).isEqualTo(5);
        assertConverged(List.of(result));
        // Their endpoints came with the VPC's default group only: ours was attached to each.
        String ours = groupsNamed(Planner.ENDPOINT_GROUP_NAME).get(0).id();
        assertThat(vpc().endpoints()).filteredOn(VpcReadBack.Endpoint::isInterface)
                .allSatisfy(e -> assertThat(e.securityGroupIds()).contains(ours));
        assertThat(result.actionTypes()).contains("ATTACH_SECURITY_GROUP");
    }

    @Test
    void racersFromTwoSubnetsOfOneZoneNeverPutTwoSubnetsOfAZoneOnAnEndpoint() throws Exception {
        String otherSubnet = ec2.addSubnet(seed.vpcId(), "us-east-1a", "10.0.2.0/24", true);
        ec2.beforeEachCall(WriteBarrier.perThread(10, TIMEOUT));
        List<Callable<TaskReport>> invocations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            StoppedTask task = ecs.stoppedTask(i % 2 == 0 ? seed.subnetId() : otherSubnet, "us-east-1a");
            invocations.add(() -> invocation(Clock.systemUTC()).remediate(task));
        }

        List<Racers.Result> results = Racers.race(invocations, TIMEOUT, Racers::of);

        System.out.println("10 racers from two subnets of us-east-1a:\n" + Racers.table(results));
        assertConverged(results);
        assertThat(ec2.errors("DuplicateSubnetsInSameZone")).isZero();
        assertThat(vpc().endpoints()).filteredOn(VpcReadBack.Endpoint::isInterface)
                .allSatisfy(e -> assertThat(e.subnetIds()).hasSize(1));
        // Both subnets' route tables carry the one S3 gateway.
        assertThat(vpc().endpoint("s3").orElseThrow().routeTableIds()).hasSize(2);
    }

    @Test
    void aPermanentFailureAfterALostRaceReportsEachActionOnceAppliedOrNot() {
        Thread victim = Thread.currentThread();
        ec2.beforeEachCall((operation, request) -> {
            if (Thread.currentThread() == victim && request instanceof CreateVpcEndpointRequest create) {
                if (create.serviceName().endsWith(".ecr.api")) {
                    // Another invocation's ecr.api endpoint lands first: this one loses that race.
                    ec2.asAnotherCaller(() -> ec2.createVpcEndpoint(create.toBuilder().tagSpecifications(List.of()).build()));
                } else if (create.serviceName().endsWith(".ssm")) {
                    throw Ec2Exception.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("UnauthorizedOperation").errorMessage("You are not authorized").build()).build();
                }
            }
        });

        TaskReport.Examined report = (TaskReport.Examined) invocation(Clock.systemUTC())
                .remediate(ecs.stoppedTask(seed.subnetId(), "us-east-1a"));

        assertThat(report.outcome().name()).isEqualTo("FAILED");
        assertThat(report.actions()).extracting(ActionReport::description).doesNotHaveDuplicates();
        assertThat(report.actions()).extracting(ActionReport::type, ActionReport::status).containsExactly(
                tuple("CREATE_ENDPOINT_SECURITY_GROUP", ActionStatus.APPLIED), tuple("CREATE_INTERFACE_ENDPOINT", ActionStatus.APPLIED),
                tuple("CREATE_INTERFACE_ENDPOINT", ActionStatus.APPLIED), tuple("CREATE_INTERFACE_ENDPOINT", ActionStatus.NOT_APPLIED),
                tuple("CREATE_INTERFACE_ENDPOINT", ActionStatus.NOT_APPLIED), tuple("CREATE_INTERFACE_ENDPOINT", ActionStatus.NOT_APPLIED),
                tuple("CREATE_GATEWAY_ENDPOINT", ActionStatus.NOT_APPLIED));
        assertThat(report.actions()).filteredOn(a -> a.status() == ActionStatus.APPLIED)
                .allSatisfy(a -> assertThat(a.resourceId()).isNotNull());
    }

    @Test
    void anEndpointOfOursThatSomeoneDeletedIsMadeAgainDespiteItsSpentClientToken() throws Exception {
        TaskReport first = invocation(Clock.systemUTC()).remediate(ecs.stoppedTask(seed.subnetId(), "us-east-1a"));
        assertThat(first.outcome().name()).isEqualTo("REMEDIATED");
        String ssm = vpc().endpoint("ssm").orElseThrow().id();
        ec2.deleteEndpoint(ssm);
        // EC2 keeps a client token for at least a day after its resource is gone; the next tasks'
        // creates carry other tags, so that token answers IdempotentParameterMismatch to them.
        ec2.beforeEachCall(WriteBarrier.perThread(10, TIMEOUT));
        List<Callable<TaskReport>> invocations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            StoppedTask task = ecs.stoppedTask(seed.subnetId(), "us-east-1a");
            Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5));
            invocations.add(() -> invocation(later).remediate(task));
        }

        List<Racers.Result> results = Racers.race(invocations, TIMEOUT, Racers::of);

        System.out.println("10 racers after our ssm endpoint was deleted:\n" + Racers.table(results));
        assertConverged(results);
        assertThat(vpc().endpoint("ssm").orElseThrow().id()).isNotEqualTo(ssm);
    }

    @Test
    void racersThatAdoptEndpointsStillPendingReportThemAsBeingMadeNotAsNeedingAPerson() throws Exception {
        ec2.newEndpointState("pending");
        ec2.beforeEachCall(WriteBarrier.perThread(5, TIMEOUT));
        List<Callable<TaskReport>> invocations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            StoppedTask task = ecs.stoppedTask(seed.subnetId(), "us-east-1a");
            invocations.add(() -> invocation(Clock.systemUTC()).remediate(task));
        }

        List<Racers.Result> results = Racers.race(invocations, TIMEOUT, Racers::of);

        assertConverged(results);
    }

    // -----------------------------------------------------------------------------------------

    private TaskRemediation invocation(Clock clock) {
        Ec2NetworkReader reader = new Ec2NetworkReader(ec2, new NoPrivateZones(), REGION);
        readers.add(reader);
        EcsTaskReader tasks = new EcsTaskReader(ecs);
        return new TaskRemediation(tasks, tasks, reader, new Ec2NetworkWriter(ec2),
                new Settings(Mode.REMEDIATE, PlanSettings.defaults()), REGION, clock);
    }

    /** The group an earlier run of ours left: named and tagged as ours, TCP 443 from the VPC. */
    private String ourGroup() {
        String id = ec2.createSecurityGroup(r -> r.vpcId(seed.vpcId()).groupName(Planner.ENDPOINT_GROUP_NAME)
                .description("earlier run").tagSpecifications(t -> t.resourceType(ResourceType.SECURITY_GROUP)
                        .tags(Tag.builder().key(ResourceTags.CREATED_BY).value(ResourceTags.PRODUCT).build()))).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(443).toPort(443).ipRanges(x -> x.cidrIp("10.0.0.0/16")).build()));
        return id;
    }

    private VpcReadBack vpc() {
        return ec2.readBack(seed.vpcId());
    }

    private List<VpcReadBack.SecurityGroupView> groupsNamed(String name) {
        return vpc().securityGroups().stream().filter(g -> g.name().equals(name)).toList();
    }

    /**
     * Exactly one endpoint per needed service and one group of ours; no invocation threw; every
     * report is REMEDIATED or NOTHING_TO_DO and names only resources that are there.
     */
    private void assertConverged(List<Racers.Result> results) {
        String table = Racers.table(results);
        assertThat(results).as(table).noneSatisfy(r -> assertThat(r.threw()).isTrue());
        VpcReadBack vpc = vpc();
        assertThat(vpc.endpointCountByService()).as(table).containsOnlyKeys(SEED_SERVICES)
                .allSatisfy((service, count) -> assertThat(count).as(service).isEqualTo(1));
        assertThat(groupsNamed(Planner.ENDPOINT_GROUP_NAME)).as(table).hasSize(1);
        assertThat(results).as(table).allSatisfy(r -> assertThat(r.outcome()).isIn("REMEDIATED", "NOTHING_TO_DO"));
        Set<String> present = new HashSet<>();
        vpc.endpoints().forEach(e -> present.add(e.id()));
        vpc.securityGroups().forEach(g -> present.add(g.id()));
        assertThat(results).as(table).allSatisfy(r -> assertThat(r.resourceIds()).doesNotContainNull()
                .allSatisfy(id -> assertThat(present).contains(id)));
    }
}
