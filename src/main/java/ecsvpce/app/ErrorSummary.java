package ecsvpce.app;

import ecsvpce.aws.AwsCallFailure;

/** A permanent AWS failure as reports show it. */
public record ErrorSummary(String kind, String iamAction, String code, String message) {

    public static ErrorSummary of(AwsCallFailure failure) {
        return new ErrorSummary(failure.kind().name(), failure.iamAction(), failure.errorCode(), failure.getMessage());
    }
}
