package ecsvpce.races;

import ecsvpce.core.plan.ResourceTags;
import ecsvpce.support.fakeec2.FakeEc2;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The worst schedule for one invocation: just before each of its creates reaches EC2, another
 * invocation (for another task, so with other tags) makes the same create, with the same client
 * token. The victim loses every create it tries; only re-reading and adopting gets it through.
 */
final class FrontRunner implements FakeEc2.Hook {
    /** What the front-runner does before a create of the victim. */
    enum Mode {
        /** Another invocation of ours: the same request, its own tags (so the same token). */
        ANOTHER_INVOCATION,
        /** A person or another tool: the same endpoint, no client token, the VPC's default group. */
        SOMEONE_ELSE
    }

    private final FakeEc2 ec2;
    private final Predicate<Thread> victim;
    private final Mode mode;
    private final Map<String, String> otherTags =
            ResourceTags.forCreation("arn:aws:ecs:us-east-1:123456789012:task/app-cluster/front-runner",
                    Instant.parse("2026-01-01T00:00:00Z"));
    private volatile int frontRuns;

    FrontRunner(FakeEc2 ec2, Predicate<Thread> victim, Mode mode) {
        this.ec2 = ec2;
        this.victim = victim;
        this.mode = mode;
    }

    /** How many creates were made ahead of the victim. */
    int frontRuns() {
        return frontRuns;
    }

    @Override
    public void before(String operation, SdkRequest request) {
        if (!victim.test(Thread.currentThread())) {
            return;
        }
        ec2.asAnotherCaller(() -> {
            if (request instanceof CreateSecurityGroupRequest group && mode == Mode.ANOTHER_INVOCATION) {
                String id = ec2.createSecurityGroup(group.toBuilder()
                        .tagSpecifications(tags(ResourceType.SECURITY_GROUP)).build()).groupId();
                String vpcCidr = "10.0.0.0/16";
                ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(IpPermission.builder()
                        .ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(x -> x.cidrIp(vpcCidr)).build()));
                frontRuns++;
            } else if (request instanceof CreateVpcEndpointRequest endpoint) {
                if (mode == Mode.ANOTHER_INVOCATION) {
                    ec2.createVpcEndpoint(endpoint.toBuilder().tagSpecifications(tags(ResourceType.VPC_ENDPOINT)).build());
                    frontRuns++;
                } else if (endpoint.vpcEndpointTypeAsString().equals("Interface")) {
                    ec2.createVpcEndpoint(endpoint.toBuilder().clientToken(null).securityGroupIds(List.of())
                            .tagSpecifications(List.of()).build());
                    frontRuns++;
                }
            }
            return null;
        });
    }

    private TagSpecification tags(ResourceType type) {
        return TagSpecification.builder().resourceType(type)
                .tags(otherTags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                        .toList())
                .build();
    }
}
