package ecsvpce.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.EndpointService;
import ecsvpce.core.needs.Need;
import ecsvpce.core.needs.NeedReason;
import ecsvpce.core.policy.StartupCall;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The resources an endpoint policy must allow are named in the Region's own ARN partition. */
class StartupCallsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"eu-west-1, aws", "cn-north-1, aws-cn", "us-gov-west-1, aws-us-gov"})
    void theLayerBucketAndTheRepositoryAreNamedInTheRegionsPartition(String region, String partition) {
        String image = "123456789012.dkr.ecr." + region + ".amazonaws.com/team/app:1";
        List<StartupCall> pull = StartupCalls.of(new Need(EndpointService.ECR_DKR,
                List.of(new NeedReason("app", "image", image, "the image"))), region);

        assertThat(StartupCalls.layerBucket(region))
                .isEqualTo("arn:" + partition + ":s3:::prod-" + region + "-starport-layer-bucket/*");
        assertThat(pull).extracting(StartupCall::resource).containsOnly(
                "arn:" + partition + ":ecr:" + region + ":123456789012:repository/team/app");
    }
}
