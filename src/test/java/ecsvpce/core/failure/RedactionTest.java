package ecsvpce.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Presigned URL credentials and other accounts' ids never leave the engine (generated cases: hostile.RedactionRulesTest). */
class RedactionTest {
    static final String OWN = "123456789012";
    static final String OTHER = "999988887777";
    static final String CREDENTIAL = "ASIAQEXAMPLE7KEYID%2F20240501%2Fap-northeast-1%2Fs3%2Faws4_request";
    static final String SECURITY_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKENpart1%2Bpart2%3D%3D";
    static final String SIGNATURE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String PRESIGNED = "https://prod-ap-northeast-1-starport-layer-bucket.s3.ap-northeast-1.amazonaws.com/"
            + "a1b2-123456789012-0f1e/4c5d6e7f?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + CREDENTIAL
            + "&X-Amz-Date=20240501T101530Z&X-Amz-Expires=3600&X-Amz-Security-Token=" + SECURITY_TOKEN
            + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + SIGNATURE;

    @Test
    void removesCredentialTokenAndSignatureFromAPresignedUrl() {
        String reason = "CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReadSeeker: "
                + "failed open: failed to do request: Get \"" + PRESIGNED + "\": dial tcp 52.219.0.40:443: i/o timeout";

        String redacted = Redaction.redact(reason);

        assertThat(redacted).doesNotContain(CREDENTIAL, "ASIAQEXAMPLE7KEYID", SECURITY_TOKEN, SIGNATURE)
                .contains("X-Amz-Credential=REDACTED", "X-Amz-Security-Token=REDACTED", "X-Amz-Signature=REDACTED")
                .contains("prod-ap-northeast-1-starport-layer-bucket.s3.ap-northeast-1.amazonaws.com/a1b2-123456789012-0f1e/4c5d6e7f?")
                .endsWith("\": dial tcp 52.219.0.40:443: i/o timeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-amz-signature=", "X-AMZ-SIGNATURE=", "X-Amz-Signature="})
    void anyCase(String key) {
        assertThat(Redaction.redact("GET https://b.s3.amazonaws.com/k?" + key + SIGNATURE + " failed"))
                .doesNotContain(SIGNATURE).endsWith("=REDACTED failed");
    }

    @Test
    void stopsAtTheEndOfTheValue() {
        assertThat(Redaction.redact("'https://b/k?X-Amz-Signature=abc' and \"https://b/k?X-Amz-Credential=def\" <x>"))
                .isEqualTo("'https://b/k?X-Amz-Signature=REDACTED' and \"https://b/k?X-Amz-Credential=REDACTED\" <x>");
    }

    @Test
    void leavesOtherTextAlone() {
        String text = "ResourceInitializationError: unable to retrieve secret from asm: i/o timeout";
        assertThat(Redaction.redact(text)).isEqualTo(text);
        assertThat(Redaction.redact(null)).isNull();
    }

    @Test
    void aPresignedUrlInsideAnotherUrlIsRedactedToo() {
        String text = "redirected to https://example.com/login?next=" + URLEncoder.encode(PRESIGNED, StandardCharsets.UTF_8)
                + "&lang=en failed";

        assertThat(Redaction.redact(text)).doesNotContain("ASIAQEXAMPLE7KEYID", SIGNATURE, "IQoJb3JpZ2luX2VjEXAMPLETOKENpart1")
                .contains("X-Amz-Signature%3DREDACTED", "&lang=en failed");
    }

    @Test
    void aSignatureVersion2PresignedUrlIsRedacted() {
        String text = "GET https://bucket.s3.amazonaws.com/key.env?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1767261600"
                + "&Signature=vjbyPxybdZaNmGa%2ByT272YEAiv4%3D&x-amz-security-token=" + SECURITY_TOKEN + " failed";

        assertThat(Redaction.redact(text)).doesNotContain("AKIAIOSFODNN7EXAMPLE", "vjbyPxybdZaNmGa", SECURITY_TOKEN)
                .contains("?AWSAccessKeyId=REDACTED&Expires=1767261600&Signature=REDACTED&x-amz-security-token=REDACTED failed");
    }

    @Test
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

    @Test
    void theOwnAccountAndNumbersThatAreNoAccountStay() {
        String text = "arn:aws:ecs:us-east-1:" + OWN + ":task/prod/07faa03f75eb666ca779b958ef9de594, task "
                + "arn:aws:ecs:us-east-1:" + OWN + ":task/5e0a1c2b-3d4e-4f5a-8b6c-" + OTHER + ", eni-012345678901abcde, "
                + "startedBy ecs-svc/1234567890123456789, at 1767261600123 ms, id 12345678901";

        assertThat(Redaction.maskOtherAccounts(text, Set.of(OWN))).isEqualTo(text);
    }

    @Test
    void accountsOfNamesTheAccountOfAnArnOrAnAccountId() {
        assertThat(Redaction.accountsOf(OWN, "arn:aws:ecs:us-east-1:" + OTHER + ":task/c/t")).containsExactly(OWN, OTHER);
        assertThat(Redaction.accountsOf(null, 123456789012L, "1234", "arn:aws:s3:::bucket/key", "arn:aws:ecs:x:1:task/c/t",
                "x" + OWN, "arn:aws", "urn:aws:ecs:us-east-1:" + OWN + ":task/c/t")).isEmpty();
    }

    @Test
    void forReportDoesBoth() {
        String text = PRESIGNED + " " + OTHER + ".dkr.ecr.us-east-1.amazonaws.com " + OWN;

        assertThat(Redaction.forReport(text, Set.of(OWN))).doesNotContain(SIGNATURE, OTHER).endsWith(" " + OWN);
        assertThat(Redaction.forReport(null, Set.of(OWN))).isNull();
    }
}
