package ecsvpce.core.estates;

import static ecsvpce.core.EndpointService.ECR_DKR;
import static ecsvpce.core.EndpointService.S3;
import static ecsvpce.core.EndpointService.SECRETSMANAGER;
import static ecsvpce.core.EndpointService.SSM;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.CheckedCore.plan;
import static ecsvpce.core.fixtures.Estates.allowEverything;
import static ecsvpce.core.fixtures.Estates.policy;
import static ecsvpce.core.fixtures.Estates.statement;
import static ecsvpce.core.fixtures.Snapshots.REGION;
import static ecsvpce.core.fixtures.Snapshots.endpointId;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.diagnosis.Severity;
import ecsvpce.core.fixtures.Tasks;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.policy.EndpointPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/real-estates.md#endpoint-policies-that-deny-start-up: named, with the statement to add; never edited. */
class EndpointPoliciesTest {

    @Test
    void anS3GatewayPolicyWithoutEcrsLayerBucketKeepsImagesFromBeingPulled() {
        NetworkSnapshot vpc = isolatedSeedVpc().endpoint(S3, e -> e.policy(policy(statement("statement 'TeamBuckets'",
                true, List.of("s3:*"), List.of("arn:aws:s3:::team-*", "arn:aws:s3:::team-*/*"))))).build();

        Diagnosis diagnosis = diagnoseSeedTask(vpc);

        assertThat(diagnosis.blocking()).extracting(Finding::code, Finding::service, Finding::resourceId)
                .containsExactly(tuple(FindingCode.ENDPOINT_POLICY_DENIES, S3, endpointId(S3)));
        Finding denied = diagnosis.blocking().get(0);
        assertThat(denied.explanation()).contains("no statement allows s3:GetObject on arn:aws:s3:::prod-" + REGION
                + "-starport-layer-bucket/*");
        assertThat(denied.fix()).isEqualTo("add to the policy's Statement list: {\"Effect\": \"Allow\", \"Principal\": "
                + "\"*\", \"Action\": [\"s3:GetObject\"], \"Resource\": [\"arn:aws:s3:::prod-" + REGION
                + "-starport-layer-bucket/*\"]}");
        assertThat(plan(vpc, diagnosis).actions()).as("a policy is never edited").isEmpty();
    }

    @Test
    void anInterfacePolicyThatDeniesTheSecretIsNamedByItsStatement() {
        NetworkSnapshot vpc = isolatedSeedVpc().endpoint(SECRETSMANAGER, e -> e.policy(policy(allowEverything("all"),
                statement("statement 'NoProdSecrets'", false, List.of("secretsmanager:GetSecretValue"),
                        List.of("arn:aws:secretsmanager:*:*:secret:prod/*"))))).build();

        Diagnosis diagnosis = diagnoseSeedTask(vpc);

        assertThat(diagnosis.blocking()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.ENDPOINT_POLICY_DENIES);
            assertThat(f.explanation()).contains("statement 'NoProdSecrets' denies secretsmanager:GetSecretValue on "
                    + Tasks.SECRET_ARN);
            assertThat(f.fix()).as("an allow cannot beat an explicit deny").startsWith("narrow or remove statement "
                    + "'NoProdSecrets': aws ec2 describe-vpc-endpoints").doesNotContain("add to the policy");
        });
    }

    @Test
    void aConditionTheProductCannotEvaluateIsACheckForAPersonNotABlock() {
        EndpointPolicy orgOnly = policy(new EndpointPolicy.Statement("statement 'OrgOnly'", true, true, List.of("*"),
                List.of(), List.of("*"), List.of(), true));
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpoint(SECRETSMANAGER, e -> e.policy(orgOnly))
                .build());

        assertThat(diagnosis.blocking()).isEmpty();
        assertThat(diagnosis.unverified()).extracting(Finding::code, Finding::severity, Finding::resourceId)
                .containsExactly(tuple(FindingCode.ENDPOINT_POLICY_MAY_DENY, Severity.UNVERIFIED,
                        endpointId(SECRETSMANAGER)));
        assertThat(diagnosis.unverified().get(0).fix()).contains("statement 'OrgOnly'")
                .contains("--vpc-endpoint-ids " + endpointId(SECRETSMANAGER));
    }

    @Test
    void aPolicyThatDoesNotParseIsNeverTakenForAnAllow() {
        Diagnosis diagnosis = diagnoseSeedTask(isolatedSeedVpc().endpoint(SECRETSMANAGER,
                e -> e.policy(EndpointPolicy.unreadable("Unexpected end-of-input"))).build());

        assertThat(diagnosis.unverified()).singleElement().satisfies(f ->
                assertThat(f.explanation()).contains("could not be read").contains("Unexpected end-of-input"));
    }

    @Test
    void anEcrPolicyForOtherRepositoriesNamesTheRepositoryOfTheTasksImage() {
        NetworkSnapshot vpc = isolatedSeedVpc().endpoint(ECR_DKR, e -> e.policy(policy(statement("statement 'Base'",
                true, List.of("ecr:*"), List.of("arn:aws:ecr:" + REGION + ":" + Tasks.ACCOUNT + ":repository/base-*")))))
                .build();

        assertThat(diagnoseSeedTask(vpc).blocking()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.ENDPOINT_POLICY_DENIES);
            assertThat(f.fix()).isEqualTo("add to the policy's Statement list: {\"Effect\": \"Allow\", \"Principal\": "
                    + "\"*\", \"Action\": [\"ecr:BatchGetImage\", \"ecr:GetDownloadUrlForLayer\"], \"Resource\": "
                    + "[\"arn:aws:ecr:" + REGION + ":" + Tasks.ACCOUNT + ":repository/app\"]}");
        });
    }

    @Test
    void aParameterStorePolicyForOtherParametersNamesTheTasksParameter() {
        NetworkSnapshot vpc = isolatedSeedVpc().endpoint(SSM, e -> e.policy(policy(statement("statement 'Shared'",
                true, List.of("ssm:GetParameters"), List.of("arn:aws:ssm:*:*:parameter/shared/*"))))).build();

        assertThat(diagnoseSeedTask(vpc).blocking()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.ENDPOINT_POLICY_DENIES);
            assertThat(f.fix()).endsWith("\"Action\": [\"ssm:GetParameters\"], \"Resource\": [\"" + Tasks.PARAMETER_ARN
                    + "\"]}");
        });
    }
}
