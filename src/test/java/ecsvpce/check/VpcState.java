package ecsvpce.check;

import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/**
 * Everything a remediation could change in a VPC, described through the SDK, so that a test can
 * compare before and after: endpoints, security groups and their rules, route tables, DNS attributes.
 */
final class VpcState {
    private VpcState() {
    }

    static String describe(Ec2Client ec2, String vpcId) {
        Filter inVpc = Filter.builder().name("vpc-id").values(vpcId).build();
        return String.join("\n", List.of(
                ec2.describeVpcEndpoints(r -> r.filters(inVpc)).vpcEndpoints().toString(),
                ec2.describeSecurityGroups(r -> r.filters(inVpc)).securityGroups().toString(),
                ec2.describeRouteTables(r -> r.filters(inVpc)).routeTables().toString(),
                ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT))
                        .enableDnsSupport().toString(),
                ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
                        .enableDnsHostnames().toString()));
    }
}
