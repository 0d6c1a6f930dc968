package ecsvpce.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.policy.EndpointPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Endpoint policies as EC2 returns them, read into the core's terms; what does not read is never an allow. */
class EndpointPoliciesTest {

    @Test
    void readsEachStatementsEffectPrincipalActionsResourcesAndWhetherItHasAConditionByItsSid() {
        EndpointPolicy policy = EndpointPolicies.parse("""
                {"Version": "2008-10-17", "Statement": [
                  {"Sid": "Layers", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject",
                   "Resource": ["arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"]},
                  {"Effect": "Deny", "Principal": {"AWS": ["arn:aws:iam::123456789012:root"]},
                   "NotAction": ["s3:Get*"], "NotResource": "arn:aws:s3:::team/*",
                   "Condition": {"StringNotEquals": {"aws:SourceVpc": "vpc-1"}}}]}""");

        assertThat(policy.unreadable()).isEmpty();
        assertThat(policy.statements()).containsExactly(
                new EndpointPolicy.Statement("statement 'Layers'", true, true, java.util.List.of("s3:GetObject"),
                        java.util.List.of(), java.util.List.of("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"),
                        java.util.List.of(), false),
                new EndpointPolicy.Statement("statement 2", false, false, java.util.List.of(),
                        java.util.List.of("s3:Get*"), java.util.List.of(), java.util.List.of("arn:aws:s3:::team/*"), true));
    }

    @Test
    void aStatementObjectInsteadOfAListAndAStarPrincipalAreAccepted() {
        EndpointPolicy policy = EndpointPolicies.parse(
                "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\"}}");

        assertThat(policy.statements()).singleElement().satisfies(s -> {
            assertThat(s.anyPrincipal()).isTrue();
            assertThat(s.name()).isEqualTo("statement 1");
        });
    }

    @Test
    void noDocumentIsFullAccess() {
        assertThat(EndpointPolicies.parse(null)).isEqualTo(EndpointPolicy.fullAccess());
        assertThat(EndpointPolicies.parse(" ")).isEqualTo(EndpointPolicy.fullAccess());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"Statement\": [", "not json",
            "{\"Statement\": [{\"Effect\": \"Maybe\", \"Action\": \"*\", \"Resource\": \"*\"}]}",
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Resource\": \"*\"}]}",
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\"}]}"})
    void aDocumentThatIsNotAPolicyIsUnreadableNeverAnAllow(String document) {
        EndpointPolicy policy = EndpointPolicies.parse(document);

        assertThat(policy.unreadable()).isPresent();
        assertThat(policy.statements()).isEmpty();
    }
}
