package ecsvpce.aws;

import ecsvpce.app.port.ActionResult;
import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.VpcChanges;
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
public final class Ec2NetworkWriter implements VpcChanges {
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
     * {@inheritDoc} Every action but the group stands alone, so a lost one does not stop the pass;
     * what follows the group needs its id, so a lost group ends it.
     */
    @Override
    public void apply(List<Action> actions, List<ActionResult> done) {
        String createdGroupId = null;
        List<String> lost = new ArrayList<>();
        CallFailure.LostRace firstLost = null;
        for (Action action : actions) {
            ActionResult applied;
            try {
                applied = applyOne(action, createdGroupId);
            } catch (CallFailure.LostRace race) {
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
            throw lost.size() == 1 ? firstLost : new CallFailure.LostRace(firstLost.iamAction(), lost.size()
                    + " writes lost a race (" + String.join(", ", lost) + "), the first: " + firstLost.getMessage(),
                    firstLost);
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

    private ActionResult applyOne(Action action, String createdGroupId) {
        if (action instanceof EnableVpcDnsAttribute a) {
            return enableDnsAttribute(a);
        } else if (action instanceof EnablePrivateDns a) {
            AwsCall.run("ec2:ModifyVpcEndpoint", () -> ec2.modifyVpcEndpoint(
                    r -> r.vpcEndpointId(a.endpointId()).privateDnsEnabled(true)));
            return ActionResult.applied(a, a.endpointId());
        } else if (action instanceof AddRouteTableToGateway a) {
            AwsCall.run("ec2:ModifyVpcEndpoint", () -> ec2.modifyVpcEndpoint(
                    r -> r.vpcEndpointId(a.endpointId()).addRouteTableIds(a.routeTableId())));
            return ActionResult.applied(a, a.endpointId());
        } else if (action instanceof CreateEndpointSecurityGroup a) {
            return ActionResult.applied(a, createGroup(a));
        } else if (action instanceof AuthorizeHttpsIngress a) {
            authorizeHttps(a.groupId(), a.cidrs());
            return ActionResult.applied(a, a.groupId());
        } else if (action instanceof AttachSecurityGroup a) {
            String groupId = groupId(a.group(), createdGroupId);
            AwsCall.run("ec2:ModifyVpcEndpoint", () -> ec2.modifyVpcEndpoint(
                    r -> r.vpcEndpointId(a.endpointId()).addSecurityGroupIds(groupId)));
            return ActionResult.applied(a, a.endpointId());
        } else if (action instanceof CreateInterfaceEndpoint a) {
            String groupId = groupId(a.group(), createdGroupId);
            return ActionResult.applied(a, createEndpoint(CreateVpcEndpointRequest.builder()
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
            return ActionResult.applied(a, createEndpoint(CreateVpcEndpointRequest.builder()
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

    private ActionResult enableDnsAttribute(EnableVpcDnsAttribute a) {
        AttributeBooleanValue on = AttributeBooleanValue.builder().value(true).build();
        AwsCall.run("ec2:ModifyVpcAttribute", () -> a.attribute() == VpcDnsAttribute.ENABLE_DNS_SUPPORT
                ? ec2.modifyVpcAttribute(r -> r.vpcId(a.vpcId()).enableDnsSupport(on))
                : ec2.modifyVpcAttribute(r -> r.vpcId(a.vpcId()).enableDnsHostnames(on)));
        return ActionResult.applied(a, a.vpcId());
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
            AwsCall.run("ec2:AuthorizeSecurityGroupIngress", () -> ec2.authorizeSecurityGroupIngress(r -> r
                    .groupId(groupId).ipPermissions(IpPermission.builder()
                            .ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(ranges).build())));
        } catch (CallFailure.Refused refused) {
            // A retried invocation finds the rule already there: that is the state we want.
            if (!"InvalidPermission.Duplicate".equals(refused.errorCode())) {
                throw refused;
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
            } catch (CallFailure.LostRace race) {
                boolean tokenMismatch = isTokenMismatch(race);
                if (generation == TOKEN_GENERATIONS || hasLiveEndpoint(request)) {
                    throw race;
                }
                if (!tokenMismatch) {
                    // A private DNS name is taken with no endpoint of the service in the VPC: a private hosted
                    // zone associated with it holds the name. Re-reading will not change that; a person must.
                    throw new CallFailure.Refused(false, race.iamAction(), AwsCall.errorCode(race.getCause()),
                            race.getMessage() + "; no " + request.serviceName() + " endpoint is in " + request.vpcId()
                                    + ", so a private hosted zone associated with it holds the name", race);
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

    private static boolean isTokenMismatch(CallFailure.LostRace race) {
        return "IdempotentParameterMismatch".equals(AwsCall.errorCode(race.getCause()));
    }

    /** Whether the VPC has an endpoint of this service and type that is not gone. */
    private boolean hasLiveEndpoint(CreateVpcEndpointRequest request) {
        return AwsCall.run("ec2:DescribeVpcEndpoints", () -> ec2.describeVpcEndpointsPaginator(r -> r.filters(
                        Filter.builder().name("vpc-id").values(request.vpcId()).build(),
                        Filter.builder().name("service-name").values(request.serviceName()).build()))
                .vpcEndpoints().stream()
                .anyMatch(e -> e.vpcEndpointTypeAsString().equalsIgnoreCase(request.vpcEndpointTypeAsString())
                        && !isGone(e)));
    }

    private static boolean isGone(VpcEndpoint endpoint) {
        return ecsvpce.core.network.VpcEndpoint.isGone(endpoint.stateAsString());
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
