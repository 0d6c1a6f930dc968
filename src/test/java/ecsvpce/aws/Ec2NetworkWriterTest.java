package ecsvpce.aws;

import static ecsvpce.aws.AwsErrors.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import ecsvpce.app.port.ActionResult;
import ecsvpce.app.port.CallFailure;
import ecsvpce.core.EndpointService;
import ecsvpce.core.plan.Action;
import ecsvpce.core.plan.AttachSecurityGroup;
import ecsvpce.core.plan.AuthorizeHttpsIngress;
import ecsvpce.core.plan.CreateEndpointSecurityGroup;
import ecsvpce.core.plan.CreateGatewayEndpoint;
import ecsvpce.core.plan.CreateInterfaceEndpoint;
import ecsvpce.core.plan.EnablePrivateDns;
import ecsvpce.core.plan.EndpointGroup;
import ecsvpce.core.plan.IdempotencyToken;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

class Ec2NetworkWriterTest {
    private static final Map<String, String> TAGS = Map.of("ecs-vpce-remediator:created-by", "ecs-vpce-remediator");
    private static final String TOKEN = IdempotencyToken.forEndpoint("vpc-1", "com.amazonaws.us-east-1.ssm", "Interface");

    // SDK client methods are interface defaults; calling the real ones lets the Consumer overloads
    // build requests and reach the stubbed request overloads.
    private final Ec2Client ec2 = mock(Ec2Client.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
    private final Ec2NetworkWriter writer = new Ec2NetworkWriter(ec2);

    @BeforeEach
    void stubWrites() {
        doReturn(CreateSecurityGroupResponse.builder().groupId("sg-ours").build())
                .when(ec2).createSecurityGroup(any(CreateSecurityGroupRequest.class));
        doReturn(AuthorizeSecurityGroupIngressResponse.builder().build())
                .when(ec2).authorizeSecurityGroupIngress(any(AuthorizeSecurityGroupIngressRequest.class));
        doReturn(ModifyVpcEndpointResponse.builder().returnValue(true).build())
                .when(ec2).modifyVpcEndpoint(any(ModifyVpcEndpointRequest.class));
        doReturn(created("vpce-new", "pending"))
                .when(ec2).createVpcEndpoint(any(CreateVpcEndpointRequest.class));
    }

    @Test
    void createsOurGroupThenTheEndpointWithThatGroupPrivateDnsTokenAndTags() {
        List<ActionResult> done = new ArrayList<>();
        writer.apply(List.of(
                new CreateEndpointSecurityGroup("vpc-1", "ecs-vpce-remediator-endpoints", List.of("10.0.0.0/16"), TAGS),
                interfaceEndpoint(EndpointGroup.createdByPlan("ecs-vpce-remediator-endpoints"))), done);

        ArgumentCaptor<CreateSecurityGroupRequest> group = ArgumentCaptor.forClass(CreateSecurityGroupRequest.class);
        ArgumentCaptor<AuthorizeSecurityGroupIngressRequest> ingress =
                ArgumentCaptor.forClass(AuthorizeSecurityGroupIngressRequest.class);
        ArgumentCaptor<CreateVpcEndpointRequest> endpoint = ArgumentCaptor.forClass(CreateVpcEndpointRequest.class);
        InOrder order = inOrder(ec2);
        order.verify(ec2).createSecurityGroup(group.capture());
        order.verify(ec2).authorizeSecurityGroupIngress(ingress.capture());
        order.verify(ec2).createVpcEndpoint(endpoint.capture());

        assertThat(group.getValue().tagSpecifications()).singleElement()
                .satisfies(spec -> assertThat(spec.resourceType()).isEqualTo(ResourceType.SECURITY_GROUP));
        assertThat(ingress.getValue().groupId()).isEqualTo("sg-ours");
        assertThat(ingress.getValue().ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("tcp");
            assertThat(p.fromPort()).isEqualTo(443);
            assertThat(p.toPort()).isEqualTo(443);
            assertThat(p.ipRanges()).extracting(r -> r.cidrIp()).containsExactly("10.0.0.0/16");
        });
        CreateVpcEndpointRequest request = endpoint.getValue();
        assertThat(request.securityGroupIds()).containsExactly("sg-ours");
        assertThat(request.privateDnsEnabled()).isTrue();
        assertThat(request.clientToken()).isEqualTo(TOKEN);
        assertThat(request.subnetIds()).containsExactly("subnet-a");
        assertThat(request.tagSpecifications()).singleElement().satisfies(spec -> {
            assertThat(spec.resourceType()).isEqualTo(ResourceType.VPC_ENDPOINT);
            assertThat(spec.tags()).extracting(t -> t.key()).contains("ecs-vpce-remediator:created-by");
        });
        assertThat(done).extracting(ActionResult::resourceId).containsExactly("sg-ours", "vpce-new");
    }

    @Test
    void aTokenThatEc2SpentOnADeletedEndpointIsRenewedOnce() {
        doReturn(created("vpce-old", "deleted"), created("vpce-new", "pending"))
                .when(ec2).createVpcEndpoint(any(CreateVpcEndpointRequest.class));
        List<ActionResult> done = new ArrayList<>();

        writer.apply(List.of(interfaceEndpoint(EndpointGroup.existing("sg-1", "g"))), done);

        ArgumentCaptor<CreateVpcEndpointRequest> requests = ArgumentCaptor.forClass(CreateVpcEndpointRequest.class);
        verify(ec2, times(2)).createVpcEndpoint(requests.capture());
        assertThat(requests.getAllValues().get(1).clientToken())
                .isEqualTo(IdempotencyToken.renewed(TOKEN, "vpce-old"))
                .hasSizeLessThanOrEqualTo(64);
        assertThat(done).extracting(ActionResult::resourceId).containsExactly("vpce-new");
    }

    @Test
    void aPrivateDnsNameTakenWithNoEndpointOfTheServiceInTheVpcIsAZoneSoItIsRefusedNotRetried() {
        doThrow(error(400, "InvalidParameter", "private-dns-enabled cannot be set because there is already a "
                + "conflicting DNS domain for ssm.us-east-1.amazonaws.com in the VPC vpc-1"))
                .when(ec2).createVpcEndpoint(any(CreateVpcEndpointRequest.class));
        doReturn(DescribeVpcEndpointsResponse.builder().build())
                .when(ec2).describeVpcEndpoints(any(DescribeVpcEndpointsRequest.class));

        assertThatThrownBy(() -> writer.apply(List.of(interfaceEndpoint(EndpointGroup.existing("sg-1", "g"))),
                new ArrayList<>()))
                .isInstanceOfSatisfying(CallFailure.Refused.class, refused -> {
                    assertThat(refused.errorCode()).isEqualTo("InvalidParameter");
                    assertThat(refused.getMessage()).contains("a private hosted zone associated with it holds the name");
                });
    }

    @Test
    void aPrivateDnsNameTakenByAnotherInvocationsNewEndpointIsARaceToAdopt() {
        doThrow(error(400, "InvalidParameter", "private-dns-enabled cannot be set because there is already a "
                + "conflicting DNS domain for ssm.us-east-1.amazonaws.com in the VPC vpc-1"))
                .when(ec2).createVpcEndpoint(any(CreateVpcEndpointRequest.class));
        doReturn(DescribeVpcEndpointsResponse.builder().vpcEndpoints(VpcEndpoint.builder().vpcEndpointId("vpce-racer")
                .vpcEndpointType("Interface").state("pending").build()).build())
                .when(ec2).describeVpcEndpoints(any(DescribeVpcEndpointsRequest.class));

        assertThatThrownBy(() -> writer.apply(List.of(interfaceEndpoint(EndpointGroup.existing("sg-1", "g"))),
                new ArrayList<>())).isInstanceOf(CallFailure.LostRace.class);
    }

    @Test
    void aRuleAlreadyThereIsTheStateWeWant() {
        doThrow(error(400, "InvalidPermission.Duplicate", "the specified rule already exists"))
                .when(ec2).authorizeSecurityGroupIngress(any(AuthorizeSecurityGroupIngressRequest.class));
        List<ActionResult> done = new ArrayList<>();

        writer.apply(List.of(new AuthorizeHttpsIngress("sg-ours", List.of("10.1.0.0/16"))), done);

        assertThat(done).hasSize(1);
    }

    @Test
    void stopsAtTheFirstFailureKeepingWhatWasDone() {
        doThrow(error(403, "UnauthorizedOperation", "You are not authorized to perform this operation."))
                .when(ec2).createVpcEndpoint(any(CreateVpcEndpointRequest.class));
        List<Action> actions = List.of(
                new EnablePrivateDns("vpce-sm", EndpointService.SECRETSMANAGER),
                interfaceEndpoint(EndpointGroup.existing("sg-1", "g")),
                new CreateGatewayEndpoint("vpc-1", EndpointService.S3, "com.amazonaws.us-east-1.s3", List.of("rtb-1"),
                        "t", TAGS));
        List<ActionResult> done = new ArrayList<>();

        assertThatThrownBy(() -> writer.apply(actions, done))
                .isInstanceOfSatisfying(CallFailure.Refused.class,
                        f -> assertThat(f.iamAction()).isEqualTo("ec2:CreateVpcEndpoint"));
        assertThat(done).extracting(ActionResult::action).containsExactly(actions.get(0));
        verify(ec2, times(1)).createVpcEndpoint(any(CreateVpcEndpointRequest.class));
    }

    @Test
    void attachesTheGroupThePlanCreatedEarlier() {
        writer.apply(List.of(
                new CreateEndpointSecurityGroup("vpc-1", "ecs-vpce-remediator-endpoints", List.of("10.0.0.0/16"), TAGS),
                new AttachSecurityGroup("vpce-ssm", EndpointService.SSM,
                        EndpointGroup.createdByPlan("ecs-vpce-remediator-endpoints"))), new ArrayList<>());

        ArgumentCaptor<ModifyVpcEndpointRequest> modify = ArgumentCaptor.forClass(ModifyVpcEndpointRequest.class);
        verify(ec2).modifyVpcEndpoint(modify.capture());
        assertThat(modify.getValue().vpcEndpointId()).isEqualTo("vpce-ssm");
        assertThat(modify.getValue().addSecurityGroupIds()).containsExactly("sg-ours");
        assertThat(modify.getValue().removeSecurityGroupIds()).isEmpty();
        verify(ec2, never()).createVpcEndpoint(any(CreateVpcEndpointRequest.class));
    }

    private static CreateInterfaceEndpoint interfaceEndpoint(EndpointGroup group) {
        return new CreateInterfaceEndpoint("vpc-1", EndpointService.SSM, "com.amazonaws.us-east-1.ssm",
                List.of("subnet-a"), group, TOKEN, TAGS, new BigDecimal("7.30"));
    }

    private static CreateVpcEndpointResponse created(String id, String state) {
        return CreateVpcEndpointResponse.builder()
                .vpcEndpoint(VpcEndpoint.builder().vpcEndpointId(id).state(state).build()).build();
    }
}
