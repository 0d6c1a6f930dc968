package ecsvpce.app;

import ecsvpce.app.CheckRequest.Document;
import ecsvpce.app.CheckRequest.Launch;
import ecsvpce.app.CheckRequest.Named;
import ecsvpce.app.port.Arns;
import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.FargateService;
import ecsvpce.app.port.Fleet;
import ecsvpce.app.port.ServiceLookup;
import ecsvpce.app.port.TaskDefinitions;
import ecsvpce.app.port.VpcReads;
import ecsvpce.core.SweepEngine;
import ecsvpce.core.Workload;
import ecsvpce.core.needs.NeedsAnalyzer;
import ecsvpce.core.needs.TaskDefinition;
import ecsvpce.core.needs.TaskLaunch;
import ecsvpce.core.needs.TaskNeeds;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.SecurityGroup;
import ecsvpce.core.network.TaskPlacement;
import ecsvpce.core.plan.ResourceTags;
import ecsvpce.report.CheckReport;
import ecsvpce.report.CheckReport.Checked;
import ecsvpce.report.CheckReports;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The check before a deploy: read the task definition and the network as a remediation reads them,
 * let the same engine diagnose, and answer READY, WILL_FAIL (each blocking finding with its exact
 * change) or CANNOT_TELL (what could not be read, or what is wrong with the request). Read only by
 * construction: it is given no writer, and the plan it reports is never applied.
 */
public final class DeployCheck {
    /** What the plan would name as its trigger, were it applied (a check applies nothing). */
    static final String TRIGGER = "deploy-check";
    /** The cluster ECS uses when a request names none. */
    private static final String DEFAULT_CLUSTER = "default";
    private static final String DEFAULT_GROUP = "default";

    private final TaskDefinitions definitions;
    private final Fleet fleet;
    private final VpcReads network;
    private final Settings settings;
    private final GuardRails guardRails;
    private final String region;
    private final Clock clock;

    public DeployCheck(TaskDefinitions definitions, Fleet fleet, VpcReads network, Settings settings, String region,
                       Clock clock) {
        this.definitions = definitions;
        this.fleet = fleet;
        this.network = network;
        this.settings = settings;
        this.guardRails = new GuardRails(settings);
        this.region = region;
        this.clock = clock;
    }

    /** The report for a request that could not be read at all: nothing is read. */
    public CheckReport rejected(String reason) {
        return CheckReports.cannotTell(null, region, null, reason, false);
    }

    public CheckReport check(CheckRequest request) {
        if (request instanceof CheckRequest.OfService service) {
            return ofService(service);
        }
        return launch((Launch) request, null);
    }

    private CheckReport ofService(CheckRequest.OfService request) {
        Checked asked = new Checked(null, request.service(), request.cluster(), null, List.of(), List.of(), false);
        ServiceLookup found;
        try {
            found = fleet.service(request.cluster(), request.service());
        } catch (CallFailure failure) {
            return unreadable(null, asked, "could not read service " + request.service(), failure);
        }
        if (found instanceof ServiceLookup.NotCheckable notCheckable) {
            return CheckReports.cannotTell(null, region, asked, notCheckable.reason(), false);
        }
        FargateService service = ((ServiceLookup.Found) found).service();
        return launch(new Launch(new Named(service.taskDefinitionArn()), service.subnetIds(),
                service.securityGroupIds(), service.platformVersion(), service.clusterArn(),
                service.executeCommandEnabled(), service.publicIp()), service);
    }

    /** @param service the service the launch is read from, or null */
    private CheckReport launch(Launch request, FargateService service) {
        String account = service == null ? null : service.accountId();
        Checked asked = checked(request, service, label(request.definition()));
        if (request.subnetIds().isEmpty()) {
            return CheckReports.cannotTell(account, region, asked, "no subnet given: a Fargate task starts in the "
                    + "subnets of its awsvpc configuration", false);
        }
        TaskDefinition definition;
        try {
            definition = request.definition() instanceof Document document ? document.definition()
                    : definitions.taskDefinition(((Named) request.definition()).reference());
        } catch (CallFailure failure) {
            return unreadable(account, asked, "could not read task definition " + asked.taskDefinition(), failure);
        }
        if (definition == null) {
            return CheckReports.cannotTell(account, region, asked, "task definition " + asked.taskDefinition()
                    + " does not exist", false);
        }
        account = account != null ? account : Arns.accountOf(definition.arn());
        asked = checked(request, service, definition.arn() == null ? asked.taskDefinition() : definition.arn());
        if (definition.notForFargate()) {
            return CheckReports.cannotTell(account, region, asked, "task definition " + asked.taskDefinition()
                    + " is for " + definition.compatibilities() + " only: the check is for tasks on Fargate", false);
        }
        try {
            return decide(request, service, definition, account, asked);
        } catch (CallFailure failure) {
            return unreadable(account, asked, "could not read everything the check needs", failure);
        }
    }

    private CheckReport decide(Launch request, FargateService service, TaskDefinition definition, String account,
                               Checked asked) {
        Map<String, String> vpcOfSubnet = network.vpcsOfSubnets(request.subnetIds());
        List<String> missing = request.subnetIds().stream().filter(s -> !vpcOfSubnet.containsKey(s)).toList();
        if (!missing.isEmpty()) {
            return CheckReports.cannotTell(account, region, asked, "subnet(s) " + String.join(", ", missing)
                    + " do not exist in this account and Region (" + region + ")", false);
        }
        TreeSet<String> vpcs = new TreeSet<>(vpcOfSubnet.values());
        if (vpcs.size() > 1) {
            return CheckReports.cannotTell(account, region, asked, "the subnets are in " + vpcs.size() + " VPCs ("
                    + vpcOfSubnet.entrySet().stream().map(e -> e.getKey() + " in " + e.getValue())
                    .collect(Collectors.joining(", ")) + "): ECS starts a task's subnets in one VPC only", false);
        }
        String vpcId = vpcs.first();
        Optional<String> leftAlone = guardRails.vpc(vpcId);
        if (leftAlone.isPresent()) {
            return CheckReports.cannotTell(account, region, asked, leftAlone.get(), false);
        }
        // One cluster asked, by name or ARN: ECS answers with its ARN, so the only key there is is its.
        String execKey = request.executeCommand() ? fleet.execKmsKeys(List.of(cluster(request))).values().stream()
                .findFirst().orElse(null) : null;
        NetworkSnapshot snapshot = network.snapshot(vpcId);
        List<String> unknownGroups = request.securityGroupIds().stream()
                .filter(group -> snapshot.securityGroup(group).isEmpty()).toList();
        if (!unknownGroups.isEmpty()) {
            return CheckReports.cannotTell(account, region, asked, "security group(s) " + String.join(", ", unknownGroups)
                    + " do not exist in " + vpcId, false);
        }
        List<String> notes = new ArrayList<>();
        List<String> groups = request.securityGroupIds();
        if (groups.isEmpty()) {
            groups = snapshot.securityGroups().stream().filter(g -> DEFAULT_GROUP.equals(g.name()))
                    .map(SecurityGroup::id).toList();
            notes.add("no security group given: checked with " + vpcId + "'s default group " + groups
                    + ", which ECS gives a task that names none");
        }
        TaskNeeds needs = NeedsAnalyzer.analyze(definition, new TaskLaunch(region, request.platformVersion(),
                service == null ? null : service.platformFamily(), request.executeCommand(), execKey));
        String what = what(service, asked.taskDefinition());
        List<Workload> workloads = new ArrayList<>();
        for (String subnet : request.subnetIds()) {
            workloads.add(new Workload(what, needs, new TaskPlacement(account, subnet, groups, request.publicIp(),
                    service == null ? null : service.owner())));
        }
        return CheckReports.decided(account, region, asked, what, needs, SweepEngine.decide(snapshot, workloads,
                settings.plan(), ResourceTags.forCreation(TRIGGER, clock.instant())), notes);
    }

    private CheckReport unreadable(String account, Checked asked, String what, CallFailure failure) {
        return CheckReports.cannotTell(account, region, asked, what + ": " + failure.getMessage(),
                failure instanceof CallFailure.StillFailing);
    }

    private static String cluster(Launch request) {
        return request.cluster() == null ? DEFAULT_CLUSTER : request.cluster();
    }

    private static Checked checked(Launch request, FargateService service, String taskDefinition) {
        return new Checked(taskDefinition, service == null ? null : service.serviceName(),
                service == null ? request.cluster() : service.clusterArn(), request.platformVersion(),
                request.subnetIds(), request.securityGroupIds(), request.executeCommand());
    }

    private static String label(CheckRequest.Definition definition) {
        if (definition instanceof Named named) {
            return named.reference();
        }
        String arn = ((Document) definition).definition().arn();
        return arn == null ? "(the document given)" : arn;
    }

    /** {@code task definition app:3}, or {@code service web (task definition app:3)}. */
    private static String what(FargateService service, String taskDefinition) {
        String shortName = taskDefinition.substring(taskDefinition.lastIndexOf('/') + 1);
        return service == null ? "task definition " + shortName
                : "service " + service.serviceName() + " (task definition " + shortName + ")";
    }
}
