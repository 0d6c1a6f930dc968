package ecsvpce.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteState;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandLogging;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HostedZoneSummary;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByVpcResponse;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.VPC;
import software.amazon.awssdk.services.route53.model.VPCRegion;

/**
 * Proves the estates patches of {@code src/test/moto/patches_estates.py} (letters l to s: private
 * hosted zones, network ACLs, endpoint policies, cluster configuration, a task's Exec flag, dead
 * routes) through the Java SDK, as {@link MotoExtensionIT} does for a to k: every test names its letter
 * and fails with that patch off
 * ({@code MOTO_EXT_DISABLE=<letter>}). The last tests pin down what moto already answers like AWS
 * for the other reads of an estate.
 */
@MotoTest
class MotoEstatesExtensionIT {

    private static final String REGION = MotoServer.REGION;
    /** The hosted zone of the public ECR Docker endpoints, as hub estates alias them. */
    private static final String ECR_DOCKER_HOSTED_ZONE = "Z7HUB22UULQXV";

    private final Ec2Client ec2 = FixtureClients.ec2();
    private final EcsClient ecs = FixtureClients.ecs();
    private final Route53Client route53 = FixtureClients.route53();

    @AfterEach
    void closeClients() {
        ec2.close();
        ecs.close();
        route53.close();
    }

    private FargateScenario spoke() {
        return FargateScenario.builder().noEcs().create(ec2, ecs);
    }

    /** A private hosted zone associated with the given VPCs; its id. */
    private String privateZone(String name, String... vpcIds) {
        String zoneId = route53.createHostedZone(r -> r.name(name).callerReference(name + "-" + vpcIds[0])
                .hostedZoneConfig(c -> c.privateZone(true)).vpc(vpc(vpcIds[0]))).hostedZone().id();
        for (int i = 1; i < vpcIds.length; i++) {
            VPC other = vpc(vpcIds[i]);
            route53.associateVPCWithHostedZone(r -> r.hostedZoneId(zoneId).vpc(other));
        }
        return zoneId;
    }

    private static VPC vpc(String vpcId) {
        return VPC.builder().vpcId(vpcId).vpcRegion(VPCRegion.US_EAST_1).build();
    }

    private String hubVpc() {
        return ec2.createVpc(r -> r.cidrBlock("10.200.0.0/16")).vpc().vpcId();
    }

    private void createPrivateDnsEndpoint(FargateScenario s, String service) {
        ec2.createVpcEndpoint(r -> r.vpcId(s.vpcId()).serviceName("com.amazonaws." + REGION + "." + service)
                .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(s.subnetId())
                .securityGroupIds(s.endpointSecurityGroupId()).privateDnsEnabled(true));
    }

    private static Ec2Exception refused(ThrowingCallable call) {
        Ec2Exception error = catchThrowableOfType(Ec2Exception.class, call);
        assertThat(error).as("an EC2 error").isNotNull();
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
        return error;
    }

    // ------------------------------------------------------------------------------------- l

    @Test
    @DisplayName("s: a default route to a deleted NAT gateway is a blackhole, a live one stays active")
    void s_aRouteToADeletedNatGatewayIsABlackhole() {
        try (FargateScenario s = FargateScenario.builder().noEcs().natGatewayRoute().create(ec2, ecs)) {
            String nat = s.natGatewayId().orElseThrow();
            assertThat(defaultRoute(s).state()).isEqualTo(RouteState.ACTIVE);

            ec2.deleteNatGateway(r -> r.natGatewayId(nat));

            assertThat(defaultRoute(s).natGatewayId()).isEqualTo(nat);
            assertThat(defaultRoute(s).state()).isEqualTo(RouteState.BLACKHOLE);
        }
    }

    private Route defaultRoute(FargateScenario s) {
        return ec2.describeRouteTables(r -> r.routeTableIds(s.routeTableId())).routeTables().get(0).routes().stream()
                .filter(route -> "0.0.0.0/0".equals(route.destinationCidrBlock())).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("l: a private hosted zone of the VPC named like the service blocks a private-DNS endpoint")
    void l_zoneHoldingTheServiceNameBlocksPrivateDnsOnCreate() {
        FargateScenario s = spoke();
        privateZone("ssm." + REGION + ".amazonaws.com", hubVpc(), s.vpcId());   // a hub's zone, shared with the spoke

        Ec2Exception error = refused(() -> createPrivateDnsEndpoint(s, "ssm"));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(
                "private-dns-enabled cannot be set because there is already a conflicting DNS domain for "
                        + "ssm.us-east-1.amazonaws.com in the VPC " + s.vpcId());
        assertThat(s.readBack().endpointCount("ssm")).isZero();
    }

    @Test
    @DisplayName("l: a dkr.ecr zone of the VPC blocks turning private DNS on for ecr.dkr (name *.dkr.ecr...)")
    void l_dkrZoneBlocksTurningPrivateDnsOnForEcrDkr() {
        FargateScenario s = FargateScenario.builder().noEcs()
                .endpoint(EndpointSpec.interfaceEndpoint("ecr.dkr").privateDns(false)).create(ec2, ecs);
        privateZone("dkr.ecr." + REGION + ".amazonaws.com", s.vpcId());

        Ec2Exception error = refused(() -> ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(s.endpointId("ecr.dkr"))
                .privateDnsEnabled(true)));

        assertThat(error.awsErrorDetails().errorMessage())
                .contains("conflicting DNS domain for *.dkr.ecr.us-east-1.amazonaws.com in the VPC " + s.vpcId());
        assertThat(s.readBack().endpoint("ecr.dkr").orElseThrow().privateDns()).isFalse();
    }

    @Test
    @DisplayName("l: only a zone of exactly the service's name in this VPC conflicts, not a broader one or another VPC's")
    void l_onlyAZoneOfExactlyThatNameInThisVpcConflicts() {
        FargateScenario s = spoke();
        privateZone("amazonaws.com", s.vpcId());
        privateZone(REGION + ".amazonaws.com", s.vpcId());
        privateZone("ssm." + REGION + ".amazonaws.com", hubVpc());   // not associated with the spoke
        privateZone("logs." + REGION + ".amazonaws.com.", s.vpcId());   // trailing dot: the same name

        createPrivateDnsEndpoint(s, "ssm");
        refused(() -> createPrivateDnsEndpoint(s, "logs"));

        assertThat(s.readBack().endpointCountByService()).containsEntry("ssm", 1L).doesNotContainKey("logs");
    }

    // ------------------------------------------------------------------------------------- m

    @Test
    @DisplayName("m: a new network ACL denies all IPv4 traffic both ways (rule 32767), and nothing more")
    void m_newNetworkAclDeniesAllTraffic() {
        FargateScenario s = spoke();

        String aclId = ec2.createNetworkAcl(r -> r.vpcId(s.vpcId())).networkAcl().networkAclId();

        var described = ec2.describeNetworkAcls(r -> r.filters(f -> f.name("vpc-id").values(s.vpcId())))
                .networkAcls().stream().filter(acl -> acl.networkAclId().equals(aclId)).findFirst().orElseThrow();
        assertThat(described.isDefault()).isFalse();
        assertThat(described.entries()).map(MotoEstatesExtensionIT::entry)
                .containsExactlyInAnyOrder("egress 32767 -1 deny 0.0.0.0/0", "ingress 32767 -1 deny 0.0.0.0/0");
    }

    @Test
    @DisplayName("m: in a VPC with an IPv6 block, a new network ACL also denies ::/0 both ways")
    void m_newNetworkAclInIpv6VpcAlsoDeniesIpv6() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16").amazonProvidedIpv6CidrBlock(true)).vpc().vpcId();

        var acl = ec2.createNetworkAcl(r -> r.vpcId(vpcId)).networkAcl();

        assertThat(acl.entries()).map(MotoEstatesExtensionIT::entry).containsExactlyInAnyOrder(
                "egress 32767 -1 deny 0.0.0.0/0", "ingress 32767 -1 deny 0.0.0.0/0",
                "egress 32767 -1 deny ::/0", "ingress 32767 -1 deny ::/0");
    }

    private static String entry(NetworkAclEntry e) {
        String block = e.cidrBlock() != null ? e.cidrBlock() : e.ipv6CidrBlock();
        return (e.egress() ? "egress " : "ingress ") + e.ruleNumber() + " " + e.protocol() + " "
                + e.ruleActionAsString() + " " + block;
    }

    // ------------------------------------------------------------------------------------- n

    @Test
    @DisplayName("n: ModifyVpcEndpoint ResetPolicy=true restores the default full-access policy")
    void n_resetPolicyRestoresFullAccess() throws Exception {
        FargateScenario s = FargateScenario.builder().noEcs().endpoint(EndpointSpec.gateway("s3")).create(ec2, ecs);
        String endpoint = s.endpointId("s3");
        String createdWith = policyOf(endpoint);
        ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint).policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",\
                "Resource":"arn:aws:s3:::prod-ecr-*/*"}]}"""));

        ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint).resetPolicy(true));

        JsonNode policy = new ObjectMapper().readTree(policyOf(endpoint));
        assertThat(policyOf(endpoint)).isEqualTo(createdWith);
        assertThat(policy.path("Statement")).hasSize(1);
        JsonNode statement = policy.path("Statement").get(0);
        assertThat(List.of(statement.path("Effect").asText(), statement.path("Principal").asText(),
                statement.path("Action").asText(), statement.path("Resource").asText()))
                .containsExactly("Allow", "*", "*", "*");
    }

    private String policyOf(String endpointId) {
        return ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(endpointId)).vpcEndpoints().get(0).policyDocument();
    }

    // ------------------------------------------------------------------------------------- o

    @Test
    @DisplayName("o: ListHostedZonesByVPC answers MaxItems zones a page, with a NextToken for the rest")
    void o_hostedZonesByVpcArePaged() {
        String vpcId = spoke().vpcId();
        List<String> names = List.of("ssm.us-east-1.amazonaws.com.", "logs.us-east-1.amazonaws.com.", "corp.example.");
        names.forEach(name -> privateZone(name, vpcId));

        ListHostedZonesByVpcResponse first = route53.listHostedZonesByVPC(r -> r.vpcId(vpcId)
                .vpcRegion(VPCRegion.US_EAST_1).maxItems("2"));
        ListHostedZonesByVpcResponse second = route53.listHostedZonesByVPC(r -> r.vpcId(vpcId)
                .vpcRegion(VPCRegion.US_EAST_1).maxItems("2").nextToken(first.nextToken()));

        assertThat(first.hostedZoneSummaries()).hasSize(2);
        assertThat(first.maxItems()).isEqualTo("2");
        assertThat(first.nextToken()).isNotBlank();
        assertThat(second.hostedZoneSummaries()).hasSize(1);
        assertThat(second.nextToken()).isNull();
        List<HostedZoneSummary> all = new ArrayList<>(first.hostedZoneSummaries());
        all.addAll(second.hostedZoneSummaries());
        assertThat(all).map(HostedZoneSummary::name).containsExactlyInAnyOrderElementsOf(names);
    }

    // ------------------------------------------------------------------------------------- p

    @Test
    @DisplayName("p: ListResourceRecordSets names a wildcard record \\052.…, in every page")
    void p_wildcardRecordIsListedEscaped() {
        String zone = "dkr.ecr." + REGION + ".amazonaws.com";
        String zoneId = privateZone(zone, spoke().vpcId());
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                aliasToHubEndpoint(zone), aliasToHubEndpoint("*." + zone))));

        List<ResourceRecordSet> listed = new ArrayList<>();
        route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId).maxItems("1"))
                .resourceRecordSets().forEach(listed::add);

        assertThat(listed).filteredOn(record -> record.type() == RRType.A).map(ResourceRecordSet::name)
                .containsExactlyInAnyOrder(zone + ".", "\\052." + zone + ".");
        assertThat(listed).filteredOn(record -> record.aliasTarget() != null)
                .allSatisfy(record -> assertThat(record.aliasTarget().dnsName()).contains(".vpce.amazonaws.com"));
    }

    private static Change aliasToHubEndpoint(String name) {
        return Change.builder().action(ChangeAction.CREATE).resourceRecordSet(ResourceRecordSet.builder()
                .name(name).type(RRType.A).aliasTarget(AliasTarget.builder().hostedZoneId(ECR_DOCKER_HOSTED_ZONE)
                        .dnsName("vpce-0hub-1234.dkr.ecr." + REGION + ".vpce.amazonaws.com")
                        .evaluateTargetHealth(false).build())
                .build()).build();
    }

    // ------------------------------------------------------------------------------------- q

    @Test
    @DisplayName("q: DescribeClusters answers the ECS Exec KMS key only with include=CONFIGURATIONS")
    void q_clusterConfigurationOnlyWhenIncluded() {
        String key = "arn:aws:kms:us-east-1:" + MotoServer.ACCOUNT_ID + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
        ecs.createCluster(r -> r.clusterName("exec").configuration(c -> c.executeCommandConfiguration(
                e -> e.kmsKeyId(key).logging(ExecuteCommandLogging.DEFAULT))));

        Cluster plain = ecs.describeClusters(r -> r.clusters("exec")).clusters().get(0);
        Cluster configured = ecs.describeClusters(r -> r.clusters("exec").include(ClusterField.CONFIGURATIONS))
                .clusters().get(0);

        assertThat(plain.configuration()).isNull();
        assertThat(configured.configuration().executeCommandConfiguration().kmsKeyId()).isEqualTo(key);
    }

    // ------------------------------------------------------------------------------------- r

    @Test
    @DisplayName("r: DescribeTasks answers the enableExecuteCommand a task was run with")
    void r_aTaskKeepsItsExecFlag() {
        FargateScenario withExec = FargateScenario.builder().namePrefix("exec").executeCommand().create(ec2, ecs);
        FargateScenario without = FargateScenario.builder().namePrefix("plain").create(ec2, ecs);

        String execTask = withExec.runAndStopTask("ResourceInitializationError: x").taskArn();
        String plainTask = without.runAndStopTask("ResourceInitializationError: x").taskArn();

        assertThat(ecs.describeTasks(r -> r.cluster(withExec.clusterArn()).tasks(execTask)).tasks().get(0)
                .enableExecuteCommand()).isTrue();
        assertThat(ecs.describeTasks(r -> r.cluster(without.clusterArn()).tasks(plainTask)).tasks().get(0)
                .enableExecuteCommand()).isFalse();
    }

    // ------------------------------------------------------------------------------------- as moto answers

    @Test
    @DisplayName("as is: a Route 53 client in region aws-global reaches moto through the same endpoint URL")
    void asIs_globalRoute53ClientReachesMoto() {
        String vpcId = spoke().vpcId();
        privateZone("corp.example", vpcId);

        try (Route53Client global = Route53Client.builder().region(Region.AWS_GLOBAL)
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThat(global.listHostedZonesByVPC(r -> r.vpcId(vpcId).vpcRegion(VPCRegion.US_EAST_1))
                    .hostedZoneSummaries()).map(HostedZoneSummary::name).containsExactly("corp.example.");
        }
    }

    @Test
    @DisplayName("as is: owners, IPv6-only subnets, the default ACL by vpc-id, the default endpoint policy")
    void asIs_theOtherEstateReadsAnswerLikeAws() throws Exception {
        FargateScenario s = FargateScenario.builder().noEcs().endpoint(EndpointSpec.interfaceEndpoint("ssm")).create(ec2, ecs);

        assertThat(ec2.describeVpcs(r -> r.vpcIds(s.vpcId())).vpcs().get(0).ownerId()).isEqualTo(MotoServer.ACCOUNT_ID);
        Subnet subnet = ec2.describeSubnets(r -> r.subnetIds(s.subnetId())).subnets().get(0);
        assertThat(subnet.ownerId()).isEqualTo(MotoServer.ACCOUNT_ID);
        assertThat(subnet.ipv6Native()).isFalse();
        var acls = ec2.describeNetworkAcls(r -> r.filters(f -> f.name("vpc-id").values(s.vpcId()))).networkAcls();
        assertThat(acls).singleElement().satisfies(acl -> {
            assertThat(acl.isDefault()).isTrue();
            assertThat(acl.entries()).map(MotoEstatesExtensionIT::entry).containsExactlyInAnyOrder(
                    "egress 100 -1 allow 0.0.0.0/0", "egress 32767 -1 deny 0.0.0.0/0",
                    "ingress 100 -1 allow 0.0.0.0/0", "ingress 32767 -1 deny 0.0.0.0/0");
        });
        JsonNode statement = new ObjectMapper().readTree(policyOf(s.endpointId("ssm"))).path("Statement").get(0);
        assertThat(List.of(statement.path("Effect").asText(), statement.path("Action").asText()))
                .containsExactly("Allow", "*");
    }
}
