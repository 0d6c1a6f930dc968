package ecsvpce.aws;

import ecsvpce.core.plan.Action;
import ecsvpce.core.plan.AddRouteTableToGateway;
import ecsvpce.core.plan.AttachSecurityGroup;
import ecsvpce.core.plan.AuthorizeHttpsIngress;
import ecsvpce.core.plan.CreateEndpointSecurityGroup;
import ecsvpce.core.plan.CreateGatewayEndpoint;
import ecsvpce.core.plan.CreateInterfaceEndpoint;
import ecsvpce.core.plan.EnablePrivateDns;
import ecsvpce.core.plan.EnableVpcDnsAttribute;
import ecsvpce.core.plan.EndpointGroup;
import ecsvpce.core.plan.IdempotencyToken;
import ecsvpce.core.plan.VpcDnsAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * Carries out a plan's actions, in order. Only creates and enables: this class has no call that
 * deletes, revokes or detaches anything.
 */
public final class Ec2NetworkWriter {
    private static final String HTTPS_RULE_DESCRIPTION = "HTTPS from inside the VPC to interface endpoints";
    /** Client tokens tried for one endpoint: the planned one and its successors, each spent on a deleted endpoint. */
    static final int TOKEN_GENERATIONS = 5;
    /** Seed of the successor of a token EC2 refuses because its endpoint is gone. */
    private static final String SPENT = "spent";

    private final Ec2Client ec2;

    public Ec2NetworkWriter(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /**
     * Applies the actions in order, recording what each did in {@code done}. An action that loses a race to a
     * concurrent invocation (its endpoint or group was just made by another) is skipped and the
     * rest are still applied, since none depends on it, except after the group: what follows needs
     * its id, so a lost group ends the pass. Once the pass is over, lost races are thrown as one
     * {@link ConcurrentChange}: re-read and adopt. Any other failure stops at once and is thrown:
     * an {@link AwsCallFailure} is permanent, anything else is transient.
     *
     * @param done receives each action as soon as it is applied, so a report can show partial progress
     */
    public void apply(List<Action> actions, List<AppliedAction> done) {
        String createdGroupId = null;
        List<String> lost = new ArrayList<>();
        ConcurrentChange firstLost = null;
        for (Action action : actions) {
            AppliedAction applied;
            try {
                applied = applyOne(action, createdGroupId);
            } catch (ConcurrentChange race) {
                lost.add(what(action));
                firstLost = firstLost == null ? race : firstLost;
                if (action instanceof CreateEndpointSecurityGroup) {
                    break;
                }
                continue;
            }
            if (action instanceof CreateEndpointSecurityGroup) {
                createdGroupId = applied.resourceId();
            }
            done.add(applied);
        }
        if (firstLost != null) {
            throw lost.size() == 1 ? firstLost : new ConcurrentChange(lost.size() + " writes lost a race ("
                    + String.join(", ", lost) + "), the first: " + firstLost.getMessage(), firstLost);
        }
    }

    private static String what(Action action) {
        if (action instanceof CreateInterfaceEndpoint a) {
            return a.service().id() + " interface endpoint";
        }
        if (action instanceof CreateGatewayEndpoint a) {
            return a.service().id() + " gateway endpoint";
        }
        return action.type().name();
    }

    private AppliedAction applyOne(Action action, String createdGroupId) {
        if (action instanceof EnableVpcDnsAttribute a) {
            return enableDnsAttribute(a);
        } else if (action instanceof EnablePrivateDns a) {
            AwsCall.run("ec2:ModifyVpcEndpoint", () -> ec2.modifyVpcEndpoint(
                    r -> r.vpcEndpointId(a.endpointId()).privateDnsEnabled(true)));
            return new AppliedAction(a, a.endpointId());
        } else if (action instanceof AddRouteTableToGateway a) {
            AwsCall.run("ec2:ModifyVpcEndpoint", () -> ec2.modifyVpcEndpoint(
                    r -> r.vpcEndpointId(a.endpointId()).addRouteTableIds(a.routeTableId())));
            return new AppliedAction(a, a.endpointId());
        } else if (action instanceof CreateEndpointSecurityGroup a) {
            return new AppliedAction(a, createGroup(a));
        } else if (action instanceof AuthorizeHttpsIngress a) {
            authorizeHttps(a.groupId(), a.cidrs());
            return new AppliedAction(a, a.groupId());
        } else if (action instanceof AttachSecurityGroup a) {
            String groupId = groupId(a.group(), createdGroupId);
            AwsCall.run("ec2:ModifyVpcEndpoint", () -> ec2.modifyVpcEndpoint(
                    r -> r.vpcEndpointId(a.endpointId()).addSecurityGroupIds(groupId)));
            return new AppliedAction(a, a.endpointId());
        } else if (action instanceof CreateInterfaceEndpoint a) {
            String groupId = groupId(a.group(), createdGroupId);
            return new AppliedAction(a, createEndpoint(CreateVpcEndpointRequest.builder()
                    .vpcEndpointType(VpcEndpointType.INTERFACE)
                    .vpcId(a.vpcId())
                    .serviceName(a.serviceName())
                    .subnetIds(a.subnetIds())
                    .securityGroupIds(groupId)
                    .privateDnsEnabled(true)
                    .clientToken(a.clientToken())
                    .tagSpecifications(tagSpecification(ResourceType.VPC_ENDPOINT, a.tags()))
                    .build()));
        } else if (action instanceof CreateGatewayEndpoint a) {
            return new AppliedAction(a, createEndpoint(CreateVpcEndpointRequest.builder()
                    .vpcEndpointType(VpcEndpointType.GATEWAY)
                    .vpcId(a.vpcId())
                    .serviceName(a.serviceName())
                    .routeTableIds(a.routeTableIds())
                    .clientToken(a.clientToken())
                    .tagSpecifications(tagSpecification(ResourceType.VPC_ENDPOINT, a.tags()))
                    .build()));
        }
        throw new IllegalArgumentException("no writer for " + action.type());
    }

    private AppliedAction enableDnsAttribute(EnableVpcDnsAttribute a) {
        AttributeBooleanValue on = AttributeBooleanValue.builder().value(true).build();
        AwsCall.run("ec2:ModifyVpcAttribute", () -> a.attribute() == VpcDnsAttribute.ENABLE_DNS_SUPPORT
                ? ec2.modifyVpcAttribute(r -> r.vpcId(a.vpcId()).enableDnsSupport(on))
                : ec2.modifyVpcAttribute(r -> r.vpcId(a.vpcId()).enableDnsHostnames(on)));
        return new AppliedAction(a, a.vpcId());
    }

    private String createGroup(CreateEndpointSecurityGroup a) {
        String groupId = AwsCall.run("ec2:CreateSecurityGroup", () -> ec2.createSecurityGroup(r -> r
                .vpcId(a.vpcId())
                .groupName(a.groupName())
                .description("TCP 443 from the VPC to its interface endpoints (ecs-vpce-remediator)")
                .tagSpecifications(tagSpecification(ResourceType.SECURITY_GROUP, a.tags())))).groupId();
        authorizeHttps(groupId, a.httpsFromCidrs());
        return groupId;
    }

    private void authorizeHttps(String groupId, List<String> cidrs) {
        List<IpRange> ranges = new ArrayList<>();
        cidrs.forEach(cidr -> ranges.add(IpRange.builder().cidrIp(cidr).description(HTTPS_RULE_DESCRIPTION).build()));
        try {
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder()
                    .ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(ranges).build()));
        } catch (AwsServiceException e) {
            // A retried invocation finds the rule already there: that is the state we want.
            if (e.awsErrorDetails() == null || !"InvalidPermission.Duplicate".equals(e.awsErrorDetails().errorCode())) {
                throw AwsCall.sort("ec2:AuthorizeSecurityGroupIngress", e);
            }
        }
    }

    /**
     * Creates an endpoint. EC2 keeps a client token for at least a day after its endpoint is
     * deleted: the same request again answers the deleted endpoint, any other request (a later
     * task's, whose tags differ) fails with {@code IdempotentParameterMismatch}. A mismatch with a
     * live endpoint of the service in the VPC is a lost race (adopt it); with none, the token is
     * spent, and the next token of a chain every invocation derives alike is tried, so racers still
     * share one token.
     */
    private String createEndpoint(CreateVpcEndpointRequest request) {
        CreateVpcEndpointRequest attempt = request;
        for (int generation = 1; ; generation++) {
            CreateVpcEndpointRequest sent = attempt;
            VpcEndpoint endpoint;
            try {
                endpoint = AwsCall.run("ec2:CreateVpcEndpoint", () -> ec2.createVpcEndpoint(sent)).vpcEndpoint();
            } catch (ConcurrentChange race) {
                if (generation == TOKEN_GENERATIONS || !isTokenMismatch(race) || hasLiveEndpoint(request)) {
                    throw race;
                }
                attempt = sent.toBuilder().clientToken(IdempotencyToken.renewed(sent.clientToken(), SPENT)).build();
                continue;
            }
            if (isGone(endpoint) && generation < TOKEN_GENERATIONS) {
                attempt = sent.toBuilder()
                        .clientToken(IdempotencyToken.renewed(sent.clientToken(), endpoint.vpcEndpointId())).build();
                continue;
            }
            return endpoint.vpcEndpointId();
        }
    }

    private static boolean isTokenMismatch(ConcurrentChange race) {
        return race.getCause() instanceof AwsServiceException e && e.awsErrorDetails() != null
                && "IdempotentParameterMismatch".equals(e.awsErrorDetails().errorCode());
    }

    /** Whether the VPC has an endpoint of this service and type that is not gone. */
    private boolean hasLiveEndpoint(CreateVpcEndpointRequest request) {
        return AwsCall.run("ec2:DescribeVpcEndpoints", () -> ec2.describeVpcEndpointsPaginator(r -> r.filters(
                        Filter.builder().name("vpc-id").values(request.vpcId()).build(),
                        Filter.builder().name("service-name").values(request.serviceName()).build()))
                .vpcEndpoints().stream()
                .anyMatch(e -> e.vpcEndpointTypeAsString().equalsIgnoreCase(request.vpcEndpointTypeAsString())
                        && !isGone(e) && !"failed".equalsIgnoreCase(e.stateAsString())
                        && !"rejected".equalsIgnoreCase(e.stateAsString())));
    }

    private static boolean isGone(VpcEndpoint endpoint) {
        String state = endpoint.stateAsString();
        return "deleted".equalsIgnoreCase(state) || "deleting".equalsIgnoreCase(state);
    }

    private static String groupId(EndpointGroup group, String createdGroupId) {
        return group.existingId().orElseGet(() -> {
            if (createdGroupId == null) {
                throw new IllegalStateException("plan attaches group " + group.name() + " before creating it");
            }
            return createdGroupId;
        });
    }

    private static TagSpecification tagSpecification(ResourceType type, Map<String, String> tags) {
        return TagSpecification.builder().resourceType(type)
                .tags(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList())
                .build();
    }
}
