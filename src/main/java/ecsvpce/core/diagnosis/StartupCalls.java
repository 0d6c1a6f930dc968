package ecsvpce.core.diagnosis;

import ecsvpce.core.needs.Need;
import ecsvpce.core.needs.NeedReason;
import ecsvpce.core.policy.StartupCall;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calls a need makes through its endpoint while the task starts, with the resources the task
 * definition names (docs/endpoint-pitfalls.md#endpoint-policies): what an endpoint policy must allow.
 */
final class StartupCalls {
    // ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO, then a tag or digest that is not part of the repository
    private static final Pattern ECR_REPOSITORY = Pattern.compile("(\\d{12})\\.[^/]+/(.+?)(?:[@:][^/]*)?");

    private StartupCalls() {
    }

    static List<StartupCall> of(Need need, String region) {
        List<StartupCall> calls = new ArrayList<>();
        for (NeedReason reason : need.reasons()) {
            switch (need.service()) {
                case ECR_API -> calls.add(new StartupCall("ecr:GetAuthorizationToken", "*", false));
                case ECR_DKR -> {
                    String repository = repositoryArn(reason.value(), region);
                    calls.add(new StartupCall("ecr:BatchGetImage", repository, false));
                    calls.add(new StartupCall("ecr:GetDownloadUrlForLayer", repository, false));
                }
                case S3 -> calls.add("image".equals(reason.field())
                        ? new StartupCall("s3:GetObject", layerBucket(region), true)
                        : new StartupCall("s3:GetObject", reason.value(), false));
                case SECRETSMANAGER -> calls.add(new StartupCall("secretsmanager:GetSecretValue", reason.value(), false));
                case SSM -> calls.add(new StartupCall("ssm:GetParameters",
                        reason.value().startsWith("arn:") ? reason.value() : null, false));
                case LOGS -> {
                    calls.add(new StartupCall("logs:CreateLogStream", null, false));
                    calls.add(new StartupCall("logs:PutLogEvents", null, false));
                }
                case SSMMESSAGES -> calls.add(new StartupCall("ssmmessages:CreateControlChannel", "*", false));
                case KMS -> calls.add(new StartupCall("kms:Decrypt", reason.value(), false));
            }
        }
        return calls.stream().distinct().toList();
    }

    /** ECR serves image layers from this bucket through presigned URLs: objects in it, any key. */
    static String layerBucket(String region) {
        return "arn:" + partition(region) + ":s3:::prod-" + region + "-starport-layer-bucket/*";
    }

    /** {@code ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO:TAG} → the repository's ARN; null without a repository. */
    private static String repositoryArn(String image, String region) {
        Matcher matcher = ECR_REPOSITORY.matcher(image);
        return matcher.matches() ? "arn:" + partition(region) + ":ecr:" + region + ":" + matcher.group(1)
                + ":repository/" + matcher.group(2) : null;
    }

    /** The ARN partition of a Region: China's and GovCloud's have their own, so a policy names them so. */
    private static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
