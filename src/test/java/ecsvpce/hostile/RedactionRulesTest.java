package ecsvpce.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.failure.Redaction;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The text rules of {@link Redaction} over generated text: no presigned URL credential and no other
 * account's id survives wherever it stands. The examples are in {@code ecsvpce.core.failure.RedactionTest}.
 */
class RedactionRulesTest {
    static final String OWN = "123456789012";
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

    @Property(tries = 200)
    void noCredentialOfAPresignedUrlSurvivesWhereverItIs(@ForAll("credentials") String accessKey,
                                                         @ForAll("credentials") String token,
                                                         @ForAll("credentials") String signature,
                                                         @ForAll("prose") String before, @ForAll("prose") String after) {
        String text = before + presignedV4(accessKey, token, signature) + after;

        assertThat(Redaction.redact(text)).doesNotContain(accessKey, token, signature);
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
