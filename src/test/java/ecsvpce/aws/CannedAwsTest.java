package ecsvpce.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.aws.AwsClients.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/** The made-up account answers as AWS words it: the SDK reads every field the rehearsal relies on. */
class CannedAwsTest {
    private final Connection offline = Connection.offline(new CannedAws());

    @Test
    void ecsAnswersForATaskOfAServiceAndForOneOfNone() {
        try (EcsClient ecs = AwsClients.ecs(List.of(), offline)) {
            Task ofService = ecs.describeTasks(r -> r.tasks(CannedAws.TASK_ARN)).tasks().get(0);
            Task ofNone = ecs.describeTasks(r -> r.tasks(CannedAws.STANDALONE_TASK_ARN)).tasks().get(0);

            assertThat(ofService.group()).isEqualTo("service:web");
            assertThat(ofService.containers()).singleElement().satisfies(c -> assertThat(c.networkInterfaces()).hasSize(1));
            assertThat(ofService.stoppedAt()).isNotNull();
            assertThat(ofNone.taskArn()).isEqualTo(CannedAws.STANDALONE_TASK_ARN);
            assertThat(ofNone.group()).isEqualTo("family:web");
            assertThat(ofNone.startedBy()).isNull();
            assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(CannedAws.TASK_DEFINITION_ARN)).taskDefinition()
                    .containerDefinitions()).singleElement().satisfies(c -> assertThat(c.secrets()).hasSize(2));
            assertThat(ecs.listClusters().clusterArns()).containsExactly(CannedAws.CLUSTER_ARN);
        }
    }

    @Test
    void ec2AnswersEveryReadOfTheSnapshotWithOneItemAtLeast() {
        try (Ec2Client ec2 = AwsClients.ec2(List.of(), offline)) {
            assertThat(ec2.describeSubnets().subnets()).singleElement()
                    .satisfies(subnet -> assertThat(subnet.availabilityZone()).isEqualTo("us-east-1a"));
            assertThat(ec2.describeVpcs().vpcs()).singleElement()
                    .satisfies(vpc -> assertThat(vpc.cidrBlockAssociationSet()).hasSize(1));
            assertThat(ec2.describeVpcAttribute(r -> r.vpcId("vpc-0000000000000000a")).enableDnsHostnames().value()).isTrue();
            assertThat(ec2.describeDhcpOptions().dhcpOptions()).hasSize(1);
            assertThat(ec2.describeRouteTables().routeTables()).singleElement()
                    .satisfies(table -> assertThat(table.routes()).hasSize(1));
            assertThat(ec2.describeSecurityGroups().securityGroups()).hasSize(2);
            assertThat(ec2.describeNetworkInterfaces().networkInterfaces()).singleElement()
                    .satisfies(eni -> assertThat(eni.groups()).hasSize(1));
            VpcEndpoint endpoint = ec2.describeVpcEndpoints().vpcEndpoints().get(0);
            assertThat(endpoint.privateDnsEnabled()).isFalse();
            assertThat(endpoint.dnsEntries()).hasSize(1);
            assertThat(endpoint.policyDocument()).contains("\"Effect\":\"Allow\"");
            assertThat(endpoint.creationTimestamp()).isNotNull();
        }
    }

    @Test
    void anOperationItDoesNotKnowGetsAnEmptyAnswer() {
        try (Ec2Client ec2 = AwsClients.ec2(List.of(), offline)) {
            assertThat(ec2.describeInstances().reservations()).isEmpty();
        }
    }
}
