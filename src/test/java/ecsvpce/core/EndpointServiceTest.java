package ecsvpce.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Endpoint service names: what the planner creates and what the diagnosis recognises. */
class EndpointServiceTest {

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource({
            "ECR_DKR, ap-northeast-1, com.amazonaws.ap-northeast-1.ecr.dkr",
            "ECR_API, us-east-1, com.amazonaws.us-east-1.ecr.api",
            "S3, ap-northeast-1, com.amazonaws.ap-northeast-1.s3",
            "LOGS, eu-west-1, com.amazonaws.eu-west-1.logs",
            "SSM, us-east-1, com.amazonaws.us-east-1.ssm",
            "SECRETSMANAGER, us-east-1, com.amazonaws.us-east-1.secretsmanager",
            "SSMMESSAGES, us-east-1, com.amazonaws.us-east-1.ssmmessages",
            "ECR_DKR, cn-north-1, cn.com.amazonaws.cn-north-1.ecr.dkr",
            "ECR_API, cn-northwest-1, cn.com.amazonaws.cn-northwest-1.ecr.api",
            "LOGS, cn-north-1, com.amazonaws.cn-north-1.logs"})
    void serviceNames(EndpointService service, String region, String name) {
        assertThat(service.serviceName(region)).isEqualTo(name);
        assertThat(service.isServedBy(name, region)).isTrue();
    }

    @Test
    void anotherRegionOrServiceDoesNotServe() {
        assertThat(EndpointService.SSM.isServedBy("com.amazonaws.us-east-1.ssm", "ap-northeast-1")).isFalse();
        assertThat(EndpointService.SSM.isServedBy("com.amazonaws.ap-northeast-1.ssmmessages", "ap-northeast-1")).isFalse();
        assertThat(EndpointService.S3.isServedBy("com.amazonaws.ap-northeast-1.s3express", "ap-northeast-1")).isFalse();
        assertThat(EndpointService.ECR_API.isServedBy("com.amazonaws.ap-northeast-1.ecr.dkr", "ap-northeast-1")).isFalse();
        assertThat(EndpointService.LOGS.isServedBy(null, "ap-northeast-1")).isFalse();
    }

    @Test
    void onlyS3IsServedByAGatewayAndFargateNeedsNoEcsEndpoints() {
        assertThat(EndpointService.values()).extracting(EndpointService::id).containsExactly(
                "ecr.dkr", "ecr.api", "s3", "logs", "ssm", "secretsmanager", "ssmmessages", "kms");
        assertThat(EndpointService.fromId("ecs")).isEmpty();
        assertThat(EndpointService.fromId("ecs-agent")).isEmpty();
        assertThat(EndpointService.fromId("ecs-telemetry")).isEmpty();
        assertThat(EndpointService.S3.requiredType()).isEqualTo(EndpointType.GATEWAY);
    }

    @Test
    void endpointTypesReadAsEc2SpellsThem() {
        assertThat(EndpointType.fromAwsName("Interface")).contains(EndpointType.INTERFACE);
        assertThat(EndpointType.fromAwsName("gateway")).contains(EndpointType.GATEWAY);
        assertThat(EndpointType.fromAwsName("GatewayLoadBalancer")).isEmpty();
    }
}
