package ecsvpce.sweep;

import ecsvpce.testing.EndpointSpec;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.FargateScenarioBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fleet of a given size, laid out so that every cluster spans several VPCs and every VPC holds
 * services of several clusters, and so that what the sweep must call is known in advance.
 *
 * <ul>
 *   <li>{@code vpcs} VPCs, each with {@code private-a} (us-east-1a) and {@code private-b} (us-east-1b),
 *       in four kinds, by index mod 4: {@link VpcKind#COMPLIANT}, {@link VpcKind#NO_ENDPOINTS},
 *       {@link VpcKind#LOGS_MISSING_PRIVATE_DNS_OFF}, {@link VpcKind#DNS_HOSTNAMES_OFF};</li>
 *   <li>{@code clusters} clusters; {@code definitions} distinct task definitions, two revisions per
 *       family, all the seed's (private ECR image, awslogs, SSM and Secrets Manager secrets);</li>
 *   <li>service j: cluster j mod clusters, VPC (j div clusters) mod vpcs, task definition j mod
 *       definitions, subnets both / private-a / private-b by j mod 3, platform version 1.4.0 or
 *       LATEST (the same needs); plus one EC2 service per cluster, listed and described by ECS but
 *       not checked.</li>
 * </ul>
 */
record FleetShape(int services, int clusters, int vpcs, int definitions) {

    FleetShape {
        if (clusters < 1 || vpcs < 1 || definitions < 1 || services < definitions
                || (services + clusters - 1) / clusters < vpcs) {
            throw new IllegalArgumentException("every VPC and task definition needs a service: " + services
                    + " services, " + clusters + " clusters, " + vpcs + " VPCs, " + definitions + " task definitions");
        }
    }

    enum VpcKind {
        /** The seed's endpoints, the S3 gateway on both route tables: nothing to do. */
        COMPLIANT,
        /** Nothing: a group, its 443 rule, five interface endpoints and the S3 gateway to create. */
        NO_ENDPOINTS,
        /** No logs endpoint, secretsmanager's private DNS off: a group, its rule, one endpoint, one modify. */
        LOGS_MISSING_PRIVATE_DNS_OFF,
        /** enableDnsHostnames off: one ModifyVpcAttribute. */
        DNS_HOSTNAMES_OFF;

        static VpcKind of(int index) {
            return values()[index % 4];
        }

        FargateScenarioBuilder scenario() {
            FargateScenarioBuilder seed = FargateScenario.seedEndpointsAllOn()
                    .endpoint(EndpointSpec.gateway("s3").routeTablesOf(FargateScenario.TASK_SUBNET, "private-b"));
            return switch (this) {
                case COMPLIANT -> seed;
                case NO_ENDPOINTS -> FargateScenario.builder();
                case LOGS_MISSING_PRIVATE_DNS_OFF -> seed.withoutEndpoint("logs")
                        .endpoint(EndpointSpec.interfaceEndpoint("secretsmanager").privateDns(false));
                case DNS_HOSTNAMES_OFF -> seed.dnsHostnames(false);
            };
        }

        /** The writes REMEDIATE makes in a VPC of this kind, by IAM action. */
        Map<String, Long> writes() {
            return switch (this) {
                case COMPLIANT -> Map.of();
                case NO_ENDPOINTS -> Map.of("ec2:CreateSecurityGroup", 1L, "ec2:AuthorizeSecurityGroupIngress", 1L,
                        "ec2:CreateVpcEndpoint", 6L);
                case LOGS_MISSING_PRIVATE_DNS_OFF -> Map.of("ec2:ModifyVpcEndpoint", 1L,
                        "ec2:CreateSecurityGroup", 1L, "ec2:AuthorizeSecurityGroupIngress", 1L,
                        "ec2:CreateVpcEndpoint", 1L);
                case DNS_HOSTNAMES_OFF -> Map.of("ec2:ModifyVpcAttribute", 1L);
            };
        }
    }

    /** Builds the fleet through the fixture's clients. */
    void build(Fleet fleet) {
        List<FargateScenario> vpcList = new ArrayList<>();
        for (int v = 0; v < vpcs; v++) {
            vpcList.add(fleet.vpc("v" + v, VpcKind.of(v).scenario(), "us-east-1b"));
        }
        List<String> clusterArns = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            clusterArns.add(fleet.cluster("c" + c));
        }
        List<String> definitionArns = new ArrayList<>();
        for (int d = 0; d < definitions; d++) {
            definitionArns.add(fleet.taskDefinition("f" + d / 2, Fleet.Definition.seed()));
        }
        for (int j = 0; j < services; j++) {
            Fleet.Service service = Fleet.Service.of(clusterArns.get(j % clusters), "s" + j,
                    definitionArns.get(j % definitions), vpcList.get((j / clusters) % vpcs));
            service = switch (j % 3) {
                case 0 -> service.subnets(FargateScenario.TASK_SUBNET, "private-b");
                case 1 -> service.subnets(FargateScenario.TASK_SUBNET);
                default -> service.subnets("private-b");
            };
            fleet.service(j % 2 == 0 ? service : service.platformVersion("LATEST"));
        }
        for (int c = 0; c < clusters; c++) {
            fleet.service(Fleet.Service.of(clusterArns.get(c), "ec2-" + c, definitionArns.get(0), vpcList.get(0))
                    .launch(Fleet.Launch.EC2));
        }
    }

    /**
     * The sweep's reads of everything, by IAM action, as formulas over the fleet it built; the same
     * in DRY_RUN and REMEDIATE (one read-decide-apply round per VPC: nothing races here).
     */
    static Map<String, Long> expectedReads(Fleet fleet) {
        Map<String, Long> calls = new TreeMap<>();
        int clusterCount = fleet.listedServicesByCluster().size();
        long vpcCount = fleet.vpcsWithServices().size();
        calls.put("ecs:ListClusters", ceil(clusterCount, 100));
        // moto answers ListServices in one page whatever its size; AWS pages by 10 when maxResults is unset.
        calls.put("ecs:ListServices", (long) clusterCount);
        calls.put("ecs:DescribeServices", fleet.listedServicesByCluster().values().stream()
                .mapToLong(listed -> ceil(listed, 10)).sum());
        calls.put("ecs:DescribeTaskDefinition", (long) fleet.distinctTaskDefinitions().size());
        // Which VPC each subnet is in (200 subnet ids a call), then each VPC's own subnets.
        calls.put("ec2:DescribeSubnets", ceil(fleet.distinctSubnets().size(), 200) + vpcCount);
        calls.put("ec2:DescribeVpcs", vpcCount);
        calls.put("ec2:DescribeVpcAttribute", 2 * vpcCount);
        calls.put("ec2:DescribeRouteTables", vpcCount);
        calls.put("ec2:DescribeVpcEndpoints", vpcCount);
        calls.put("ec2:DescribeSecurityGroups", vpcCount);
        calls.put("ec2:DescribeNetworkAcls", vpcCount);
        // The zones associated with each VPC; none of these fleets has one, so no record is read.
        calls.put("route53:ListHostedZonesByVPC", vpcCount);
        // moto's VPCs have DhcpOptionsId "default" (no options set): no DescribeDhcpOptions. On AWS: one a VPC.
        // The cost side of a full sweep: the event buses (one here), on each the rules that target each
        // cluster (none here, so no ListTargetsByRule), the schedules, the Batch environments (none on
        // Fargate, so no job definitions), then the account's interface endpoints in one list, their
        // subnets' zones (200 a call) and their PrivateLink metric (500 endpoints a call): these fleets
        // have fewer than 200 such subnets and 500 endpoints, and always some.
        calls.put("events:ListEventBuses", 1L);
        calls.put("events:ListRuleNamesByTarget", (long) clusterCount);
        calls.put("scheduler:ListSchedules", 1L);
        calls.put("batch:DescribeComputeEnvironments", 1L);
        calls.merge("ec2:DescribeVpcEndpoints", 1L, Long::sum);
        calls.merge("ec2:DescribeSubnets", 1L, Long::sum);
        calls.put("cloudwatch:GetMetricData", 1L);
        return calls;
    }

    /** REMEDIATE's writes, by IAM action: what each VPC's kind needs, never anything per service. */
    Map<String, Long> expectedWrites() {
        Map<String, Long> writes = new TreeMap<>();
        for (int v = 0; v < vpcs; v++) {
            VpcKind.of(v).writes().forEach((action, count) -> writes.merge(action, count, Long::sum));
        }
        return writes;
    }

    private static long ceil(long count, int per) {
        return Math.max(0, (count + per - 1) / per);
    }
}
