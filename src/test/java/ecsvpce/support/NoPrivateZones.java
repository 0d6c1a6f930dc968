package ecsvpce.support;

import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByVpcRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByVpcResponse;

/** Route 53 for a VPC with no private hosted zone associated, for tests whose EC2 is a fake. */
public final class NoPrivateZones implements Route53Client {

    @Override
    public ListHostedZonesByVpcResponse listHostedZonesByVPC(ListHostedZonesByVpcRequest request) {
        return ListHostedZonesByVpcResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
