package ecsvpce.handler;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.route53.Route53Client;

/** SDK clients a test expects never to be built: a payload rejected before any AWS call makes none. */
final class NoClients {
    private NoClients() {
    }

    static Ec2Client ec2() {
        throw new AssertionError("the EC2 client was built: an AWS call was about to be made");
    }

    static EcsClient ecs() {
        throw new AssertionError("the ECS client was built: an AWS call was about to be made");
    }

    static Route53Client route53() {
        throw new AssertionError("the Route 53 client was built: an AWS call was about to be made");
    }
}
