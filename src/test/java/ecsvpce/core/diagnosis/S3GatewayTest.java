package ecsvpce.core.diagnosis;

import static ecsvpce.core.EndpointService.S3;
import static ecsvpce.core.diagnosis.FindingCode.ENDPOINT_MISSING;
import static ecsvpce.core.diagnosis.FindingCode.ENDPOINT_WRONG_TYPE;
import static ecsvpce.core.diagnosis.FindingCode.GATEWAY_NOT_ON_ROUTE_TABLE;
import static ecsvpce.core.diagnosis.FindingCode.TASK_SG_EGRESS_BLOCKS_443;
import static ecsvpce.core.diagnosis.Severity.BLOCKING;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.CheckedCore.findings;
import static ecsvpce.core.fixtures.Snapshots.MAIN_ROUTE_TABLE;
import static ecsvpce.core.fixtures.Snapshots.ROUTE_TABLE;
import static ecsvpce.core.fixtures.Snapshots.TASK_SG;
import static ecsvpce.core.fixtures.Snapshots.TASK_SUBNET;
import static ecsvpce.core.fixtures.Snapshots.VPC_CIDR;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.EndpointType;
import ecsvpce.core.fixtures.Rules;
import ecsvpce.core.network.NetworkSnapshot;
import org.junit.jupiter.api.Test;

/** docs/endpoint-pitfalls.md: the S3 gateway endpoint, on the route table of the task's subnet. */
class S3GatewayTest {
    @Test
    void gatewayNotOnTheSubnetsRouteTable() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpoint(S3, e -> e.routeTables("rtb-0other")).build());

        assertThat(findings(diagnosis)).containsExactly(tuple(GATEWAY_NOT_ON_ROUTE_TABLE, S3, BLOCKING, "vpce-s3"));
        assertThat(diagnosis.routeTableId()).isEqualTo(ROUTE_TABLE);
        assertThat(diagnosis.findings().get(0).explanation()).contains(ROUTE_TABLE).contains("interrupt");
    }

    @Test
    void subnetOnTheMainRouteTableIsServedByAGatewayOnTheMainTable() {
        NetworkSnapshot snapshot = isolatedSeedVpc().onMainRouteTable(TASK_SUBNET)
                .endpoint(S3, e -> e.routeTables(MAIN_ROUTE_TABLE)).build();

        Diagnosis diagnosis = diagnoseSeedTask(snapshot);

        assertThat(diagnosis.routeTableId()).isEqualTo(MAIN_ROUTE_TABLE);
        assertThat(diagnosis.findings()).isEmpty();
    }

    @Test
    void subnetOnTheMainRouteTableIsNotServedByAGatewayOnAnotherTable() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().onMainRouteTable(TASK_SUBNET).build());

        assertThat(diagnosis.routeTableId()).isEqualTo(MAIN_ROUTE_TABLE);
        assertThat(findings(diagnosis)).containsExactly(tuple(GATEWAY_NOT_ON_ROUTE_TABLE, S3, BLOCKING, "vpce-s3"));
    }

    @Test
    void anExplicitAssociationWinsOverTheMainTable() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpoint(S3, e -> e.routeTables(MAIN_ROUTE_TABLE)).build());

        assertThat(diagnosis.routeTableId()).isEqualTo(ROUTE_TABLE);
        assertThat(diagnosis.findings()).extracting(Finding::code).containsExactly(GATEWAY_NOT_ON_ROUTE_TABLE);
    }

    @Test
    void anS3InterfaceEndpointIsTheWrongType() {
        NetworkSnapshot snapshot = isolatedSeedVpc().withoutEndpoint(S3)
                .endpoint("vpce-s3-interface", S3, EndpointType.INTERFACE, e -> { }).build();

        Diagnosis diagnosis = diagnoseSeedTask(snapshot);

        assertThat(findings(diagnosis)).containsExactly(tuple(ENDPOINT_WRONG_TYPE, S3, BLOCKING, Snapshots.VPC_ID));
        assertThat(diagnosis.findings().get(0).explanation()).contains("gateway");
    }

    @Test
    void anS3InterfaceEndpointBesideTheGatewayIsFine() {
        NetworkSnapshot snapshot = isolatedSeedVpc()
                .endpoint("vpce-s3-interface", S3, EndpointType.INTERFACE, e -> e.privateDns(false)).build();

        assertThat(diagnoseSeedTask(snapshot).findings()).isEmpty();
    }

    @Test
    void aGatewayOnTheTableIsPreferredOverOthers() {
        NetworkSnapshot snapshot = isolatedSeedVpc()
                .endpoint("vpce-a-s3-elsewhere", S3, EndpointType.GATEWAY, e -> e.routeTables("rtb-0other")).build();

        assertThat(diagnoseSeedTask(snapshot).findings()).isEmpty();
    }

    @Test
    void ofGatewaysOnOtherTablesTheAvailableOneIsToBeAddedToTheSubnetsTable() {
        NetworkSnapshot snapshot = isolatedSeedVpc().endpoint(S3, e -> e.routeTables("rtb-0other"))
                .endpoint("vpce-a-s3-failed", S3, EndpointType.GATEWAY, e -> e.routeTables("rtb-0other").state("failed"))
                .build();

        Diagnosis diagnosis = diagnoseSeedTask(snapshot);

        assertThat(findings(diagnosis)).containsExactly(tuple(GATEWAY_NOT_ON_ROUTE_TABLE, S3, BLOCKING, "vpce-s3"));
        assertThat(diagnosis.findings().get(0).fix())
                .isEqualTo("aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-s3 --add-route-table-ids " + ROUTE_TABLE);
    }

    @Test
    void forAMissingGatewayTheTasksEgressMustReachS3WhereTheGatewayWouldLeadIt() {
        NetworkSnapshot toTheVpcOnly = isolatedSeedVpc().withoutEndpoint(S3).taskEgress(Rules.tcp443FromCidr(VPC_CIDR)).build();
        NetworkSnapshot toAPrefixList = isolatedSeedVpc().withoutEndpoint(S3)
                .taskEgress(Rules.tcp443FromCidr(VPC_CIDR), Rules.tcp443ToPrefixList(Rules.S3_PREFIX_LIST)).build();

        Diagnosis blocked = diagnoseSeedTask(toTheVpcOnly);

        assertThat(findings(blocked)).containsExactly(tuple(ENDPOINT_MISSING, S3, BLOCKING, Snapshots.VPC_ID),
                tuple(TASK_SG_EGRESS_BLOCKS_443, S3, BLOCKING, TASK_SG));
        assertThat(blocked.findings().get(1).fix()).isEqualTo("aws ec2 authorize-security-group-egress --group-id "
                + TASK_SG + " --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,PrefixListIds=[{PrefixListId="
                + "$(aws ec2 describe-managed-prefix-lists --filters Name=prefix-list-name,Values="
                + "com.amazonaws.ap-northeast-1.s3 --query 'PrefixLists[0].PrefixListId' --output text)}]'");
        assertThat(findings(diagnoseSeedTask(toAPrefixList))).containsExactly(tuple(ENDPOINT_MISSING, S3, BLOCKING, Snapshots.VPC_ID));
    }
}
