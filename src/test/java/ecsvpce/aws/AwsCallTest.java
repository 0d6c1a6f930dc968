package ecsvpce.aws;

import static ecsvpce.aws.AwsErrors.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ecsvpce.app.port.CallFailure;
import ecsvpce.report.ErrorSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsCallTest {

    @ParameterizedTest
    @CsvSource({"403,AccessDenied", "403,UnauthorizedOperation", "400,AccessDeniedException"})
    void accessDeniedIsPermanentAndNamesTheIamAction(int status, String code) {
        assertThatThrownBy(() -> AwsCall.run("ec2:CreateVpcEndpoint", () -> {
            throw error(status, code, "You are not authorized to perform this operation.");
        }))
                .isInstanceOfSatisfying(CallFailure.Refused.class, failure -> {
                    assertThat(failure.summary().kind()).isEqualTo(ErrorSummary.Kind.ACCESS_DENIED);
                    assertThat(failure.iamAction()).isEqualTo("ec2:CreateVpcEndpoint");
                    assertThat(failure.getMessage()).contains("ec2:CreateVpcEndpoint");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "IdempotentParameterMismatch|The client token you have provided is associated with a resource that is already deleted.",
            "InvalidGroup.Duplicate|The security group 'ecs-vpce-remediator-endpoints' already exists for VPC 'vpc-1'",
            "InvalidParameter|private-dns-enabled cannot be set because there is already a conflicting DNS domain for ssm.us-east-1.amazonaws.com in the VPC vpc-1"})
    void lostRacesAskForARereadNotAFailure(String code, String message) {
        assertThatThrownBy(() -> AwsCall.run("ec2:CreateVpcEndpoint", () -> {
            throw error(400, code, message);
        })).isInstanceOf(CallFailure.LostRace.class).hasMessageContaining(code);
    }

    @ParameterizedTest
    @CsvSource({"503,RequestLimitExceeded", "400,Throttling", "500,InternalError", "503,Unavailable", "400,IncorrectState"})
    void transientErrorsStillFailingAfterTheSdksRetriesAreSortedApart(int status, String code) {
        AwsServiceException transientError = error(status, code, "try later");
        assertThatThrownBy(() -> AwsCall.run("ec2:ModifyVpcEndpoint", () -> {
            throw transientError;
        })).isInstanceOfSatisfying(CallFailure.StillFailing.class, failure -> {
            assertThat(failure).hasCause(transientError);
            assertThat(failure.summary().kind()).isEqualTo(ErrorSummary.Kind.TRANSIENT);
            assertThat(failure.summary().iamAction()).isEqualTo("ec2:ModifyVpcEndpoint");
        });
    }

    @Test
    void aClientSideFailureSuchAsATimeoutIsStillFailingToo() {
        SdkClientException timeout = SdkClientException.create("connect timed out");
        assertThatThrownBy(() -> AwsCall.run("ecs:DescribeTasks", () -> {
            throw timeout;
        })).isInstanceOf(CallFailure.StillFailing.class).hasCause(timeout).hasMessageContaining("ecs:DescribeTasks");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "InvalidParameter|The subnet ID 'subnet-1' does not exist",
            "InvalidVpcEndpointId.NotFound|The Vpc Endpoint Id 'vpce-1' does not exist"})
    void otherClientErrorsArePermanentRejections(String code, String message) {
        assertThatThrownBy(() -> AwsCall.run("ec2:ModifyVpcEndpoint", () -> {
            throw error(400, code, message);
        })).isInstanceOfSatisfying(CallFailure.Refused.class, failure -> {
            assertThat(failure.summary().kind()).isEqualTo(ErrorSummary.Kind.REJECTED);
            assertThat(failure.errorCode()).isEqualTo(code);
        });
    }
}
