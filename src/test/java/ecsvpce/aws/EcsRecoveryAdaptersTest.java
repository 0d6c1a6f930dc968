package ecsvpce.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import ecsvpce.app.port.CallFailure;
import ecsvpce.app.port.DeploymentState;
import ecsvpce.app.port.ServiceState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;

/** What the recovery reads of a service and the one request it writes, against a mocked ECS client. */
class EcsRecoveryAdaptersTest {
    private static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";
    private static final String DEFINITION = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7";
    private static final Instant CREATED = Instant.parse("2026-11-30T09:00:00Z");
    private final EcsClient ecs = mock(EcsClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));

    @Test
    void aServiceIsReadWithItsSubnetsTagsAndDeployments() {
        List<DescribeServicesRequest> describes = new ArrayList<>();
        doAnswer(call -> {
            describes.add(call.getArgument(0));
            return DescribeServicesResponse.builder().services(Service.builder().serviceName("web").status("ACTIVE")
                    .runningCount(0).desiredCount(2).tags(Tag.builder().key("team").value("orders").build())
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1").securityGroups("sg-1")))
                    .deployments(primary("ecs-svc/2"), Deployment.builder().id("ecs-svc/1").status("ACTIVE")
                            .taskDefinition(DEFINITION).rolloutState(DeploymentRolloutState.FAILED)
                            .rolloutStateReason("ECS deployment circuit breaker: tasks failed to start.").failedTasks(10)
                            .runningCount(0).createdAt(CREATED.minusSeconds(600)).build())
                    .build()).build();
        }).when(ecs).describeServices(any(DescribeServicesRequest.class));

        ServiceState web = new EcsServiceStates(ecs).states(CLUSTER, List.of("web")).get("web");

        assertThat(describes).singleElement().satisfies(r -> assertThat(r.include()).containsExactly(ServiceField.TAGS));
        assertThat(web.subnetIds()).containsExactly("subnet-1");
        assertThat(web.tags()).isEqualTo(Map.of("team", "orders"));
        assertThat(web.deployments()).containsExactly(
                new DeploymentState("ecs-svc/2", "PRIMARY", DEFINITION, "IN_PROGRESS", null, 3, 0, CREATED),
                new DeploymentState("ecs-svc/1", "ACTIVE", DEFINITION, "FAILED",
                        "ECS deployment circuit breaker: tasks failed to start.", 10, 0, CREATED.minusSeconds(600)));
    }

    @Test
    void theRecoveryAsksForANewDeploymentAndNothingElse() {
        List<UpdateServiceRequest> updates = new ArrayList<>();
        doAnswer(call -> {
            updates.add(call.getArgument(0));
            return UpdateServiceResponse.builder().service(Service.builder().serviceName("web")
                    .deployments(primary("ecs-svc/3")).build()).build();
        }).when(ecs).updateService(any(UpdateServiceRequest.class));

        DeploymentState started = new EcsServiceDeployer(ecs).forceNewDeployment(CLUSTER, "web");

        assertThat(started.id()).isEqualTo("ecs-svc/3");
        assertThat(started.createdAt()).isEqualTo(CREATED);
        assertThat(updates).singleElement().isEqualTo(UpdateServiceRequest.builder().cluster(CLUSTER).service("web")
                .forceNewDeployment(true).build());
    }

    @ParameterizedTest
    @CsvSource({
        "400, ServiceNotActiveException, Service was not ACTIVE., false",
        "400, ServiceNotFoundException, Service not found., false",
        "400, ClusterNotFoundException, Cluster not found., false",
        "400, AccessDeniedException, User is not authorized to perform: ecs:UpdateService, true"})
    void aRefusalIsReportedNotRetried(int status, String code, String message, boolean accessDenied) {
        doThrow(AwsErrors.error(status, code, message)).when(ecs).updateService(any(UpdateServiceRequest.class));

        assertThatThrownBy(() -> new EcsServiceDeployer(ecs).forceNewDeployment(CLUSTER, "web"))
                .isInstanceOfSatisfying(CallFailure.Refused.class, refused -> {
                    assertThat(refused.errorCode()).isEqualTo(code);
                    assertThat(refused.iamAction()).isEqualTo("ecs:UpdateService");
                    assertThat(refused.summary().kind().name()).isEqualTo(accessDenied ? "ACCESS_DENIED" : "REJECTED");
                });
    }

    @Test
    void throttlingIsTransientSoTheQueueDeliversTheCheckAgain() {
        doThrow(AwsErrors.error(400, "ThrottlingException", "Rate exceeded")).when(ecs)
                .updateService(any(UpdateServiceRequest.class));

        assertThatThrownBy(() -> new EcsServiceDeployer(ecs).forceNewDeployment(CLUSTER, "web"))
                .isInstanceOf(CallFailure.StillFailing.class);
    }

    private static Deployment primary(String id) {
        return Deployment.builder().id(id).status("PRIMARY").taskDefinition(DEFINITION)
                .rolloutState(DeploymentRolloutState.IN_PROGRESS).failedTasks(3).runningCount(0).createdAt(CREATED).build();
    }
}
