package ecsvpce.races;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.testing.FixtureClients;
import ecsvpce.testing.FargateScenario;
import ecsvpce.testing.MotoTest;
import ecsvpce.testing.VpcReadBack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * moto_server answers requests on threads: the checks our race tests rely on (a ClientToken seen
 * before, a private DNS domain taken, a group name taken) must be atomic with the create they
 * guard, as they are in AWS. Twenty clients send the same create at once; exactly one may win.
 * Patch k of moto_server_ext makes it so: with {@code MOTO_EXT_DISABLE=k MOTO_EXT_RACE_WINDOW_MS=20}
 * (a pause between each check and its create) every test here fails, with 4 to 10 winners.
 */
@MotoTest
class MotoConcurrencyIT {
    private static final int RACERS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SSM = "com.amazonaws.us-east-1.ssm";

    @Test
    void oneClientTokenWithTwentyDifferentTagSetsMakesOneEndpoint() throws Exception {
        try (FargateScenario scenario = FargateScenario.builder().create()) {
            Map<String, Long> outcomes = race(i -> ec2 -> ec2.createVpcEndpoint(r -> r
                    .vpcEndpointType(VpcEndpointType.INTERFACE).vpcId(scenario.vpcId()).serviceName(SSM)
                    .subnetIds(scenario.subnetId()).securityGroupIds(scenario.endpointSecurityGroupId())
                    .privateDnsEnabled(true).clientToken("one-token")
                    .tagSpecifications(t -> t.resourceType(ResourceType.VPC_ENDPOINT)
                            .tags(x -> x.key("trigger").value("task-" + i))))
                    .vpcEndpoint().vpcEndpointId());

            assertThat(outcomes).containsEntry("ok", 1L).containsEntry("IdempotentParameterMismatch", 19L);
            assertThat(scenario.readBack().endpointCount("ssm")).isEqualTo(1);
        }
    }

    @Test
    void twentyCreatesForOnePrivateDnsDomainMakeOneEndpoint() throws Exception {
        try (FargateScenario scenario = FargateScenario.builder().create()) {
            // Each its own token, or none (a person, another tool): only the DNS domain check guards.
            Map<String, Long> outcomes = race(i -> ec2 -> ec2.createVpcEndpoint(r -> r
                    .vpcEndpointType(VpcEndpointType.INTERFACE).vpcId(scenario.vpcId()).serviceName(SSM)
                    .subnetIds(scenario.subnetId()).securityGroupIds(scenario.endpointSecurityGroupId())
                    .privateDnsEnabled(true).clientToken(i % 2 == 0 ? "token-" + i : null))
                    .vpcEndpoint().vpcEndpointId());

            assertThat(outcomes).containsEntry("ok", 1L).containsEntry("InvalidParameter", 19L);
            assertThat(scenario.readBack().endpointCount("ssm")).isEqualTo(1);
        }
    }

    @Test
    void twentyGroupsOfOneNameMakeOneGroup() throws Exception {
        try (FargateScenario scenario = FargateScenario.builder().create()) {
            Map<String, Long> outcomes = race(i -> ec2 -> ec2.createSecurityGroup(r -> r.vpcId(scenario.vpcId())
                    .groupName("ecs-vpce-remediator-endpoints").description("racer " + i)).groupId());

            assertThat(outcomes).containsEntry("ok", 1L).containsEntry("InvalidGroup.Duplicate", 19L);
            assertThat(scenario.readBack().securityGroups()).extracting(VpcReadBack.SecurityGroupView::name)
                    .containsOnlyOnce("ecs-vpce-remediator-endpoints");
        }
    }

    /** Runs the call on twenty clients at once; counts "ok" and each error code. */
    private static Map<String, Long> race(IntFunction<java.util.function.Function<Ec2Client, String>> call)
            throws InterruptedException {
        List<Ec2Client> clients = new ArrayList<>();
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            Ec2Client ec2 = FixtureClients.ec2();
            clients.add(ec2);
            java.util.function.Function<Ec2Client, String> body = call.apply(i);
            calls.add(() -> {
                try {
                    body.apply(ec2);
                    return "ok";
                } catch (AwsServiceException e) {
                    return e.awsErrorDetails().errorCode();
                }
            });
        }
        try {
            List<Racers.Result> results = Racers.race(calls, TIMEOUT,
                    (index, outcome) -> new Racers.Result(index, outcome, 1, List.of(), List.of(), List.of(), null, 0));
            assertThat(results).noneSatisfy(r -> assertThat(r.threw()).isTrue());
            return results.stream().collect(java.util.stream.Collectors.groupingBy(Racers.Result::outcome,
                    java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        } finally {
            clients.forEach(Ec2Client::close);
        }
    }
}
