package ecsvpce.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Presigned URL query strings (X-Amz-*) never leave the engine. */
class RedactionTest {
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
}
