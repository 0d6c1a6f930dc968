package ecsvpce.aws;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** AWS service exceptions as the SDK raises them, for tests. */
public final class AwsErrors {
    private AwsErrors() {
    }

    public static AwsServiceException error(int status, String code, String message) {
        return AwsServiceException.builder()
                .statusCode(status)
                .message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .build();
    }
}
