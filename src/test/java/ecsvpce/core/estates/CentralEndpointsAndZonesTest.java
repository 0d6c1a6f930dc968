package ecsvpce.core.estates;

import static ecsvpce.core.EndpointService.ECR_API;
import static ecsvpce.core.EndpointService.ECR_DKR;
import static ecsvpce.core.EndpointService.LOGS;
import static ecsvpce.core.EndpointService.S3;
import static ecsvpce.core.EndpointService.SECRETSMANAGER;
import static ecsvpce.core.EndpointService.SSM;
import static ecsvpce.core.fixtures.CheckedCore.diagnose;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.CheckedCore.plan;
import static ecsvpce.core.fixtures.Snapshots.REGION;
import static ecsvpce.core.fixtures.Snapshots.VPC_ID;
import static ecsvpce.core.fixtures.Snapshots.isolatedEmptyVpc;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.diagnosis.Severity;
import ecsvpce.core.fixtures.CheckedCore;
import ecsvpce.core.fixtures.Estates;
import ecsvpce.core.fixtures.Rules;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.needs.Need;
import ecsvpce.core.needs.TaskNeeds;
import ecsvpce.core.network.HostedZone;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.PrivateZones;
import ecsvpce.core.plan.CreateInterfaceEndpoint;
import ecsvpce.core.plan.Plan;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/real-estates.md: a spoke VPC served by a hub's endpoints through private hosted zones, and
 * zones that cover a service's name without answering it.
 */
class CentralEndpointsAndZonesTest {

    @Test
    void aSpokeWhoseEveryServiceIsAnsweredByAHubZoneNeedsNoEndpointOfItsOwn() {
        NetworkSnapshot spoke = isolatedEmptyVpc().privateZones(new PrivateZones(
                Estates.centralZones(ECR_DKR, ECR_API, S3, LOGS, SSM, SECRETSMANAGER), Optional.empty())).build();

        Diagnosis diagnosis = diagnoseSeedTask(spoke);

        assertThat(diagnosis.findings()).extracting(Finding::code).containsOnly(FindingCode.SERVED_BY_CENTRAL_ENDPOINT)
                .hasSize(6);
        assertThat(diagnosis.findings()).extracting(Finding::severity).containsOnly(Severity.ADVISORY);
        assertThat(diagnosis.findings()).filteredOn(f -> f.service() == ECR_DKR).singleElement()
                .satisfies(f -> assertThat(f.explanation()).contains("123456789012.dkr.ecr." + REGION + ".amazonaws.com")
                        .contains("dkr.ecr." + REGION + ".amazonaws.com (ZECR_DKR) -> vpce-0hub-ecr-dkr.ecr.dkr."));
        assertThat(plan(spoke, diagnosis).actions()).isEmpty();
    }

    @Test
    void needsKnownOnlyByTheirServiceAreLookedUpByTheServicesOwnNameAsAFollowUpCheckKnowsThem() {
        NetworkSnapshot spoke = isolatedEmptyVpc().privateZones(new PrivateZones(
                Estates.centralZones(ECR_DKR, ECR_API, S3, LOGS, SSM, SECRETSMANAGER), Optional.empty())).build();
        TaskNeeds byServiceOnly = new TaskNeeds(Stream.of(ECR_DKR, ECR_API, S3, LOGS, SSM, SECRETSMANAGER)
                .map(service -> new Need(service, List.of())).toList(), List.of(), List.of());

        Diagnosis diagnosis = diagnose(byServiceOnly, Snapshots.taskPlacement(), spoke);

        assertThat(diagnosis.findings()).extracting(Finding::code).containsOnly(FindingCode.SERVED_BY_CENTRAL_ENDPOINT)
                .hasSize(6);
        assertThat(diagnosis.findings()).filteredOn(f -> f.service() == ECR_DKR).singleElement()
                .satisfies(f -> assertThat(f.explanation()).contains("dkr.ecr." + REGION + ".amazonaws.com by zone"));
    }

    @Test
    void aServiceWithoutAHubZoneIsStillMissingAndOnlyItIsMade() {
        NetworkSnapshot spoke = isolatedEmptyVpc().privateZones(new PrivateZones(
                Estates.centralZones(ECR_DKR, ECR_API, S3, LOGS, SECRETSMANAGER), Optional.empty())).build();

        Diagnosis diagnosis = diagnoseSeedTask(spoke);
        Plan plan = plan(spoke, diagnosis);

        assertThat(diagnosis.blocking()).extracting(Finding::code, Finding::service)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.ENDPOINT_MISSING, SSM));
        assertThat(plan.actions()).filteredOn(CreateInterfaceEndpoint.class::isInstance)
                .extracting(a -> ((CreateInterfaceEndpoint) a).service()).containsExactly(SSM);
    }

    @Test
    void aRegionWideZoneWithoutTheRecordsShadowsEveryServiceAndNoEndpointIsMade() {
        HostedZone regional = Estates.regionalZoneWithoutRecords();
        NetworkSnapshot vpc = isolatedEmptyVpc().privateZones(regional).build();

        Diagnosis diagnosis = diagnoseSeedTask(vpc);
        Plan plan = plan(vpc, diagnosis);

        assertThat(diagnosis.blocking()).extracting(Finding::code).containsOnly(FindingCode.DNS_ZONE_SHADOWS_SERVICE)
                .hasSize(6);
        assertThat(diagnosis.blocking()).allSatisfy(f -> {
            assertThat(f.resourceId()).isEqualTo("ZREGION");
            assertThat(f.explanation()).contains("NXDOMAIN");
            assertThat(f.fix()).isEqualTo("aws route53 disassociate-vpc-from-hosted-zone --hosted-zone-id ZREGION"
                    + " --vpc VPCRegion=" + REGION + ",VPCId=" + VPC_ID);
        });
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.unfixed()).hasSize(6);
    }

    @Test
    void aZoneNamedLikeTheServiceWithoutItsRecordShadowsItToo() {
        HostedZone emptySsm = new HostedZone("ZSSM", "ssm." + REGION + ".amazonaws.com.", List.of());
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().privateZones(emptySsm).build());

        assertThat(diagnosis.blocking()).extracting(Finding::code, Finding::service, Finding::resourceId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.DNS_ZONE_SHADOWS_SERVICE, SSM, "ZSSM"));
    }

    @Test
    void theMostSpecificZoneAnswersSoACentralZoneWinsOverABroaderShadow() {
        NetworkSnapshot vpc = isolatedSeedVpc().privateZones(Estates.regionalZoneWithoutRecords(),
                Estates.centralZone(SSM), Estates.centralZone(LOGS)).build();

        Diagnosis diagnosis = diagnoseSeedTask(vpc);

        assertThat(diagnosis.findings()).filteredOn(f -> f.service() == SSM || f.service() == LOGS)
                .extracting(Finding::code).containsOnly(FindingCode.SERVED_BY_CENTRAL_ENDPOINT).hasSize(2);
        assertThat(diagnosis.blocking()).extracting(Finding::service)
                .containsExactlyInAnyOrder(ECR_DKR, ECR_API, S3, SECRETSMANAGER);
    }

    @Test
    void theWayOutToAHubsEndpointIsTheSpokesOwnSoItsEgressAndAclAreChecked() {
        PrivateZones hub = new PrivateZones(Estates.centralZones(ECR_DKR, ECR_API, S3, LOGS, SSM, SECRETSMANAGER),
                Optional.empty());

        Diagnosis egress = diagnoseSeedTask(isolatedEmptyVpc().privateZones(hub)
                .taskEgress(Rules.tcp443FromCidr(Snapshots.VPC_CIDR)).build());
        Diagnosis acl = diagnoseSeedTask(isolatedEmptyVpc().privateZones(hub)
                .networkAcl(Estates.acl("acl-new", List.of(Snapshots.TASK_SUBNET))).build());

        assertThat(egress.blocking()).hasSize(6).allSatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.TASK_SG_EGRESS_BLOCKS_443);
            assertThat(f.explanation()).contains("to the central endpoint");
            assertThat(f.fix()).isEqualTo("aws ec2 authorize-security-group-egress --group-id " + Snapshots.TASK_SG
                    + " --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=HUB_VPC_CIDR}]'");
        });
        assertThat(acl.blocking()).extracting(Finding::code).containsOnly(FindingCode.NETWORK_ACL_BLOCKS_443).hasSize(6);
    }

    @Test
    void egressLimitedToPrivateRangesBeyondTheSpokeIsAWayToTheHub() {
        PrivateZones hub = new PrivateZones(Estates.centralZones(ECR_DKR, ECR_API, S3, LOGS, SSM, SECRETSMANAGER),
                Optional.empty());

        Diagnosis toTheHub = diagnoseSeedTask(isolatedEmptyVpc().privateZones(hub)
                .taskEgress(Rules.tcp443FromCidr("10.100.0.0/16")).build());
        Diagnosis toAPrefixList = diagnoseSeedTask(isolatedEmptyVpc().privateZones(hub)
                .taskEgress(Rules.tcp443ToPrefixList("pl-0hub")).build());

        assertThat(toTheHub.findings()).extracting(Finding::code).doesNotContain(FindingCode.TASK_SG_EGRESS_BLOCKS_443);
        assertThat(toAPrefixList.findings()).extracting(Finding::code)
                .doesNotContain(FindingCode.TASK_SG_EGRESS_BLOCKS_443);
    }

    @Test
    void aZoneForS3ThatAnswersOnlyEcrsLayerBucketShadowsTheBucketOfAnEnvironmentFile() {
        String s3 = "s3." + REGION + ".amazonaws.com";
        HostedZone layersOnly = new HostedZone("ZS3", s3, List.of(new HostedZone.Record(
                "prod-" + REGION + "-starport-layer-bucket." + s3, "A", "vpce-0hub-s3.s3." + REGION + ".vpce.amazonaws.com")));
        TaskNeeds needs = CheckedCore.needs(Tasks.definition(Tasks.container("app").image(Tasks.ECR_IMAGE)
                .environmentFile("arn:aws:s3:::app-config/prod.env")), Tasks.seedLaunch());

        Diagnosis diagnosis = CheckedCore.diagnose(needs, Snapshots.taskPlacement(),
                isolatedSeedVpc().privateZones(layersOnly).build());

        assertThat(diagnosis.blocking()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.DNS_ZONE_SHADOWS_SERVICE);
            assertThat(f.service()).isEqualTo(S3);
            assertThat(f.explanation()).contains("covers app-config." + s3 + " without a record for it");
        });
    }

    @Test
    void aZoneOfTheTeamsOwnDomainChangesNothing() {
        HostedZone corporate = new HostedZone("ZCORP", "corp.example", List.of(
                new HostedZone.Record("db.corp.example", "A", "10.0.9.9")));

        assertThat(diagnoseSeedTask(isolatedSeedVpc().privateZones(corporate).build()).findings()).isEmpty();
    }

    @Test
    void zonesThatCannotBeReadAreACheckForAPersonAndTheEndpointsAreStillChecked() {
        NetworkSnapshot vpc = isolatedSeedVpc().privateDnsOff(SECRETSMANAGER)
                .privateZones(PrivateZones.unreadable("route53:ListHostedZonesByVPC was denied")).build();

        Diagnosis diagnosis = diagnoseSeedTask(vpc);

        assertThat(diagnosis.unverified()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.DNS_ZONES_UNREADABLE);
            assertThat(f.explanation()).contains("route53:ListHostedZonesByVPC was denied");
            assertThat(f.fix()).contains("route53:ListHostedZonesByVPC");
        });
        assertThat(diagnosis.blocking()).extracting(Finding::code).containsExactly(FindingCode.PRIVATE_DNS_DISABLED);
    }
}
