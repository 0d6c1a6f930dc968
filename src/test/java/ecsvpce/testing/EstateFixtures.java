package ecsvpce.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.VPCRegion;

/**
 * What real estates add to a scenario's VPC in moto: private hosted zones associated with it
 * (central endpoints, shadowing zones), network ACLs, endpoint policies, an ECS Exec key.
 */
public final class EstateFixtures {
    /** Where a hub VPC's endpoints answer, as the zones of a central-endpoint estate point at them. */
    public static final String HUB_ENDPOINT_ADDRESS = "10.200.0.10";

    private EstateFixtures() {
    }

    /**
     * A private hosted zone associated with the VPC, with an A record for each name (a name may be
     * a wildcard, {@code *.dkr.ecr.us-east-1.amazonaws.com}).
     *
     * @return the zone's id
     */
    public static String zone(String vpcId, String name, String... records) {
        Route53Client route53 = FixtureClients.route53();
        String zoneId = route53.createHostedZone(r -> r.name(name).callerReference(UUID.randomUUID().toString())
                .hostedZoneConfig(c -> c.privateZone(true))
                .vpc(v -> v.vpcId(vpcId).vpcRegion(VPCRegion.fromValue(MotoServer.REGION)))).hostedZone().id();
        for (String record : records) {
            route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(c -> c
                    .action(ChangeAction.CREATE).resourceRecordSet(s -> s.name(record).type(RRType.A).ttl(60L)
                            .resourceRecords(v -> v.value(HUB_ENDPOINT_ADDRESS))))));
        }
        return zoneId;
    }

    /** Associates a zone made for one VPC with another too, as a hub does with every spoke. */
    public static void associate(String zoneId, String vpcId) {
        FixtureClients.route53().associateVPCWithHostedZone(r -> r.hostedZoneId(zoneId)
                .vpc(v -> v.vpcId(vpcId).vpcRegion(VPCRegion.fromValue(MotoServer.REGION))));
    }

    /**
     * The zones a hub associates with a spoke for these services (Landing Zone Accelerator's central endpoints).
     *
     * @return the zones' ids
     */
    public static List<String> centralZones(String vpcId, List<String> services) {
        List<String> zoneIds = new ArrayList<>();
        for (String service : services) {
            String name = switch (service) {
                case "ecr.dkr" -> "dkr.ecr.us-east-1.amazonaws.com";
                case "ecr.api" -> "api.ecr.us-east-1.amazonaws.com";
                default -> service + ".us-east-1.amazonaws.com";
            };
            boolean wildcard = service.equals("ecr.dkr") || service.equals("s3");
            zoneIds.add(zone(vpcId, name, wildcard ? new String[] {name, "*." + name} : new String[] {name}));
        }
        return zoneIds;
    }

    /**
     * A custom network ACL for the subnet: the rules given (number, egress, TCP port or -1 for all
     * traffic, deny or allow, CIDR), AWS's final deny-all rules after them.
     *
     * @return the ACL's id
     */
    public static String networkAcl(Ec2Client ec2, String vpcId, String subnetId, AclRule... rules) {
        String aclId = ec2.createNetworkAcl(r -> r.vpcId(vpcId)).networkAcl().networkAclId();
        for (AclRule rule : rules) {
            ec2.createNetworkAclEntry(r -> {
                r.networkAclId(aclId).ruleNumber(rule.number()).egress(rule.egress()).cidrBlock(rule.cidr())
                        .ruleAction(rule.allow() ? RuleAction.ALLOW : RuleAction.DENY);
                if (rule.port() < 0) {
                    r.protocol("-1");
                } else {
                    r.protocol("6").portRange(p -> p.from(rule.port()).to(rule.port()));
                }
            });
        }
        String association = ec2.describeNetworkAcls(r -> r.filters(f -> f.name("association.subnet-id")
                .values(subnetId))).networkAcls().get(0).associations().stream()
                .filter(a -> subnetId.equals(a.subnetId())).findFirst().orElseThrow().networkAclAssociationId();
        ec2.replaceNetworkAclAssociation(r -> r.associationId(association).networkAclId(aclId));
        return aclId;
    }

    /** @param port a TCP port, or -1 for all traffic */
    public record AclRule(int number, boolean egress, int port, boolean allow, String cidr) {
    }

    public static void endpointPolicy(Ec2Client ec2, String endpointId, String policyDocument) {
        ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(endpointId).policyDocument(policyDocument));
    }

    /**
     * A DHCP option set naming the team's own DNS servers, associated with the VPC.
     *
     * @return the option set's id
     */
    public static String dnsServers(Ec2Client ec2, String vpcId, String... servers) {
        String optionsId = ec2.createDhcpOptions(r -> r.dhcpConfigurations(c -> c.key("domain-name-servers")
                .values(servers))).dhcpOptions().dhcpOptionsId();
        ec2.associateDhcpOptions(r -> r.dhcpOptionsId(optionsId).vpcId(vpcId));
        return optionsId;
    }

    public static void execKey(EcsClient ecs, String clusterArn, String kmsKeyArn) {
        ecs.updateCluster(r -> r.cluster(clusterArn).configuration(c -> c.executeCommandConfiguration(e -> e
                .kmsKeyId(kmsKeyArn))));
    }
}
