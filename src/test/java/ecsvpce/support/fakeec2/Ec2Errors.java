package ecsvpce.support.fakeec2;

import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** EC2's error answers as the SDK raises them: HTTP 400, an error code and AWS's message. */
final class Ec2Errors {

    private Ec2Errors() {
    }

    static Ec2Exception error(String code, String message) {
        return (Ec2Exception) Ec2Exception.builder()
                .statusCode(400)
                .message(message + " (Service: Ec2, Status Code: 400)")
                .requestId("fake-" + Integer.toHexString(message.hashCode()))
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("Ec2").build())
                .build();
    }

    /** The resource with this id, or EC2's not-found error ({@code InvalidVpcID.NotFound}, ...). */
    static <T> T require(Map<String, T> resources, String id, String notFoundCode) {
        T value = id == null ? null : resources.get(id);
        if (value == null) {
            throw error(notFoundCode, "The ID '" + id + "' does not exist");
        }
        return value;
    }
}
