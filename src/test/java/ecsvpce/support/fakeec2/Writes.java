package ecsvpce.support.fakeec2;

import static ecsvpce.support.fakeec2.Ec2Errors.error;
import static ecsvpce.support.fakeec2.Ec2Errors.require;

import ecsvpce.support.fakeec2.Ec2State.EndpointState;
import ecsvpce.support.fakeec2.Ec2State.GroupState;
import ecsvpce.support.fakeec2.Ec2State.RouteEntry;
import ecsvpce.support.fakeec2.Ec2State.Rule;
import ecsvpce.support.fakeec2.Ec2State.TokenUse;
import ecsvpce.support.fakeec2.Ec2State.VpcState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * The fake's write operations, each validating everything before it changes anything (as AWS
 * does), under the fake's lock: {@code ClientToken} idempotency, {@code InvalidGroup.Duplicate},
 * {@code InvalidPermission.Duplicate} (nothing of the call applied), the endpoint rules of
 * {@link ConflictRules}, the VPC's default group for an interface endpoint created without groups.
 */
final class Writes {
    private final Ec2State state;
    private final SdkModel model;
    private final ConflictRules rules;
    private volatile String newEndpointState = "available";

    Writes(Ec2State state, SdkModel model) {
        this.state = state;
        this.model = model;
        this.rules = new ConflictRules(state);
    }

    void newEndpointState(String endpointState) {
        this.newEndpointState = endpointState;
    }

    CreateSecurityGroupResponse createSecurityGroup(CreateSecurityGroupRequest request) {
        VpcState vpc = require(state.vpcs, request.vpcId(), "InvalidVpcID.NotFound");
        if (state.groups.values().stream().anyMatch(g -> g.vpcId.equals(vpc.id) && g.name.equals(request.groupName()))) {
            throw error("InvalidGroup.Duplicate", "The security group '" + request.groupName()
                    + "' already exists for VPC '" + vpc.id + "'");
        }
        String groupId = state.addGroup(vpc.id, request.groupName(),
                tags(request.tagSpecifications(), ResourceType.SECURITY_GROUP));
        return CreateSecurityGroupResponse.builder().groupId(groupId).build();
    }

    AuthorizeSecurityGroupIngressResponse authorizeSecurityGroupIngress(AuthorizeSecurityGroupIngressRequest request) {
        GroupState group = require(state.groups, request.groupId(), "InvalidGroup.NotFound");
        List<Rule> added = new ArrayList<>();
        for (IpPermission permission : request.ipPermissions()) {
            for (IpRange range : permission.ipRanges()) {
                added.add(new Rule(permission.ipProtocol(), permission.fromPort(), permission.toPort(),
                        range.cidrIp(), null));
            }
            permission.userIdGroupPairs().forEach(pair -> added.add(new Rule(permission.ipProtocol(),
                    permission.fromPort(), permission.toPort(), null, pair.groupId())));
        }
        for (Rule rule : added) {
            if (group.ingress.contains(rule)) {
                throw error("InvalidPermission.Duplicate", "the specified rule \"peer: " + rule.peer() + ", "
                        + rule.protocol().toUpperCase(Locale.ROOT) + ", from port: " + rule.fromPort() + ", to port: "
                        + rule.toPort() + ", ALLOW\" already exists");
            }
        }
        group.ingress.addAll(added);
        return AuthorizeSecurityGroupIngressResponse.builder().returnValue(true).build();
    }

    CreateVpcEndpointResponse createVpcEndpoint(CreateVpcEndpointRequest request) {
        CreateVpcEndpointRequest withoutToken = request.toBuilder().clientToken(null).dryRun(null).build();
        if (request.clientToken() != null && state.tokens.containsKey(request.clientToken())) {
            TokenUse first = state.tokens.get(request.clientToken());
            if (!first.request().equals(withoutToken)) {
                throw error("IdempotentParameterMismatch", "Arguments on this idempotent request are "
                        + "inconsistent with arguments used in previous request(s).");
            }
            return CreateVpcEndpointResponse.builder().vpcEndpoint(model.endpoint(state.endpoints.get(first.endpointId())))
                    .clientToken(request.clientToken()).build();
        }
        VpcState vpc = require(state.vpcs, request.vpcId(), "InvalidVpcID.NotFound");
        boolean isInterface = request.vpcEndpointType() == VpcEndpointType.INTERFACE;
        EndpointState endpoint = new EndpointState(state.newId("vpce"), vpc.id, request.serviceName(),
                isInterface ? "Interface" : "Gateway", newEndpointState,
                tags(request.tagSpecifications(), ResourceType.VPC_ENDPOINT));
        if (isInterface) {
            List<String> subnetIds = request.subnetIds();
            rules.checkSubnets(vpc.id, List.of(), subnetIds);
            boolean privateDns = !Boolean.FALSE.equals(request.privateDnsEnabled());
            if (privateDns) {
                rules.checkPrivateDns(vpc, request.serviceName(), null);
            }
            List<String> groupIds = request.securityGroupIds().isEmpty()
                    ? List.of(state.defaultGroup(vpc.id)) : request.securityGroupIds();
            groupIds.forEach(id -> require(state.groups, id, "InvalidGroup.NotFound"));
            endpoint.privateDns = privateDns;
            endpoint.subnetIds.addAll(subnetIds);
            endpoint.groupIds.addAll(groupIds);
        } else {
            for (String tableId : request.routeTableIds()) {
                rules.checkRouteTableFree(require(state.routeTables, tableId, "InvalidRouteTableID.NotFound"),
                        request.serviceName(), null);
            }
            request.routeTableIds().forEach(tableId -> addRoute(endpoint, tableId));
        }
        state.endpoints.put(endpoint.id, endpoint);
        if (request.clientToken() != null) {
            state.tokens.put(request.clientToken(), new TokenUse(withoutToken, endpoint.id));
        }
        return CreateVpcEndpointResponse.builder().vpcEndpoint(model.endpoint(endpoint))
                .clientToken(request.clientToken()).build();
    }

    ModifyVpcEndpointResponse modifyVpcEndpoint(ModifyVpcEndpointRequest request) {
        EndpointState endpoint = require(state.endpoints, request.vpcEndpointId(), "InvalidVpcEndpointId.NotFound");
        VpcState vpc = state.vpcs.get(endpoint.vpcId);
        boolean isInterface = endpoint.isInterface();
        if (isInterface && !request.addSubnetIds().isEmpty()) {
            rules.checkSubnets(vpc.id, endpoint.subnetIds, request.addSubnetIds());
        }
        if (isInterface && Boolean.TRUE.equals(request.privateDnsEnabled()) && !endpoint.privateDns) {
            rules.checkPrivateDns(vpc, endpoint.serviceName, endpoint.id);
        }
        request.addSecurityGroupIds().forEach(id -> require(state.groups, id, "InvalidGroup.NotFound"));
        List<String> newTables = request.addRouteTableIds().stream()
                .filter(id -> !endpoint.routeTableIds.contains(id)).toList();
        for (String tableId : newTables) {
            rules.checkRouteTableFree(require(state.routeTables, tableId, "InvalidRouteTableID.NotFound"),
                    endpoint.serviceName, endpoint.id);
        }
        request.addSubnetIds().stream().filter(id -> !endpoint.subnetIds.contains(id)).forEach(endpoint.subnetIds::add);
        request.addSecurityGroupIds().stream().filter(id -> !endpoint.groupIds.contains(id)).forEach(endpoint.groupIds::add);
        newTables.forEach(tableId -> addRoute(endpoint, tableId));
        if (isInterface && request.privateDnsEnabled() != null) {
            endpoint.privateDns = request.privateDnsEnabled();
        }
        return ModifyVpcEndpointResponse.builder().returnValue(true).build();
    }

    ModifyVpcAttributeResponse modifyVpcAttribute(ModifyVpcAttributeRequest request) {
        VpcState vpc = require(state.vpcs, request.vpcId(), "InvalidVpcID.NotFound");
        if ((request.enableDnsSupport() == null) == (request.enableDnsHostnames() == null)) {
            throw error("InvalidParameterCombination", "Only one attribute can be modified at a time");
        }
        if (request.enableDnsSupport() != null) {
            vpc.dnsSupport = request.enableDnsSupport().value();
        } else {
            vpc.dnsHostnames = request.enableDnsHostnames().value();
        }
        return ModifyVpcAttributeResponse.builder().build();
    }

    /** As DeleteVpcEndpoints: the endpoint stays listed as {@code deleted}, its routes go. */
    void deleteVpcEndpoint(String endpointId) {
        state.endpoints.get(endpointId).state = "deleted";
        state.routeTables.values().forEach(t -> t.routes.removeIf(r -> endpointId.equals(r.target())));
    }

    /** A gateway endpoint on a route table: the table lists it, and routes its service's prefix list to it. */
    private void addRoute(EndpointState endpoint, String tableId) {
        endpoint.routeTableIds.add(tableId);
        state.routeTables.get(tableId).routes.add(
                new RouteEntry(null, ConflictRules.prefixList(endpoint.serviceName), endpoint.id));
    }

    private static Map<String, String> tags(List<TagSpecification> specifications, ResourceType type) {
        Map<String, String> tags = new LinkedHashMap<>();
        specifications.stream().filter(s -> s.resourceType() == type)
                .forEach(s -> s.tags().forEach(t -> tags.put(t.key(), t.value())));
        return tags;
    }
}
