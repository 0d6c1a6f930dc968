package ecsvpce.it;

import static ecsvpce.it.RemediateFunctionIT.actionTypes;
import static ecsvpce.it.RemediateFunctionIT.findingCodes;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.testing.EstateFixtures;
import ecsvpce.testing.EstateFixtures.AclRule;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.MotoTest;
import ecsvpce.testing.TaskStoppedEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RemediateFunction in real estates, against moto patched to refuse what AWS refuses (a private-DNS
 * endpoint where an associated zone holds the service's name; a new ACL that denies all): the right
 * verdict, and no write where creating an endpoint is wrong or not enough.
 */
@MotoTest
class RealEstatesIT {
    private static final List<String> SEED_SERVICES = List.of("ecr.dkr", "ecr.api", "s3", "logs", "ssm", "secretsmanager");

    private final CallRecorder recorder = new CallRecorder("RemediateFunction");

    @Test
    void aSpokeServedByCentralEndpointsForEveryServiceIsLeftWithoutALocalOne() {
        try (FargateScenario scenario = FargateScenario.builder().create()) {
            EstateFixtures.centralZones(scenario.vpcId(), SEED_SERVICES);

            Map<String, Object> report = remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(report.get("outcome")).isEqualTo("NOTHING_TO_DO");
            assertThat(findingCodes(report)).hasSize(6).containsOnly("SERVED_BY_CENTRAL_ENDPOINT");
            assertThat(recorder.writes()).isEmpty();
            assertThat(recorder.calls()).contains("route53:ListHostedZonesByVPC", "route53:ListResourceRecordSets");
            assertThat(scenario.readBack().endpointCountByService()).isEmpty();
        }
    }

    @Test
    void aServiceTheHubDoesNotServeGetsItsOwnEndpointAndTheOthersNone() {
        try (FargateScenario scenario = FargateScenario.builder().create()) {
            EstateFixtures.centralZones(scenario.vpcId(), List.of("ecr.dkr", "ecr.api", "s3", "logs", "secretsmanager"));

            Map<String, Object> report = remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(report.get("outcome")).isEqualTo("REMEDIATED");
            assertThat(actionTypes(report)).containsExactly("CREATE_ENDPOINT_SECURITY_GROUP", "CREATE_INTERFACE_ENDPOINT");
            assertThat(scenario.readBack().endpointCountByService()).containsOnlyKeys("ssm");
        }
    }

    @Test
    void aRegionWideZoneWithoutTheRecordsIsNamedAndNothingIsMade() {
        try (FargateScenario scenario = FargateScenario.builder().create()) {
            String zone = EstateFixtures.zone(scenario.vpcId(), "us-east-1.amazonaws.com",
                    "something-else.us-east-1.amazonaws.com");

            Map<String, Object> report = remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(report.get("outcome")).isEqualTo("NOT_FIXABLE_BY_ENDPOINTS");
            assertThat(findingCodes(report)).containsOnly("DNS_ZONE_SHADOWS_SERVICE");
            assertThat((String) report.get("summary")).contains("6 blocking finding(s) need a person")
                    .contains("aws route53 disassociate-vpc-from-hosted-zone --hosted-zone-id " + zone);
            assertThat(recorder.writes()).isEmpty();
        }
    }

    @Test
    void anAclThatDenies443IsNamedWithItsRuleAndLeftAsItIs() {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().create()) {
            String acl = EstateFixtures.networkAcl(scenario.ec2(), scenario.vpcId(), scenario.subnetId(),
                    new AclRule(90, true, 443, false, "0.0.0.0/0"), new AclRule(100, true, -1, true, "0.0.0.0/0"),
                    new AclRule(100, false, -1, true, "0.0.0.0/0"));

            Map<String, Object> report = remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(report.get("outcome")).isEqualTo("NOT_FIXABLE_BY_ENDPOINTS");
            assertThat(findingCodes(report)).containsExactly("NETWORK_ACL_BLOCKS_443");
            assertThat((String) report.get("summary")).contains("NETWORK_ACL_BLOCKS_443 (" + acl + ")")
                    .contains("aws ec2 create-network-acl-entry --network-acl-id " + acl + " --rule-number 89 --egress");
            assertThat(recorder.writes()).isEmpty();
        }
    }

    @Test
    void anS3GatewayPolicyWithoutEcrsLayerBucketIsNamedWithTheStatementToAdd() {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().create()) {
            EstateFixtures.endpointPolicy(scenario.ec2(), scenario.endpointId("s3"), """
                    {"Version": "2012-10-17", "Statement": [{"Sid": "TeamBuckets", "Effect": "Allow",
                     "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::team-*/*"]}]}""");

            Map<String, Object> report = remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(report.get("outcome")).isEqualTo("NOT_FIXABLE_BY_ENDPOINTS");
            assertThat(findingCodes(report)).containsExactly("ENDPOINT_POLICY_DENIES");
            assertThat((String) report.get("summary")).contains("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*");
            assertThat(recorder.writes()).isEmpty();
        }
    }

    @Test
    void anInterfacePolicyWithAnExplicitDenyIsNamedByItsStatement() {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().create()) {
            EstateFixtures.endpointPolicy(scenario.ec2(), scenario.endpointId("secretsmanager"), """
                    {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
                     {"Sid": "NoSecrets", "Effect": "Deny", "Principal": "*", "Action": "secretsmanager:GetSecretValue",
                      "Resource": "*"}]}""");

            Map<String, Object> report = remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(findingCodes(report)).containsExactly("ENDPOINT_POLICY_DENIES");
            assertThat((String) report.get("summary")).contains("narrow or remove statement 'NoSecrets'");
            assertThat(recorder.writes()).isEmpty();
        }
    }

    @Test
    void ecsExecWithAClusterKmsKeyGetsAKmsEndpointBesideSsmMessages() {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().executeCommand().create()) {
            EstateFixtures.execKey(scenario.ecs(), scenario.clusterArn(),
                    "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d");

            Map<String, Object> report = remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(report.get("outcome")).isEqualTo("REMEDIATED");
            assertThat(recorder.calls()).contains("ecs:DescribeClusters");
            assertThat(scenario.readBack().endpointCountByService()).containsKeys("ssmmessages", "kms");
        }
    }

    @Test
    void aSubnetWhoseNatGatewayIsGoneGetsItsEndpointsAndTheRouteIsNamedWithTheChange() {
        try (FargateScenario scenario = FargateScenario.builder().natGatewayRoute().create()) {
            String nat = scenario.natGatewayId().orElseThrow();
            scenario.ec2().deleteNatGateway(r -> r.natGatewayId(nat));

            Map<String, Object> report = remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(report.get("outcome")).isEqualTo("REMEDIATED");
            assertThat(findingCodes(report)).contains("DEFAULT_ROUTE_BLACKHOLE").doesNotContain("INTERNET_PATH_PRESENT");
            assertThat(finding(report, "DEFAULT_ROUTE_BLACKHOLE")).containsEntry("resourceId", scenario.routeTableId())
                    .hasEntrySatisfying("explanation", e -> assertThat((String) e).contains(nat))
                    .containsEntry("fix", "aws ec2 replace-route --route-table-id " + scenario.routeTableId()
                            + " --destination-cidr-block 0.0.0.0/0 --nat-gateway-id NAT_GATEWAY_ID");
            assertThat(scenario.readBack().endpointCountByService()).containsKeys(SEED_SERVICES.toArray(String[]::new));
        }
    }

    @Test
    void aServiceWhoseTasksGetNoPublicIpBehindAnInternetGatewayGetsItsEndpointsAndTheChangeToItsService() {
        try (FargateScenario scenario = FargateScenario.builder().internetGatewayRoute().service("web").create()) {
            Map<String, Object> report = remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(report.get("outcome")).isEqualTo("REMEDIATED");
            assertThat(findingCodes(report)).contains("INTERNET_GATEWAY_WITHOUT_PUBLIC_IP")
                    .doesNotContain("INTERNET_PATH_PRESENT");
            assertThat(finding(report, "INTERNET_GATEWAY_WITHOUT_PUBLIC_IP"))
                    .containsEntry("resourceId", scenario.routeTableId())
                    .hasEntrySatisfying("fix", f -> assertThat((String) f).startsWith("aws ecs update-service --cluster "
                            + scenario.clusterArn() + " --service web --network-configuration \"awsvpcConfiguration="
                            + "{subnets=[" + scenario.subnetId() + "],securityGroups=[" + scenario.taskSecurityGroupId()
                            + "],assignPublicIp=ENABLED}\""));
            assertThat(scenario.readBack().endpointCountByService()).containsKeys(SEED_SERVICES.toArray(String[]::new));
        }
    }

    @Test
    void aVpcWithDnsServersOfItsOwnNamesItsDhcpOptionSetWithTheForwardingChange() {
        try (FargateScenario scenario = FargateScenario.seedEndpointsAllOn().create()) {
            String options = EstateFixtures.dnsServers(scenario.ec2(), scenario.vpcId(), "10.0.0.53", "10.0.1.53");

            Map<String, Object> report = remediate(scenario, FargateScenario.SEED_SECRETS_MANAGER_REASON);

            assertThat(recorder.calls()).contains("ec2:DescribeDhcpOptions");
            assertThat(finding(report, "CUSTOM_DNS_SERVERS")).containsEntry("resourceId", options)
                    .hasEntrySatisfying("explanation", e -> assertThat((String) e).contains("10.0.0.53")
                            .contains("VPC resolver 10.0.0.2"))
                    .hasEntrySatisfying("fix", f -> assertThat((String) f).contains("associate-dhcp-options")
                            .contains("--vpc-id " + scenario.vpcId()));
            assertThat(recorder.writes()).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> finding(Map<String, Object> report, String code) {
        return ((List<Map<String, Object>>) report.get("findings")).stream().filter(f -> code.equals(f.get("code")))
                .findFirst().orElseThrow();
    }

    private Map<String, Object> remediate(FargateScenario scenario, String reason) {
        TaskStoppedEvent event = scenario.runAndStopTask(reason);
        return Invocations.remediate(Mode.REMEDIATE, recorder, event.json());
    }
}
