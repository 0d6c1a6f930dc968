package ecsvpce.it;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.network.Cidr;
import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.testing.EndpointSpec;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.MotoTest;
import ecsvpce.testing.TaskStoppedEvent;
import ecsvpce.testing.VpcReadBack;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** RemediateFunction end to end against a real moto_server: event in, VPC healed, report out. */
@MotoTest
class RemediateFunctionIT {
    private static final List<String> SEED_SERVICES = List.of("ecr.dkr", "ecr.api", "s3", "logs", "ssm", "secretsmanager");
    private static final String PERMISSION_REASON = "ResourceInitializationError: unable to pull secrets or registry "
            + "auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been "
            + "retried 1 time(s): AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/"
            + "abc is not authorized to perform: secretsmanager:GetSecretValue on resource: " + FargateScenario.SECRET_ARN;

    private final CallRecorder recorder = new CallRecorder("RemediateFunction");

    @Test
    void healsTheSeedsIsolatedSubnetThatHasNoEndpointAtAll() {
        try (FargateScenario scenario = FargateScenario.builder().create()) {
            Map<String, Object> report = remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(report.get("outcome")).isEqualTo("REMEDIATED");
            VpcReadBack vpc = scenario.readBack();
            assertThat(vpc.endpointCountByService()).containsOnlyKeys(SEED_SERVICES)
                    .allSatisfy((service, count) -> assertThat(count).as(service).isEqualTo(1));
            for (String service : List.of("ecr.dkr", "ecr.api", "logs", "ssm", "secretsmanager")) {
                VpcReadBack.Endpoint endpoint = vpc.endpoint(service).orElseThrow();
                assertThat(endpoint.privateDns()).as(service + " private DNS").isTrue();
                assertThat(endpoint.subnetIds()).as(service + " subnets").containsExactly(scenario.subnetId());
                assertThat(endpoint.securityGroupIds()).as(service + " groups").singleElement().satisfies(group ->
                        assertThat(admitsHttpsFromTask(vpc.securityGroup(group), scenario))
                                .as("443 from the task's subnet").isTrue());
            }
            assertThat(vpc.endpoint("s3").orElseThrow().routeTableIds()).containsExactly(scenario.routeTableId());
            assertThat(new BigDecimal(report.get("monthlyCostUsd").toString())).isEqualByComparingTo("36.50");
            assertThat(actionTypes(report)).containsExactly("CREATE_ENDPOINT_SECURITY_GROUP",
                    "CREATE_INTERFACE_ENDPOINT", "CREATE_INTERFACE_ENDPOINT", "CREATE_INTERFACE_ENDPOINT",
                    "CREATE_INTERFACE_ENDPOINT", "CREATE_INTERFACE_ENDPOINT", "CREATE_GATEWAY_ENDPOINT");
            assertThat(actionResourceIds(report)).doesNotContainNull();
        }
    }

    @Test
    void fixesTheSeedsFailureInPlace() {
        try (FargateScenario scenario = FargateScenario.seedArticle().create()) {
            String endpointBefore = scenario.endpointId("secretsmanager");

            Map<String, Object> report = remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(report.get("outcome")).isEqualTo("REMEDIATED");
            assertThat(failure(report)).containsEntry("class", "NETWORK").containsEntry("service", "secretsmanager");
            assertThat(findingCodes(report)).containsExactly("PRIVATE_DNS_DISABLED");
            assertThat(actionTypes(report)).containsExactly("ENABLE_PRIVATE_DNS");
            assertThat(actionResourceIds(report)).containsExactly(endpointBefore);
            VpcReadBack vpc = scenario.readBack();
            assertThat(vpc.endpointCount("secretsmanager")).isEqualTo(1);
            assertThat(vpc.endpoint("secretsmanager").orElseThrow().privateDns()).isTrue();
            assertThat(recorder.writes()).containsExactly("ec2:ModifyVpcEndpoint");
        }
    }

    @Test
    void platformVersion130GetsNoEcrApiEndpoint() {
        try (FargateScenario scenario = FargateScenario.builder().platformVersion("1.3.0").create()) {
            Map<String, Object> report = remediate(scenario, "CannotPullContainerError: Error response from daemon: "
                    + "Get https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/: net/http: request canceled while "
                    + "waiting for connection (Client.Timeout exceeded while awaiting headers)");

            assertThat(report.get("outcome")).isEqualTo("REMEDIATED");
            assertThat(failure(report)).containsEntry("class", "NETWORK").containsEntry("service", "ecr.dkr");
            assertThat(scenario.readBack().endpointCountByService())
                    .containsOnlyKeys("ecr.dkr", "s3", "logs", "ssm", "secretsmanager");
        }
    }

    @Test
    void aSubnetOnTheMainRouteTableGetsTheS3GatewayOnTheMainTable() {
        try (FargateScenario scenario = FargateScenario.builder().subnetOnMainRouteTable().create()) {
            remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(scenario.readBack().endpoint("s3").orElseThrow().routeTableIds())
                    .containsExactly(scenario.mainRouteTableId());
        }
    }

    @Test
    void turnsVpcDnsHostnamesOnBeforeAnythingElse() {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().dnsHostnames(false).create()) {
            Map<String, Object> report = remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(findingCodes(report)).containsExactly("VPC_DNS_HOSTNAMES_DISABLED");
            assertThat(actionTypes(report)).containsExactly("ENABLE_VPC_DNS_ATTRIBUTE");
            assertThat(scenario.readBack().dnsAttributes().privateDnsUsable()).isTrue();
            assertThat(recorder.writes()).containsExactly("ec2:ModifyVpcAttribute");
        }
    }

    @Test
    void attachesAGroupThatAdmits443ToAnEndpointWhoseGroupDoesNot() {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn()
                .endpoint(EndpointSpec.interfaceEndpoint("ssm").securityGroup(EndpointSpec.SecurityGroupChoice.NO_HTTPS))
                .create()) {
            Map<String, Object> report = remediate(scenario,
                    "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval "
                            + "failed: unable to retrieve secrets from ssm: service call has been retried 5 time(s): "
                            + "RequestCanceled: request context canceled caused by: context deadline exceeded");

            assertThat(findingCodes(report)).containsExactly("ENDPOINT_SG_BLOCKS_443");
            assertThat(actionTypes(report)).containsExactly("CREATE_ENDPOINT_SECURITY_GROUP", "ATTACH_SECURITY_GROUP");
            VpcReadBack vpc = scenario.readBack();
            VpcReadBack.Endpoint ssm = vpc.endpoint("ssm").orElseThrow();
            assertThat(vpc.endpointCount("ssm")).isEqualTo(1);
            assertThat(ssm.securityGroupIds()).hasSize(2).anySatisfy(group ->
                    assertThat(admitsHttpsFromTask(vpc.securityGroup(group), scenario)).isTrue());
            assertThat(vpc.securityGroups()).flatExtracting(VpcReadBack.SecurityGroupView::ingress)
                    .noneSatisfy(rule -> assertThat(rule.cidrs()).contains("0.0.0.0/0"));
        }
    }

    @Test
    void aTaskWhoseNetworkServesEveryNeedChangesNothing() {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().create()) {
            Map<String, Object> report = remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(report.get("outcome")).isEqualTo("NOTHING_TO_DO");
            assertThat(recorder.writes()).isEmpty();
        }
    }

    @Test
    void aTaskThatNeedsNoEndpointChangesNothingAndSaysWhatItNeedsInstead() {
        try (FargateScenario scenario = FargateScenario.builder().image("public.ecr.aws/nginx/nginx:1.27").noLogs()
                .noSecrets().create()) {
            Map<String, Object> report = remediate(scenario, "CannotPullContainerError: pull image manifest has been "
                    + "retried 5 time(s): failed to resolve ref public.ecr.aws/nginx/nginx:1.27: failed to do request: "
                    + "Head \"https://public.ecr.aws/v2/nginx/nginx/manifests/1.27\": dial tcp 99.83.145.10:443: i/o timeout");

            assertThat(report.get("needs")).asList().isEmpty();
            assertThat(report.get("unservable")).asList().singleElement().asString().contains("public.ecr.aws");
            assertThat(report.get("outcome")).isEqualTo("NOT_FIXABLE_BY_ENDPOINTS");
            assertThat(recorder.writes()).isEmpty();
        }
    }

    @Test
    void aPermissionFailureChangesNothingAndNamesTheMissingAction() {
        try (FargateScenario scenario = FargateScenario.builder().create()) {
            Map<String, Object> report = remediate(scenario, PERMISSION_REASON);

            assertThat(report.get("outcome")).isEqualTo("NOT_FIXABLE_BY_ENDPOINTS");
            assertThat(failure(report)).containsEntry("class", "PERMISSION")
                    .containsEntry("missingIamAction", "secretsmanager:GetSecretValue");
            assertThat(recorder.writes()).isEmpty();
            assertThat(scenario.readBack().endpoints()).isEmpty();
        }
    }

    @Test
    void theSameEventTwiceMakesNoDuplicate() {
        try (FargateScenario scenario = FargateScenario.builder().service("web").create()) {
            TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);

            Map<String, Object> first = Invocations.remediate(Mode.REMEDIATE, recorder, event.json());
            recorder.clear();
            Map<String, Object> second = Invocations.remediate(Mode.REMEDIATE, recorder, event.json());

            assertThat(first.get("outcome")).isEqualTo("REMEDIATED");
            assertThat(second.get("outcome")).isEqualTo("NOTHING_TO_DO");
            assertThat(recorder.writes()).isEmpty();
            assertThat(scenario.readBack().endpointCountByService()).allSatisfy((service, count) ->
                    assertThat(count).as(service).isEqualTo(1));
            assertThat(scenario.readBack().securityGroups())
                    .filteredOn(g -> g.name().equals("ecs-vpce-remediator-endpoints")).hasSize(1);
        }
    }

    @Test
    void dryRunPlansEverythingAndWritesNothing() {
        try (FargateScenario scenario = FargateScenario.builder().dnsHostnames(false).create()) {
            TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);

            Map<String, Object> report = Invocations.remediate(Mode.DRY_RUN, recorder, event.json());

            assertThat(report.get("outcome")).isEqualTo("PLANNED");
            assertThat(report.get("mode")).isEqualTo("DRY_RUN");
            assertThat(actionTypes(report)).startsWith("ENABLE_VPC_DNS_ATTRIBUTE").hasSize(8);
            assertThat(actions(report)).allSatisfy(action -> assertThat(action).containsEntry("status", "PLANNED"));
            assertThat(recorder.calls()).isNotEmpty();
            assertThat(recorder.writes()).isEmpty();
            assertThat(scenario.readBack().endpoints()).isEmpty();
            assertThat(scenario.readBack().dnsAttributes().enableDnsHostnames()).isFalse();
        }
    }

    @Test
    void customDnsServersAreReportedAndLeftAlone() {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().create();
             Ec2Client ec2 = ecsvpce.testing.FixtureClients.ec2()) {
            String options = ec2.createDhcpOptions(r -> r.dhcpConfigurations(c -> c.key("domain-name-servers")
                    .values("10.0.0.53"))).dhcpOptions().dhcpOptionsId();
            ec2.associateDhcpOptions(r -> r.dhcpOptionsId(options).vpcId(scenario.vpcId()));

            Map<String, Object> report = remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(findingCodes(report)).containsExactly("CUSTOM_DNS_SERVERS");
            assertThat(report.get("outcome")).isEqualTo("NOTHING_TO_DO");
            assertThat(recorder.calls()).contains("ec2:DescribeDhcpOptions");
            assertThat(recorder.writes()).isEmpty();
        }
    }

    @Test
    void anEventForATaskEcsDoesNotKnowIsSkipped() {
        try (FargateScenario scenario = FargateScenario.builder().create()) {
            TaskStoppedEvent event = scenario.runAndStopTask(FargateScenario.SEED_SECRETS_MANAGER_REASON);
            String forged = event.json().replace(event.taskArn(), event.taskArn() + "0");

            Map<String, Object> report = Invocations.remediate(Mode.REMEDIATE, recorder, forged);

            assertThat(report.get("outcome")).isEqualTo("SKIPPED");
            assertThat((String) report.get("summary")).contains("ECS does not know task");
            assertThat(recorder.calls()).containsExactly("ecs:DescribeTasks");
        }
    }

    /** Some rule admits TCP 443 from a block around the task's subnet, or from the task's group. */
    static boolean admitsHttpsFromTask(VpcReadBack.SecurityGroupView group, FargateScenario scenario) {
        String taskSubnet = scenario.subnetCidr(FargateScenario.TASK_SUBNET);
        return group.ingress().stream().filter(rule -> rule.coversTcp(443)).anyMatch(rule ->
                rule.cidrs().stream().anyMatch(cidr -> Cidr.covers(cidr, taskSubnet))
                        || rule.groupIds().contains(scenario.taskSecurityGroupId()));
    }

    private Map<String, Object> remediate(FargateScenario scenario, String reason) {
        TaskStoppedEvent event = scenario.runAndStopTask(reason);
        return Invocations.remediate(Mode.REMEDIATE, recorder, event.json());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> actions(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.getOrDefault("actions", List.of());
    }

    static List<Object> actionTypes(Map<String, Object> report) {
        return actions(report).stream().map(a -> a.get("type")).toList();
    }

    static List<Object> actionResourceIds(Map<String, Object> report) {
        return actions(report).stream().map(a -> a.get("resourceId")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Object> findingCodes(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.getOrDefault("findings", List.of())).stream()
                .map(f -> f.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> failure(Map<String, Object> report) {
        return (Map<String, Object>) report.get("failure");
    }
}
