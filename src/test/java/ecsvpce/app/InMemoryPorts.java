package ecsvpce.app;

import ecsvpce.app.port.ActionResult;
import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.DeploymentState;
import ecsvpce.app.port.FargateService;
import ecsvpce.app.port.Fleet;
import ecsvpce.app.port.FollowUp;
import ecsvpce.app.port.FollowUpQueue;
import ecsvpce.app.port.Notice;
import ecsvpce.app.port.Notifier;
import ecsvpce.app.port.ServiceDeployer;
import ecsvpce.app.port.ServiceLookup;
import ecsvpce.app.port.ServiceNetwork;
import ecsvpce.app.port.ServiceState;
import ecsvpce.app.port.ServiceStates;
import ecsvpce.app.port.StoppedTask;
import ecsvpce.app.port.StoppedTasks;
import ecsvpce.app.port.TaskDefinitions;
import ecsvpce.app.port.VpcChanges;
import ecsvpce.app.port.VpcReads;
import ecsvpce.core.needs.TaskDefinition;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.plan.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every port of the use cases answered from memory: what a test puts in is what the use case reads;
 * a failure set for a call is thrown by it; every call is recorded by name ({@code snapshot:vpc-1}).
 * Writes are scripted per round ({@link #onApply}); by default every action is applied.
 */
final class InMemoryPorts implements StoppedTasks, TaskDefinitions, Fleet, VpcReads, VpcChanges, ServiceStates,
        Notifier, FollowUpQueue, ServiceDeployer {
    final List<String> calls = new ArrayList<>();
    final Map<String, StoppedTask> tasks = new HashMap<>();
    final Map<String, ServiceNetwork> services = new HashMap<>();
    final Map<String, List<String>> interfaceGroups = new HashMap<>();
    final Map<String, TaskDefinition> definitions = new HashMap<>();
    final List<String> clusters = new ArrayList<>();
    final Map<String, List<FargateService>> servicesByCluster = new LinkedHashMap<>();
    final Map<String, String> vpcOfSubnet = new HashMap<>();
    final Map<String, String> execKmsKeys = new HashMap<>();
    /** One service read on its own, by {@code cluster/service}. */
    final Map<String, ServiceLookup> lookups = new HashMap<>();
    /** Services by {@code clusterArn/serviceName}. */
    final Map<String, ServiceState> serviceStates = new HashMap<>();
    final List<Notice> published = new ArrayList<>();
    /** Each follow-up queued, with its delay. */
    final Map<FollowUp, Duration> queued = new LinkedHashMap<>();
    /** When a new deployment started here is created, as ECS would say. */
    Instant deploymentsCreatedAt = Instant.parse("2026-11-30T10:00:00Z");
    /** The actions of each call to {@link #apply}, in order. */
    final List<List<Action>> applied = new ArrayList<>();
    private final Map<String, Deque<NetworkSnapshot>> snapshots = new HashMap<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();
    private final Deque<Apply> applyRounds = new ArrayDeque<>();

    /** What one call to {@link #apply} does. */
    interface Apply {
        void apply(List<Action> actions, List<ActionResult> done);
    }

    /** Each read of the VPC answers the next of these; the last one stays. */
    InMemoryPorts snapshots(String vpcId, NetworkSnapshot... inOrder) {
        snapshots.put(vpcId, new ArrayDeque<>(List.of(inOrder)));
        return this;
    }

    /** The call (by its recorded name) throws this, every time. */
    InMemoryPorts fail(String call, RuntimeException failure) {
        failures.put(call, failure);
        return this;
    }

    /** The next call to {@link #apply} does this instead of applying every action. */
    InMemoryPorts onApply(Apply round) {
        applyRounds.add(round);
        return this;
    }

    /** Applies the first {@code count} actions, then loses a race on the rest. */
    static Apply applyThenLoseRace(int count) {
        return (actions, done) -> {
            actions.stream().limit(count).forEach(action -> done.add(ActionResult.applied(action, "res-" + done.size())));
            throw new CallFailure.LostRace("ec2:CreateVpcEndpoint", "lost a race (IdempotentParameterMismatch)", null);
        };
    }

    /** Applies the first {@code count} actions, then AWS refuses the next for good. */
    static Apply applyThenRefuse(int count) {
        return (actions, done) -> {
            actions.stream().limit(count).forEach(action -> done.add(ActionResult.applied(action, "res-" + done.size())));
            throw refused("ec2:CreateVpcEndpoint");
        };
    }

    static CallFailure.Refused refused(String iamAction) {
        return new CallFailure.Refused(true, iamAction, "UnauthorizedOperation",
                iamAction + " was denied: grant it to the function's role (UnauthorizedOperation)", null);
    }

    static CallFailure.StillFailing stillFailing(String iamAction) {
        return new CallFailure.StillFailing(iamAction, new RuntimeException("Rate exceeded"));
    }

    private void call(String name) {
        calls.add(name);
        RuntimeException failure = failures.get(name);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Optional<StoppedTask> describeTask(String clusterArn, String taskArn) {
        call("describeTask");
        return Optional.ofNullable(tasks.get(taskArn));
    }

    @Override
    public Optional<ServiceNetwork> service(String clusterArn, String serviceName, String startedBy) {
        call("service");
        return Optional.ofNullable(services.get(serviceName));
    }

    @Override
    public Optional<String> execKmsKey(String clusterArn) {
        call("execKmsKey");
        return Optional.ofNullable(execKmsKeys.get(clusterArn));
    }

    @Override
    public Map<String, String> execKmsKeys(Collection<String> clusterArns) {
        call("execKmsKeys");
        Map<String, String> keys = new LinkedHashMap<>();
        clusterArns.stream().filter(execKmsKeys::containsKey).forEach(arn -> keys.put(arn, execKmsKeys.get(arn)));
        return keys;
    }

    @Override
    public TaskDefinition taskDefinition(String taskDefinitionArn) {
        call("taskDefinition:" + taskDefinitionArn);
        return definitions.get(taskDefinitionArn);
    }

    @Override
    public List<String> clusterArns() {
        call("clusterArns");
        return List.copyOf(clusters);
    }

    @Override
    public List<FargateService> fargateServices(String clusterArn) {
        call("fargateServices:" + clusterArn);
        return servicesByCluster.getOrDefault(clusterArn, List.of());
    }

    @Override
    public ServiceLookup service(String clusterArn, String service) {
        call("service:" + clusterArn + "/" + service);
        return lookups.getOrDefault(clusterArn + "/" + service, new ServiceLookup.NotCheckable("no such service"));
    }

    @Override
    public NetworkSnapshot snapshot(String vpcId) {
        call("snapshot:" + vpcId);
        Deque<NetworkSnapshot> answers = snapshots.get(vpcId);
        return answers.size() > 1 ? answers.poll() : answers.peek();
    }

    @Override
    public Map<String, String> vpcsOfSubnets(Collection<String> subnetIds) {
        call("vpcsOfSubnets");
        Map<String, String> vpcs = new LinkedHashMap<>();
        subnetIds.stream().filter(vpcOfSubnet::containsKey).forEach(id -> vpcs.put(id, vpcOfSubnet.get(id)));
        return vpcs;
    }

    @Override
    public Optional<List<String>> securityGroupsOfInterface(String networkInterfaceId) {
        call("securityGroupsOfInterface");
        return Optional.ofNullable(interfaceGroups.get(networkInterfaceId));
    }

    @Override
    public void apply(List<Action> actions, List<ActionResult> done) {
        call("apply");
        applied.add(List.copyOf(actions));
        Apply round = applyRounds.isEmpty()
                ? (all, results) -> all.forEach(action -> results.add(ActionResult.applied(action, "res-" + results.size())))
                : applyRounds.poll();
        round.apply(actions, done);
    }

    @Override
    public Map<String, ServiceState> states(String clusterArn, Collection<String> serviceNames) {
        call("states:" + clusterArn);
        Map<String, ServiceState> states = new LinkedHashMap<>();
        serviceNames.stream().filter(name -> serviceStates.containsKey(clusterArn + "/" + name))
                .forEach(name -> states.put(name, serviceStates.get(clusterArn + "/" + name)));
        return states;
    }

    /** Like ECS: the service gets a new primary deployment, the former primary stays listed as active. */
    @Override
    public DeploymentState forceNewDeployment(String clusterArn, String serviceName) {
        call("deploy:" + serviceName);
        String key = clusterArn + "/" + serviceName;
        ServiceState state = serviceStates.get(key);
        DeploymentState started = new DeploymentState("ecs-svc/" + (1000 + calls.size()), "PRIMARY",
                state == null || state.deployments().isEmpty() ? null : state.deployments().get(0).taskDefinitionArn(),
                "IN_PROGRESS", "ECS deployment in progress.", 0, 0, deploymentsCreatedAt);
        if (state != null) {
            List<DeploymentState> deployments = new ArrayList<>(List.of(started));
            state.deployments().forEach(d -> deployments.add(new DeploymentState(d.id(), "ACTIVE", d.taskDefinitionArn(),
                    d.rolloutState(), d.rolloutStateReason(), d.failedTasks(), d.runningCount(), d.createdAt())));
            serviceStates.put(key, new ServiceState(state.runningCount(), state.desiredCount(), state.securityGroupIds(),
                    state.subnetIds(), state.tags(), deployments));
        }
        return started;
    }

    @Override
    public String publish(Notice notice) {
        call("publish");
        published.add(notice);
        return "message-" + published.size();
    }

    @Override
    public void send(FollowUp followUp, Duration delay) {
        call("send");
        queued.put(followUp, delay);
    }
}
