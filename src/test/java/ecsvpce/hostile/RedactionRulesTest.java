package ecsvpce.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.failure.Redaction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The pure text rules of {@link Redaction}: presigned URL credentials and other accounts' ids. */
class RedactionRulesTest {
    static final String OWN = "123456789012";
    static final String OTHER = "999988887777";
    static final String ACCESS_KEY = "ASIAQEXAMPLE7KEYID00";
    static final String SIGNATURE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKENpart1%2Bpart2%3D%3D";

    /** A SigV4 presigned S3 URL, as ECR's layer redirects and CannotPullContainerError messages carry them. */
    static String presignedV4(String accessKey, String token, String signature) {
        return "https://prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com/a1b2/c3d4?"
                + "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + accessKey + "%2F20260101%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20260101T100000Z&X-Amz-Expires=3600&X-Amz-Security-Token=" + token
                + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + signature;
    }

    @Example
    void aPresignedUrlKeepsItsPlaceButLosesItsCredentials() {
        String text = "CannotPullContainerError: failed to do request: Get \"" + presignedV4(ACCESS_KEY, TOKEN, SIGNATURE)
                + "\": dial tcp 52.216.0.1:443: i/o timeout";

        String redacted = Redaction.redact(text);

        assertThat(redacted).doesNotContain(ACCESS_KEY, TOKEN, SIGNATURE)
                .contains("X-Amz-Credential=REDACTED", "X-Amz-Security-Token=REDACTED", "X-Amz-Signature=REDACTED")
                .startsWith("CannotPullContainerError: failed to do request: Get \"https://prod-us-east-1-starport")
                .endsWith("\": dial tcp 52.216.0.1:443: i/o timeout");
    }

    @Example
    void aPresignedUrlInsideAnotherUrlIsRedactedToo() {
        String inner = presignedV4(ACCESS_KEY, TOKEN, SIGNATURE);
        String text = "redirected to https://example.com/login?next=" + URLEncoder.encode(inner, StandardCharsets.UTF_8)
                + "&lang=en failed";

        String redacted = Redaction.redact(text);

        assertThat(redacted).doesNotContain(ACCESS_KEY, SIGNATURE, "IQoJb3JpZ2luX2VjEXAMPLETOKENpart1")
                .contains("X-Amz-Signature%3DREDACTED", "&lang=en failed");
    }

    @Example
    void aSignatureVersion2PresignedUrlIsRedacted() {
        String text = "GET https://bucket.s3.amazonaws.com/key.env?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1767261600"
                + "&Signature=vjbyPxybdZaNmGa%2ByT272YEAiv4%3D&x-amz-security-token=" + TOKEN + " failed";

        String redacted = Redaction.redact(text);

        assertThat(redacted).doesNotContain("AKIAIOSFODNN7EXAMPLE", "vjbyPxybdZaNmGa", TOKEN)
                .contains("?AWSAccessKeyId=REDACTED&Expires=1767261600&Signature=REDACTED&x-amz-security-token=REDACTED failed");
    }

    @Property(tries = 200)
    void noCredentialOfAPresignedUrlSurvivesWhereverItIs(@ForAll("credentials") String accessKey,
                                                         @ForAll("credentials") String token,
                                                         @ForAll("credentials") String signature,
                                                         @ForAll("prose") String before, @ForAll("prose") String after) {
        String text = before + presignedV4(accessKey, token, signature) + after;

        assertThat(Redaction.redact(text)).doesNotContain(accessKey, token, signature);
    }

    @Example
    void otherAccountsAreMaskedWhereverAnAccountIdStands() {
        String text = "image " + OTHER + ".dkr.ecr.us-east-1.amazonaws.com/app:1, secret arn:aws:secretsmanager:us-east-1:"
                + OTHER + ":secret:shared/key-Ab12Cd, User: arn:aws:sts::" + OTHER + ":assumed-role/r/s, account " + OTHER
                + ", bucket cdk-assets-" + OTHER + "-us-east-1";

        assertThat(Redaction.maskOtherAccounts(text, Set.of(OWN))).doesNotContain(OTHER)
                .isEqualTo("image <other-account>.dkr.ecr.us-east-1.amazonaws.com/app:1, secret "
                        + "arn:aws:secretsmanager:us-east-1:<other-account>:secret:shared/key-Ab12Cd, User: "
                        + "arn:aws:sts::<other-account>:assumed-role/r/s, account <other-account>, bucket "
                        + "cdk-assets-<other-account>-us-east-1");
    }

    @Example
    void theOwnAccountAndNumbersThatAreNoAccountStay() {
        String text = "arn:aws:ecs:us-east-1:" + OWN + ":task/prod/07faa03f75eb666ca779b958ef9de594, task "
                + "arn:aws:ecs:us-east-1:" + OWN + ":task/5e0a1c2b-3d4e-4f5a-8b6c-" + OTHER + ", eni-012345678901abcde, "
                + "startedBy ecs-svc/1234567890123456789, at 1767261600123 ms, id 12345678901";

        assertThat(Redaction.maskOtherAccounts(text, Set.of(OWN))).isEqualTo(text);
    }

    @Property(tries = 200)
    void anAccountIdIsMaskedUnlessItIsOwn(@ForAll("accounts") String account, @ForAll("prose") String before,
                                          @ForAll("prose") String after) {
        String text = before + " arn:aws:iam::" + account + ":role/x " + after;

        String masked = Redaction.maskOtherAccounts(text, Set.of(OWN));

        if (account.equals(OWN)) {
            assertThat(masked).isEqualTo(text);
        } else {
            assertThat(masked).contains("arn:aws:iam::<other-account>:role/x");
        }
    }

    @Example
    void accountsOfNamesTheAccountOfAnArnOrAnAccountId() {
        assertThat(Redaction.accountsOf(OWN, "arn:aws:ecs:us-east-1:" + OTHER + ":task/c/t")).containsExactly(OWN, OTHER);
        assertThat(Redaction.accountsOf(null, 123456789012L, "1234", "arn:aws:s3:::bucket/key", "arn:aws:ecs:x:1:task/c/t",
                "x" + OWN, "arn:aws")).isEmpty();
    }

    @Example
    void forReportDoesBoth() {
        String text = presignedV4(ACCESS_KEY, TOKEN, SIGNATURE) + " " + OTHER + ".dkr.ecr.us-east-1.amazonaws.com " + OWN;

        assertThat(Redaction.forReport(text, Set.of(OWN))).doesNotContain(SIGNATURE, OTHER).endsWith(" " + OWN);
        assertThat(Redaction.forReport(null, Set.of(OWN))).isNull();
    }

    /** Access key ids, session tokens and signatures: base64 and hex, raw or percent-encoded (never an encoded '&'). */
    @Provide
    Arbitrary<String> credentials() {
        Arbitrary<String> part = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-.")
                        .ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("%2B", "%2F", "%3D"));
        return part.list().ofMinSize(4).ofMaxSize(12).map(parts -> String.join("", parts)).filter(s -> s.length() >= 16);
    }

    @Provide
    Arbitrary<String> prose() {
        return Arbitraries.strings().withChars("abc XYZ:/\"'()<>,.;").ofMaxLength(30);
    }

    @Provide
    Arbitrary<String> accounts() {
        return Arbitraries.oneOf(Arbitraries.just(OWN), Arbitraries.strings().numeric().ofLength(12));
    }
}
