package ecsvpce.core.failure;

import static ecsvpce.core.EndpointService.ECR_API;
import static ecsvpce.core.EndpointService.ECR_DKR;
import static ecsvpce.core.EndpointService.LOGS;
import static ecsvpce.core.EndpointService.S3;
import static ecsvpce.core.EndpointService.SECRETSMANAGER;
import static ecsvpce.core.EndpointService.SSM;
import static ecsvpce.core.failure.FailureClass.MISSING_RESOURCE;
import static ecsvpce.core.failure.FailureClass.NETWORK;
import static ecsvpce.core.failure.FailureClass.NETWORK_OUTSIDE_AWS;
import static ecsvpce.core.failure.FailureClass.NOT_NETWORK;
import static ecsvpce.core.failure.FailureClass.PERMISSION;
import static ecsvpce.core.failure.FailureClass.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.EndpointService;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stop reasons as people reported them in public (account ids replaced by 123456789012, hosts and
 * addresses kept, truncations kept): each with the class, the service and the dialled address the
 * classifier must read from it. The comment above each row names its source.
 */
class StopReasonClassifierFieldTest {
    private static final String NONE = null;

    static Stream<Arguments> fieldReasons() {
        return Stream.of(
                // --- registries outside AWS: network, but no endpoint serves them ---
                // https://github.com/aws/amazon-ecs-agent/issues/1128
                row(NETWORK_OUTSIDE_AWS, null, NONE, "CannotPullContainerError: API error (500): Get "
                        + "https://registry-1.docker.io/v2/: net/http: request canceled while waiting for connection "
                        + "(Client.Timeout exceeded while awaiting headers)"),
                // https://github.com/aws/amazon-ecs-agent/issues/2061
                row(NETWORK_OUTSIDE_AWS, null, NONE, "CannotPullContainerError: Error response from daemon: Get "
                        + "https://registry-1.docker.io/v2/: net/http: request canceled while waiting for connection "
                        + "(Client.Timeout exceeded while awaiting headers)"),
                // https://github.com/deepfence/terraform-aws-cloud-scanner/issues/13
                row(NETWORK_OUTSIDE_AWS, null, "3.210.148.47", "CannotPullContainerError: pull image manifest has been "
                        + "retried 5 time(s): failed to resolve ref quay.io/deepfenceio/cloud-scanner:latest: failed to "
                        + "do request: Head \"https://quay.io/v2/deepfenceio/cloud-scanner/manifests/latest\": dial tcp "
                        + "3.210.148.47:443: i/o timeout"),
                // https://github.com/ActionIQ/terraform-aws-retool-ecs-fargate/issues/20
                row(NETWORK_OUTSIDE_AWS, null, "34.205.13.154", "CannotPullContainerError: pull image manifest has been "
                        + "retried 5 time(s): failed to resolve ref docker.io/tryretool/backend:2.110.5: failed to do "
                        + "request: Head \"https://registry-1.docker.io/v2/tryretool/backend/manifests/2.110.5\": dial tcp "
                        + "34.205.13.154:443: i/o timeout"),
                // https://zenn.dev/secondselection ("DockerアプリをGitHub Actions × AWS Fargateで自動デプロイしてみた", 2026-05-11)
                row(NETWORK_OUTSIDE_AWS, null, "75.2.101.78", "CannotPullContainerError: pull image manifest has been "
                        + "retried 7 time(s): failed to resolve ref public.ecr.aws/nginx/nginx:latest: failed to do "
                        + "request: Head \"https://public.ecr.aws/v2/nginx/nginx/manifests/latest\": dial tcp "
                        + "75.2.101.78:443: i/o timeout"),

                // --- AWS services an endpoint serves ---
                // https://github.com/aws/amazon-ecs-agent/issues/1128
                row(NETWORK, ECR_DKR, NONE, "CannotPullContainerError: API error (500): Get "
                        + "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/: net/http: request canceled while "
                        + "waiting for connection (Client.Timeout exceeded while awaiting headers)"),
                // https://github.com/PhanCuong91/SpendSense/blob/551d2a69a88f798711d7866c27a39541996e1658/deploy_1/Readme.md (7.)
                row(NETWORK, S3, "3.5.149.131", "CannotPullContainerError: The task cannot pull "
                        + "123456789012.dkr.ecr.ap-southeast-1.amazonaws.com/spend_sense:1.0.4@sha256:88e87b4d1cc2ffaf5cf4b66"
                        + "88cccc0d80f16e88e965468d68b917b27433cadb6 from the registry 123456789012.dkr.ecr.ap-southeast-1."
                        + "amazonaws.com/spend_sense:1.0.4@sha256:88e87b4d1cc2ffaf5cf4b6688cccc0d80f16e88e965468d68b917b2"
                        + "7433cadb6. There is a connection issue between the task and the registry. Check your task "
                        + "network configuration. : failed to copy: httpReadSeeker: failed open: failed to do request: "
                        + "Get 123456789012.dkr.ecr.ap-southeast-1.amazonaws.com/spend_sense:1.0.4@sha256:88e87b4d1cc2ffaf"
                        + "5cf4b6688cccc0d80f16e88e965468d68b917b27433cadb6: dial tcp 3.5.149.131:443: i/o timeout"),
                // https://qiita.com/hahait/items/b14a0334294b189d7665 (the address is S3's: s3-ap-northeast-1-r-w.amazonaws.com)
                row(NETWORK, S3, "52.219.172.118", "CannotPullContainerError: The task cannot pull "
                        + "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/test:NviE_Ss@sha256:6ecf45eff21e095ad8d60b72"
                        + "4a6bbcax9df49da3b39fe80237ad7d688723c8706c3c from the registry 123456789012.dkr.ecr.ap-northeast"
                        + "-1.amazonaws.com/test:NviE_Ss@sha256:6ecf45eff21e095ad8d60b724a6bbcax9df49da3b39fe80237ad7d6887"
                        + "23c8706c3c. There is a connection issue between the task and the registry. Check your task "
                        + "network configuration. : failed to copy: httpReadSeeker: failed open: failed to do request: Get "
                        + "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/test:NviE_Ss@sha256:6ecf45eff21e095ad8d60b72"
                        + "4a6bbcax9df49da3b39fe80237ad7d688723c8706c3c: dial tcp 52.219.172.118:443: i/o timeout"),
                // https://github.com/aws/aws-cli/issues/6470
                row(NETWORK, S3, NONE, "ResourceInitializationError: failed to download env files: file download "
                        + "command: non empty error stream: RequestCanceled: request context canceled caused by: context "
                        + "deadline exceeded"),
                // https://github.com/aws/aws-cdk/issues/12720
                row(NETWORK, S3, NONE, "ResourceInitializationError: failed to download env files: file download "
                        + "command: non-empty error stream: RequestCanceled: request context cancelled caused by: "
                        + "context deadline exceeded"),
                // https://github.com/Releem/releem-agent/issues/195
                row(NETWORK, SECRETSMANAGER, NONE, "ResourceInitializationError: unable to pull secrets or registry "
                        + "auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has "
                        + "been retried 5 time(s): failed to fetch secret arn:aws:secretsmanager:us-west-2:*:secret:"
                        + "DBPasswordSecret-* from secrets manager: RequestCanceled: request context canceled caused by: "
                        + "context deadline exceeded. Please check your task network configuration."),
                // https://github.com/PhanCuong91/SpendSense/blob/551d2a69a88f798711d7866c27a39541996e1658/deploy_1/Readme.md (1.)
                row(NETWORK, SECRETSMANAGER, NONE, "ResourceInitializationError: unable to pull secrets or registry "
                        + "auth: unable to retrieve secret from asm: There is a connection issue between the task and AWS "
                        + "Secrets Manager. Check your task network configuration. failed to fetch secret "
                        + "arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:spendsense_gmail_credentials_json-"
                        + "ydLG7Q from secrets manager: operation error Secrets Manager: GetSecretValue, https response "
                        + "error StatusCode: 0, RequestID: , canceled, context deadline exceeded"),
                // https://github.com/hashicorp/terraform-provider-aws/issues/33044
                row(NETWORK, SSM, NONE, "ResourceInitializationError: unable to pull secrets or registry auth: "
                        + "execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been "
                        + "retried 5 time(s): RequestCanceled: request context canceled caused by: context deadline "
                        + "exceeded. Please check your task network configuration."),
                // https://github.com/aws-samples/serverless-jenkins-on-aws-fargate/issues/7
                row(NETWORK, SSM, NONE, "ResourceInitializationError: unable to pull secrets or registry auth: "
                        + "execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been "
                        + "retried 5 time(s): RequestCanceled: request context canceled caused by: context deadli..."),
                // https://github.com/PhanCuong91/SpendSense/blob/551d2a69a88f798711d7866c27a39541996e1658/deploy_1/Readme.md (2.)
                row(NETWORK, ECR_API, "13.251.117.186", "ResourceInitializationError: unable to pull secrets or "
                        + "registry auth: The task cannot pull registry auth from Amazon ECR: There is a connection issue "
                        + "between the task and Amazon ECR. Check your task network configuration. operation error ECR: "
                        + "GetAuthorizationToken, exceeded maximum number of attempts, 3, https response error StatusCode: "
                        + "0, RequestID: , request send failed, Post \"https://api.ecr.ap-southeast-1.amazonaws.com/\": dial "
                        + "tcp 13.251.117.186:443: i/o timeout"),
                // https://github.com/globaldothealth/list/issues/2662 (platform 1.4.0)
                row(NETWORK, ECR_API, NONE, "ResourceInitializationError: unable to pull secrets or registry auth: "
                        + "execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been "
                        + "retried 3 time(s)"),
                // https://github.com/aws/amazon-ecs-agent/blob/master/agent/api/errormessages/error_messages_test.go
                row(NETWORK, ECR_API, NONE, "The task can’t pull the image. Check your network configuration. "
                        + "RequestError: send request failed\ncaused by: Post \"https://api.ecr.us-east-1.amazonaws.com/\": "
                        + "net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting "
                        + "headers)"),
                // https://github.com/seqeralabs/nf-tower/issues/305 (logging driver under a runtime prefix; a private address)
                row(NETWORK, LOGS, "10.20.10.16", "CannotStartContainerError: Error response from daemon: failed to "
                        + "initialize logging driver: failed to create Cloudwatch log stream: RequestError: send request "
                        + "failed\ncaused by: Post https://logs.us-east-2.amazonaws.com/: dial tcp 10.20.10.16:443: i/o time"),
                // https://github.com/civiform/civiform/issues/7648
                row(NETWORK, LOGS, NONE, "ResourceInitializationError: failed to validate logger args: The task cannot "
                        + "find the Amazon CloudWatch log group defined in the task definition. There is a connection issue "
                        + "between the task and Amazon CloudWatch. Check your network configuration. : signal: killed"),

                // --- permission ---
                // https://github.com/GiamPy5/terraform-aws-directus/issues/10 (KMS inside Secrets Manager, after a retry count)
                row(PERMISSION, SECRETSMANAGER, NONE, "ResourceInitializationError: unable to pull secrets or registry "
                        + "auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has "
                        + "been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:eu-central-1:123456789012:"
                        + "secret:algo-dev-directus-secret20240626183203358800000004-EaPYTy from secrets manager: "
                        + "AccessDeniedException: Access to KMS is not allowed status code: 400, request id: "
                        + "a87a66d9-f839-4353-b8c2-9984b1465695"),
                // https://github.com/aws/copilot-cli/issues/3104
                row(PERMISSION, SSM, NONE, "ResourceInitializationError: unable to pull secrets or registry auth: "
                        + "execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been "
                        + "retried 1 time(s): AccessDeniedException: User: ...."),
                // https://github.com/doctorray117/minecraft-ondemand/issues/12
                row(PERMISSION, LOGS, NONE, "ResourceInitializationError: failed to validate logger args: create "
                        + "stream has been retried 1 times: failed to create Cloudwatch log stream: AccessDeniedException: "
                        + "User: arn:aws:sts::123456789012:assumed-role/ecs.task.minecraft-server/123456a999ee4b919..."),
                // https://github.com/aws/aws-cdk/issues/14457
                row(PERMISSION, null, NONE, "CannotPullContainerError: inspect image has been retried 1 time(s): failed "
                        + "to resolve ref \"xxxxx.xxx\": unexpected status code [manifests 6981141]: 403 Forbidden"),
                // https://github.com/aws/aws-cdk/issues/12720
                row(PERMISSION, S3, NONE, "ResourceInitializationError: failed to download env files: file download "
                        + "command: non-empty error stream: failed to download file 1.env: failed to write to a temporary "
                        + "file: AccessDenied: Access Denied"),
                // https://github.com/aws/amazon-ecs-agent/blob/master/agent/api/errormessages/error_messages_test.go
                row(PERMISSION, ECR_DKR, NONE, "The task can’t pull the image. Check that the role has the permissions to "
                        + "pull images from the registry. Error response from daemon: pull access denied for "
                        + "123456789012.dkr.ecr.us-east-1.amazonaws.com/my_image, repository does not exist or may require "
                        + "'docker login': denied: User: arn:aws:sts::123456789012:assumed-role/MyBrokenRole/xyz is not "
                        + "authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:123456789012:"
                        + "repository/test_image because no identity-based policy allows the ecr:BatchGetImage action"),
                // https://github.com/aws/amazon-ecs-agent/blob/master/agent/api/errormessages/error_messages_test.go
                row(PERMISSION, null, NONE, "API error (500): Get https://registry-1.docker.io/v2/library/amazonlinux/"
                        + "manifests/1: unauthorized: incorrect username or password"),

                // --- missing resource or configuration ---
                // https://github.com/PhanCuong91/SpendSense/blob/551d2a69a88f798711d7866c27a39541996e1658/deploy_1/Readme.md (4.)
                row(MISSING_RESOURCE, ECR_DKR, NONE, "CannotPullContainerError: pull image manifest has been retried 7 "
                        + "time(s): failed to resolve ref 123456789012.dkr.ecr.ap-southeast-1.amazonaws.com/spendsense-app:"
                        + "latest: 123456789012.dkr.ecr.ap-southeast-1.amazonaws.com/spendsense-app:latest: not found"),
                // https://github.com/RafalWilinski/deploy-with-serverless/issues/11
                row(MISSING_RESOURCE, null, NONE, "CannotPullContainerError: API error (404): repository "
                        + "serverless-batch not found: does not exist or no pull access"),
                // https://github.com/aws/amazon-ecs-agent/issues/422
                row(MISSING_RESOURCE, null, NONE, "CannotPullContainerError: Tag latest not found in repository "
                        + "docker.io/library/owncloud"),
                // https://github.com/aws/amazon-ecs-agent/issues/337
                row(MISSING_RESOURCE, null, NONE, "CannotPullContainerError: Error: image "
                        + "deathstar:9ce7d67bf402b337a75c8acf49c11881be2f16bd not found"),
                // https://github.com/aws/amazon-ecs-agent/blob/master/agent/api/errormessages/error_messages_test.go
                row(MISSING_RESOURCE, null, NONE, "The task can’t pull the image. Check whether the image exists. Error "
                        + "response from daemon: pull access denied for some/nonsense, repository does not exist or may "
                        + "require 'docker login': denied: requested access to the resource is denied"),
                // https://github.com/cn-terraform/terraform-aws-nexus/issues/35 (runtime prefix, but the log group is missing)
                row(MISSING_RESOURCE, LOGS, NONE, "CannotStartContainerError: Error response from daemon: failed to "
                        + "initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: "
                        + "The specified log group does not exist"),
                // https://github.com/cn-terraform/terraform-aws-ecs-fargate-task-definition/issues/1
                row(MISSING_RESOURCE, LOGS, NONE, "CannotStartContainerError: Error response from daemon: failed to "
                        + "initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: "
                        + "The specified log group does not exist. status code: 400, request id: 7463029c-9f12-4e3f-b914-f"),
                // https://github.com/airbnb/ottr/issues/7
                row(MISSING_RESOURCE, LOGS, NONE, "ResourceInitializationError: failed to validate logger args: create "
                        + "stream has been retried 1 times: failed to create Cloudwatch log stream: "
                        + "ResourceNotFoundException: The specified log group does not exist. : exit status "),
                // https://github.com/TechToSpeech/terraform-aws-serverless-static-wordpress/issues/74 (awslogs-region set to a URL)
                row(MISSING_RESOURCE, LOGS, NONE, "ResourceInitializationError: failed to validate logger args: create "
                        + "stream has been retried 1 times: failed to create Cloudwatch log stream: MissingEndpoint: "
                        + "'Endpoint' configuration is required for t"),

                // --- not the network: throttles, disks, platforms, unpacking, a registry that answered ---
                // https://repost.aws/knowledge-center/ecs-pull-container-error-rate-limit
                row(NOT_NETWORK, null, NONE, "CannotPullContainerError: inspect image has been retried 5 time(s): "
                        + "httpReaderSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/manifests/"
                        + "sha256:2bb501e6429 Too Many Requests - Server message: toomanyrequests: You have reached your "
                        + "pull rate limit. You may increase the limit by authenticating and upgrading: "
                        + "https://www.docker.com/increase-rate-limit"),
                // https://github.com/aws/amazon-ecs-agent/issues/498
                row(NOT_NETWORK, null, NONE, "CannotPullECRContainerError: ThrottlingException: Rate exceeded\n\tstatus "
                        + "code: 400, request id: 75567eb3-6abb-11e6-9d4c-cb4ccd1cee97"),
                // https://github.com/docker/for-linux/issues/1508 (the awslogs driver throttled by a Logs quota)
                row(NOT_NETWORK, null, NONE, "Cannot start service rms-core: failed to create task for container: failed "
                        + "to initialize logging driver: failed to create Cloudwatch log stream: operation error CloudWatch "
                        + "Logs: CreateLogStream, exceeded maximum number of attempts, 3, https response error StatusCode: "
                        + "400, RequestID: f9a0216c-0e95-437c-bd18-cd231f0ed054, api error ThrottlingException: Rate "
                        + "exceeded"),
                // https://github.com/PhanCuong91/SpendSense/blob/551d2a69a88f798711d7866c27a39541996e1658/deploy_1/Readme.md (5.)
                row(NOT_NETWORK, null, NONE, "CannotPullContainerError: pull image manifest has been retried 7 time(s): "
                        + "image Manifest does not contain descriptor matching platform 'linux/amd64'"),
                // https://github.com/anomalyco/sst/pull/3542
                row(NOT_NETWORK, null, NONE, "CannotPullContainerError: ref pull has been retried 1 time(s): failed to "
                        + "extract layer sha256:7c524a8642865c29df8d3973cefe8430653ba7fea85bd386e24e522601c30227: write "
                        + "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/86/fs/home/notebook-user/"
                        + ".local/lib/python3.10/site-packages/numpy/linalg/__pycache__/linalg.cpython-310.pyc: no space "
                        + "left on device: unknown"),
                // https://github.com/aws/amazon-ecs-agent/issues/1434
                row(NOT_NETWORK, null, NONE, "CannotPullContainerError: failed to register layer: Error processing tar "
                        + "file(exit status 1): write /tmp/my_large_file: no space left on device"),
                // https://github.com/awsdocs/amazon-ecs-developer-guide/pull/42
                row(NOT_NETWORK, null, NONE, "CannotPullContainerError: write /var/lib/docker/tmp/GetImageBlob111111111: "
                        + "no space left on device"),
                // https://github.com/aws/amazon-ecs-agent/issues/932
                row(NOT_NETWORK, null, NONE, "CannotPullContainerError: failed to register layer: ApplyLayer exit status "
                        + "1 stdout: stderr:"),
                // https://github.com/aws/containers-roadmap/issues/1133
                row(NOT_NETWORK, null, NONE, "CannotPullContainerError: containerd: pull command failed: "
                        + "time=\"2021-08-20T13:58:49Z\" level=info msg=\"apply failure, attempting cleanup\" "
                        + "error=\"failed to extract layer sha256:e246d4b4c5f108af0f72da900f45ae9a37e1d184d8d605ab4117293b"
                        + "6990b7b8: write /var..."),
                // https://github.com/aws/aws-for-fluent-bit/issues/194 (status truncated, but Docker Hub answered)
                row(NOT_NETWORK, null, NONE, "CannotPullContainerError: inspect image has been retried 5 time(s): "
                        + "httpReaderSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/amazon/"
                        + "aws-for-fluent-bit/manifests/sha256:3b4efc1832605c5449308a726941410c28ded459110b31eeff5d001..."),
                // https://github.com/aws/aws-xray-daemon/issues/146
                row(NOT_NETWORK, null, NONE, "CannotPullContainerError: ref pull has been retried 1 time(s): failed to "
                        + "copy: httpReaderSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/"
                        + "amazon/aws-xray-daemon/manifests/sha256:2d964e1dbe7a8c9f03f4e9580ff00220bc84ce0294539c6..."),

                // --- too little to go on: every need is checked ---
                // https://github.com/aws/amazon-ecs-agent/issues/3035
                row(UNKNOWN, null, NONE, "CannotPullContainerError: inspect image has been retried 5 time(s): "),
                // https://github.com/aws/copilot-cli/issues/2095
                row(UNKNOWN, SSM, NONE, "ResourceInitializationError: unable to pull secrets or registry auth: "
                        + "execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been "
                        + "retried 1 time..."),
                // https://github.com/aws/amazon-ecs-agent/issues/719 (Docker Hub was down; no host named)
                row(UNKNOWN, null, NONE, "CannotPullContainerError: Could not reach any registry endpoint"),
                // https://7thzero.com/blog/limiting-outbound-egress-traffic-while-using-aws-fargate-and-ecr
                row(UNKNOWN, null, NONE, "CannotPullContainerError: context canceled"),
                // https://7thzero.com/blog/limiting-outbound-egress-traffic-while-using-aws-fargate-and-ecr
                row(UNKNOWN, null, NONE, "DockerTimeoutError: Could not transition to started; timed out after waiting "
                        + "3m0s"),
                // https://7thzero.com/blog/limiting-outbound-egress-traffic-while-using-aws-fargate-and-ecr
                row(UNKNOWN, S3, NONE, "CannotPullContainerError: error pulling image configuration: Get "
                        + "https://prod-us-east-1-starport-layer-bucket.s3.amazonaws.com/61d6a6b7-a74d-4472-96e4-710ec9a7a96b/"
                        + "d834cc02-771d-4c2b-b7bb-7da5334eea15?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-A"));
    }

    private static Arguments row(FailureClass failureClass, EndpointService service, String dialedAddress,
                                 String stoppedReason) {
        return Arguments.of(failureClass, service, dialedAddress, stoppedReason);
    }

    @ParameterizedTest(name = "[{index}] {0} {1}: {3}")
    @MethodSource("fieldReasons")
    void fieldReasonsGetTheirClassServiceAndAddress(FailureClass failureClass, EndpointService service,
                                                    String dialedAddress, String stoppedReason) {
        Classification classification = StopReasonClassifier.classify(stoppedReason);

        assertThat(classification.failureClass()).isEqualTo(failureClass);
        assertThat(classification.service()).isEqualTo(Optional.ofNullable(service));
        assertThat(classification.dialedAddress()).isEqualTo(Optional.ofNullable(dialedAddress));
        assertThat(classification.explanation()).isNotBlank();
    }
}
