package ecsvpce.core.needs;

import static ecsvpce.core.EndpointService.ECR_API;
import static ecsvpce.core.EndpointService.ECR_DKR;
import static ecsvpce.core.EndpointService.LOGS;
import static ecsvpce.core.EndpointService.S3;
import static ecsvpce.core.EndpointService.SECRETSMANAGER;
import static ecsvpce.core.EndpointService.SSM;
import static ecsvpce.core.EndpointService.SSMMESSAGES;
import static ecsvpce.core.fixtures.Snapshots.REGION;
import static ecsvpce.core.fixtures.Tasks.ECR_IMAGE;
import static ecsvpce.core.fixtures.Tasks.PARAMETER_ARN;
import static ecsvpce.core.fixtures.Tasks.SECRET_ARN;
import static ecsvpce.core.fixtures.Tasks.container;
import static ecsvpce.core.fixtures.Tasks.definition;
import static ecsvpce.core.fixtures.Tasks.launch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ecsvpce.core.EndpointService;
import ecsvpce.core.fixtures.CheckedCore;
import ecsvpce.core.fixtures.Tasks;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/startup-needs.md: what a Fargate task needs at start-up, and why. */
class NeedsAnalyzerTest {

    private static TaskNeeds needsOf(Tasks.Container container) {
        return CheckedCore.needs(definition(container), launch("1.4.0"));
    }

    private static TaskNeeds needsOf(Tasks.Container container, String platformVersion) {
        return CheckedCore.needs(definition(container), launch(platformVersion));
    }

    private static NeedReason onlyReason(TaskNeeds needs, EndpointService service) {
        Need need = needs.need(service).orElseThrow(() -> new AssertionError("no need for " + service + " in " + needs));
        assertThat(need.reasons()).hasSize(1);
        return need.reasons().get(0);
    }

    @Test
    void seedTaskNeedsExactlyTheSixEndpointsTheSeedCreates() {
        TaskNeeds needs = CheckedCore.needs(Tasks.seedDefinition(), Tasks.seedLaunch());

        assertThat(needs.services()).containsExactlyInAnyOrder(ECR_DKR, ECR_API, S3, LOGS, SSM, SECRETSMANAGER);
        assertThat(needs.unservable()).isEmpty();
        assertThat(needs.isEmpty()).isFalse();
    }

    @Nested
    class PrivateEcrImage {
        @ParameterizedTest(name = "PV {0} counts as 1.4.0 or later: ecr.api needed")
        @ValueSource(strings = {"1.4.0", "1.4", "LATEST", "latest", "1.5.0", "2.0.0", "2", "", "1.x", "unknown"})
        void ecrApiFromPlatformVersion140(String platformVersion) {
            TaskNeeds needs = needsOf(container("app").image(ECR_IMAGE), platformVersion);

            assertThat(needs.services()).containsExactlyInAnyOrder(ECR_DKR, ECR_API, S3);
        }

        @ParameterizedTest(name = "missing platform version counts as 1.4.0 or later")
        @NullSource
        void missingPlatformVersionCountsAsRecent(String platformVersion) {
            TaskNeeds needs = needsOf(container("app").image(ECR_IMAGE), platformVersion);

            assertThat(needs.services()).containsExactlyInAnyOrder(ECR_DKR, ECR_API, S3);
            assertThat(onlyReason(needs, ECR_API).note()).contains("1.4.0 or later");
        }

        @ParameterizedTest(name = "PV {0}: ecr.dkr and the S3 gateway, no ecr.api")
        @ValueSource(strings = {"1.3.0", "1.2.0", "1.1.0", "1.0.0"})
        void noEcrApiBeforePlatformVersion140(String platformVersion) {
            TaskNeeds needs = needsOf(container("app").image(ECR_IMAGE), platformVersion);

            assertThat(needs.services()).containsExactlyInAnyOrder(ECR_DKR, S3);
        }

        @Test
        void everyWindowsPlatformVersionCountsAsRecentByOperatingSystemFamily() {
            TaskDefinition windows = new TaskDefinition(Tasks.TASK_DEFINITION_ARN,
                    List.of(container("app").image(ECR_IMAGE).build()), "WINDOWS_SERVER_2019_CORE");

            TaskNeeds needs = CheckedCore.needs(windows, new TaskLaunch(REGION, "1.0.0", null, false, null));

            assertThat(needs.services()).containsExactlyInAnyOrder(ECR_DKR, ECR_API, S3);
        }

        @Test
        void everyWindowsPlatformVersionCountsAsRecentByPlatformFamily() {
            TaskNeeds needs = CheckedCore.needs(definition(container("app").image(ECR_IMAGE)),
                    new TaskLaunch(REGION, "1.0.0", "Windows Server 2022 Full", false, null));

            assertThat(needs.services()).containsExactlyInAnyOrder(ECR_DKR, ECR_API, S3);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app:latest",
                "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app",
                "123456789012.dkr.ecr-fips.ap-northeast-1.amazonaws.com/app:1.2",
                "123456789012.DKR.ECR.AP-NORTHEAST-1.AMAZONAWS.COM/app:1"})
        void privateEcrImageForms(String image) {
            TaskNeeds needs = needsOf(container("web").image(image));

            assertThat(needs.services()).containsExactlyInAnyOrder(ECR_DKR, ECR_API, S3);
            assertThat(needs.unservable()).isEmpty();
            NeedReason reason = onlyReason(needs, ECR_DKR);
            assertThat(reason.container()).isEqualTo("web");
            assertThat(reason.field()).isEqualTo("image");
            assertThat(reason.value()).isEqualTo(image);
            assertThat(onlyReason(needs, S3).field()).isEqualTo("image");
        }

        @Test
        void chinaEcrImageInAChinaRegion() {
            String image = "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:latest";

            TaskNeeds needs = CheckedCore.needs(definition(container("app").image(image)),
                    new TaskLaunch("cn-north-1", "1.4.0", "Linux", false, null));

            assertThat(needs.services()).containsExactlyInAnyOrder(ECR_DKR, ECR_API, S3);
            assertThat(needs.unservable()).isEmpty();
        }

        @Test
        void ecrImageInAnotherRegionIsUnservable() {
            TaskNeeds needs = needsOf(container("app").image(Tasks.ecrImage("us-east-1")));

            assertThat(needs.endpoints()).isEmpty();
            assertThat(needs.unservable()).singleElement().satisfies(u -> {
                assertThat(u.reason().container()).isEqualTo("app");
                assertThat(u.reason().field()).isEqualTo("image");
                assertThat(u.reason().note()).contains("us-east-1").contains("regional");
            });
        }

        @Test
        void chinaEcrImageFromAGlobalRegionIsUnservable() {
            TaskNeeds needs = needsOf(container("app").image("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1"));

            assertThat(needs.endpoints()).isEmpty();
            assertThat(needs.unservable()).hasSize(1);
        }

        @Test
        void reasonsOfSeveralContainersAreKeptPerService() {
            TaskNeeds needs = CheckedCore.needs(definition(container("app").image(ECR_IMAGE),
                    container("sidecar").image(Tasks.ecrImage(REGION).replace("app:", "envoy:"))), launch("1.4.0"));

            assertThat(needs.endpoints()).extracting(Need::service).containsExactly(ECR_DKR, ECR_API, S3);
            assertThat(needs.need(ECR_DKR).orElseThrow().reasons()).extracting(NeedReason::container)
                    .containsExactly("app", "sidecar");
        }
    }

    @Nested
    class OtherRegistries {
        @ParameterizedTest(name = "{0} is served by no endpoint")
        @ValueSource(strings = {"nginx:latest", "library/nginx:1.25", "docker.io/library/nginx",
                "public.ecr.aws/nginx/nginx:stable", "ghcr.io/acme/app:1.0", "quay.io/prometheus/node-exporter",
                "registry.example.com:5000/app:2", "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com.evil.example/app"})
        void imageOnAnotherRegistryIsUnservable(String image) {
            TaskNeeds needs = needsOf(container("app").image(image));

            assertThat(needs.endpoints()).as("no endpoint need for %s", image).isEmpty();
            assertThat(needs.unservable()).singleElement().satisfies(u -> {
                assertThat(u.reason().field()).isEqualTo("image");
                assertThat(u.reason().value()).isEqualTo(image);
                assertThat(u.reason().note()).contains("NAT");
            });
        }

        @ParameterizedTest(name = "{0} comes from {1}")
        @CsvSource({"nginx:latest, docker.io", "library/nginx:1.25, docker.io", "public.ecr.aws/nginx/nginx, public.ecr.aws",
                "registry:5000/app, registry:5000", "localhost/app:1, localhost", "localhost:5000/app, localhost:5000"})
        void theRegistryIsNamedByItsHostAndImagesWithoutOneComeFromDockerHub(String image, String registry) {
            assertThat(needsOf(container("app").image(image)).unservable().get(0).reason().note())
                    .startsWith("registry " + registry + " is outside AWS PrivateLink");
        }
    }

    @Nested
    class Logs {
        @Test
        void awslogsNeedsLogs() {
            TaskNeeds needs = needsOf(container("app").image("nginx").awslogs());

            NeedReason reason = onlyReason(needs, LOGS);
            assertThat(reason.container()).isEqualTo("app");
            assertThat(reason.field()).isEqualTo("logConfiguration.logDriver");
            assertThat(reason.value()).isEqualTo("awslogs");
            assertThat(reason.note()).isEqualTo("log stream created in CloudWatch Logs in " + REGION);
        }

        @Test
        void awslogsInAnotherRegionIsUnservable() {
            TaskNeeds needs = needsOf(container("app").image(ECR_IMAGE).awslogs("eu-west-1"));

            assertThat(needs.services()).doesNotContain(LOGS);
            assertThat(needs.unservable()).singleElement()
                    .satisfies(u -> assertThat(u.reason().note()).contains("eu-west-1"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"awsfirelens", "splunk", "fluentd"})
        void otherLogDriversNeedNoLogsEndpoint(String driver) {
            TaskNeeds needs = needsOf(container("app").image(ECR_IMAGE).logDriver(driver));

            assertThat(needs.services()).containsExactlyInAnyOrder(ECR_DKR, ECR_API, S3);
        }

        @Test
        void secretOptionsFromSecretsManagerNeedSecretsmanager() {
            TaskNeeds needs = needsOf(container("app").image(ECR_IMAGE).logDriver("splunk")
                    .secretOption("splunk-token", SECRET_ARN));

            NeedReason reason = onlyReason(needs, SECRETSMANAGER);
            assertThat(reason.field()).isEqualTo("logConfiguration.secretOptions[splunk-token].valueFrom");
            assertThat(reason.value()).isEqualTo(SECRET_ARN);
        }

        @Test
        void secretOptionsFromParameterStoreNeedSsm() {
            TaskNeeds needs = needsOf(container("app").image(ECR_IMAGE).logDriver("splunk")
                    .secretOption("splunk-token", "/logging/splunk-token"));

            assertThat(onlyReason(needs, SSM).field()).isEqualTo("logConfiguration.secretOptions[splunk-token].valueFrom");
            assertThat(needs.services()).doesNotContain(SECRETSMANAGER, LOGS);
        }
    }

    @Nested
    class Secrets {
        @Test
        void secretsManagerArnNeedsSecretsmanager() {
            TaskNeeds needs = needsOf(container("app").image(ECR_IMAGE).secret("DB_PASSWORD", SECRET_ARN));

            NeedReason reason = onlyReason(needs, SECRETSMANAGER);
            assertThat(reason.container()).isEqualTo("app");
            assertThat(reason.field()).isEqualTo("secrets[DB_PASSWORD].valueFrom");
            assertThat(reason.value()).isEqualTo(SECRET_ARN);
            assertThat(reason.note()).isEqualTo("Secrets Manager secret read at start-up");
            assertThat(needs.services()).doesNotContain(SSM);
        }

        @Test
        void secretsManagerArnWithJsonKeyNeedsSecretsmanager() {
            String valueFrom = SECRET_ARN + ":password::";

            TaskNeeds needs = needsOf(container("app").image(ECR_IMAGE).secret("DB_PASSWORD", valueFrom));

            assertThat(onlyReason(needs, SECRETSMANAGER).value()).isEqualTo(valueFrom);
        }

        @ParameterizedTest(name = "{0} is a Parameter Store parameter")
        @ValueSource(strings = {PARAMETER_ARN, "/prod/api-key", "prod-api-key",
                "arn:aws:ssm:ap-northeast-1:210987654321:parameter/shared/api-key"})
        void parameterStoreArnOrBareNameNeedsSsm(String valueFrom) {
            TaskNeeds needs = needsOf(container("app").image(ECR_IMAGE).secret("API_KEY", valueFrom));

            NeedReason reason = onlyReason(needs, SSM);
            assertThat(reason.field()).isEqualTo("secrets[API_KEY].valueFrom");
            assertThat(reason.value()).isEqualTo(valueFrom);
            assertThat(reason.note()).startsWith("Parameter Store parameter");
            assertThat(needs.services()).doesNotContain(SECRETSMANAGER);
        }

        @Test
        void anArnOfAnotherServiceIsNoSecretEcsCanRead() {
            TaskNeeds needs = needsOf(container("app").image(ECR_IMAGE).secret("X", "arn:aws:s3:::team-bucket/secret.txt"));

            assertThat(needs.services()).doesNotContain(SSM, SECRETSMANAGER);
            assertThat(needs.unservable()).singleElement().satisfies(u -> assertThat(u.reason().note())
                    .isEqualTo("ECS reads secrets only from Secrets Manager or Parameter Store"));
        }

        @ParameterizedTest(name = "{0} lives in another region")
        @ValueSource(strings = {"arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
                "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/api-key"})
        void secretOrParameterInAnotherRegionIsUnservable(String valueFrom) {
            TaskNeeds needs = needsOf(container("app").image(ECR_IMAGE).secret("X", valueFrom));

            assertThat(needs.services()).doesNotContain(SSM, SECRETSMANAGER);
            assertThat(needs.unservable()).singleElement().satisfies(u -> {
                assertThat(u.reason().field()).isEqualTo("secrets[X].valueFrom");
                assertThat(u.reason().note()).contains("regional");
            });
        }

        @Test
        void repositoryCredentialsNeedSecretsmanagerAndTheRegistryStaysUnservable() {
            TaskNeeds needs = needsOf(container("app").image("registry.example.com/team/app:3")
                    .repositoryCredentials(SECRET_ARN));

            NeedReason reason = onlyReason(needs, SECRETSMANAGER);
            assertThat(reason.field()).isEqualTo("repositoryCredentials.credentialsParameter");
            assertThat(reason.value()).isEqualTo(SECRET_ARN);
            assertThat(needs.unservable()).singleElement()
                    .satisfies(u -> assertThat(u.reason().value()).isEqualTo("registry.example.com/team/app:3"));
        }

        @Test
        void repositoryCredentialsByNameNeedSecretsmanager() {
            TaskNeeds needs = needsOf(container("app").image("ghcr.io/acme/app").repositoryCredentials("ghcr-credentials"));

            assertThat(needs.services()).containsExactly(SECRETSMANAGER);
        }

        @Test
        void repositoryCredentialsInAnotherRegionAreUnservable() {
            TaskNeeds needs = needsOf(container("app").image("ghcr.io/acme/app")
                    .repositoryCredentials("arn:aws:secretsmanager:us-west-2:123456789012:secret:ghcr-AbCdEf"));

            assertThat(needs.endpoints()).isEmpty();
            assertThat(needs.unservable()).hasSize(2);
        }
    }

    @Test
    void environmentFilesNeedTheS3Gateway() {
        TaskNeeds needs = needsOf(container("app").image("nginx").environmentFile("arn:aws:s3:::acme-config/app.env"));

        NeedReason reason = onlyReason(needs, S3);
        assertThat(reason.field()).isEqualTo("environmentFiles");
        assertThat(reason.value()).isEqualTo("arn:aws:s3:::acme-config/app.env");
        assertThat(needs.services()).containsExactly(S3);
    }

    @Test
    void ecsExecNeedsSsmmessages() {
        TaskNeeds needs = CheckedCore.needs(definition(container("app").image(ECR_IMAGE)),
                new TaskLaunch(REGION, "1.4.0", "Linux", true, null));

        NeedReason reason = onlyReason(needs, SSMMESSAGES);
        assertThat(reason.field()).isEqualTo("enableExecuteCommand");
        assertThat(needs.services()).containsExactlyInAnyOrder(ECR_DKR, ECR_API, S3, SSMMESSAGES);
    }

    @Test
    void withoutEcsExecNoSsmmessages() {
        assertThat(needsOf(container("app").image(ECR_IMAGE)).services()).doesNotContain(SSMMESSAGES);
    }

    @Test
    void aTaskThatNeedsNothing() {
        TaskNeeds needs = CheckedCore.needs(definition(container("app")), launch("1.4.0"));

        assertThat(needs.isEmpty()).isTrue();
        assertThat(needs.services()).isEmpty();
    }

    @Test
    void needsAreListedInServiceOrderWhateverTheFieldOrder() {
        TaskNeeds needs = needsOf(container("app").secret("B", SECRET_ARN).secret("A", "/a").awslogs().image(ECR_IMAGE)
                .environmentFile("arn:aws:s3:::b/x.env"));

        assertThat(needs.endpoints()).extracting(Need::service)
                .containsExactly(ECR_DKR, ECR_API, S3, LOGS, SSM, SECRETSMANAGER);
        assertThat(needs.need(S3).orElseThrow().reasons()).extracting(NeedReason::field)
                .containsExactly("image", "environmentFiles");
    }

    @Test
    void aLaunchNeedsItsRegion() {
        assertThatThrownBy(() -> new TaskLaunch(" ", "1.4.0", "Linux", false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
