package ecsvpce.core.policy;

import static ecsvpce.core.fixtures.Estates.allowEverything;
import static ecsvpce.core.fixtures.Estates.policy;
import static ecsvpce.core.fixtures.Estates.statement;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.policy.PolicyEvaluation.Verdict.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How IAM decides a call against an endpoint policy, as far as the product can tell. */
class PolicyEvaluationTest {
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf";
    private static final StartupCall GET_SECRET = new StartupCall("secretsmanager:GetSecretValue", SECRET, false);
    private static final StartupCall LAYER = new StartupCall("s3:GetObject",
            "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", true);

    @Test
    void theDefaultFullAccessPolicyAllows() {
        assertThat(PolicyEvaluation.evaluate(EndpointPolicy.fullAccess(), GET_SECRET).kind()).isEqualTo(Kind.ALLOWED);
    }

    @Test
    void anExplicitDenyWinsOverAnAllowAndIsNamed() {
        PolicyEvaluation.Verdict verdict = PolicyEvaluation.evaluate(policy(allowEverything("statement 1"),
                statement("statement 'NoSecrets'", false, List.of("secretsmanager:Get*"), List.of("*"))), GET_SECRET);

        assertThat(verdict.kind()).isEqualTo(Kind.DENIED);
        assertThat(verdict.statement()).isEqualTo("statement 'NoSecrets'");
        assertThat(verdict.why()).isEqualTo("statement 'NoSecrets' denies secretsmanager:GetSecretValue on " + SECRET);
    }

    @Test
    void whatNoStatementAllowsIsDenied() {
        PolicyEvaluation.Verdict verdict = PolicyEvaluation.evaluate(policy(statement("statement 1", true,
                List.of("s3:GetObject"), List.of("arn:aws:s3:::team-bucket/*"))), LAYER);

        assertThat(verdict.kind()).isEqualTo(Kind.DENIED);
        assertThat(verdict.statement()).isNull();
        assertThat(verdict.why()).startsWith("no statement allows s3:GetObject");
    }

    @Test
    void aStatementForOtherActionsAllowsNothing() {
        assertThat(PolicyEvaluation.evaluate(policy(statement("statement 'Reads'", true, List.of("s3:GetObject"),
                List.of("*"))), GET_SECRET).kind()).isEqualTo(Kind.DENIED);
    }

    @Test
    void actionsCompareWithoutCaseAndWildcardsButResourcesWithCase() {
        assertThat(PolicyEvaluation.evaluate(policy(statement("s", true, List.of("SecretsManager:getSecret?alue"),
                List.of("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-*"))), GET_SECRET).kind())
                .isEqualTo(Kind.ALLOWED);
        assertThat(PolicyEvaluation.evaluate(policy(statement("s", true, List.of("secretsmanager:*"),
                List.of("arn:aws:secretsmanager:us-east-1:123456789012:secret:DB-*"))), GET_SECRET).kind())
                .isEqualTo(Kind.DENIED);
    }

    @Test
    void notActionAndNotResourceExcludeWhatTheyName() {
        EndpointPolicy.Statement allButDelete = new EndpointPolicy.Statement("s", true, true, List.of(),
                List.of("secretsmanager:Delete*"), List.of(), List.of("arn:aws:secretsmanager:*:*:secret:other-*"), false);

        assertThat(PolicyEvaluation.evaluate(policy(allButDelete), GET_SECRET).kind()).isEqualTo(Kind.ALLOWED);
        EndpointPolicy.Statement allButGet = new EndpointPolicy.Statement("s", true, true, List.of(),
                List.of("secretsmanager:Get*"), List.of("*"), List.of(), false);
        assertThat(PolicyEvaluation.evaluate(policy(allButGet), GET_SECRET).kind()).isEqualTo(Kind.DENIED);
    }

    @Test
    void aConditionTheProductCannotEvaluateMakesItMayDenyNeverAllowed() {
        EndpointPolicy.Statement conditional = new EndpointPolicy.Statement("statement 'OrgOnly'", true, true,
                List.of("*"), List.of(), List.of("*"), List.of(), true);

        PolicyEvaluation.Verdict verdict = PolicyEvaluation.evaluate(policy(conditional), GET_SECRET);

        assertThat(verdict.kind()).isEqualTo(Kind.MAY_DENY);
        assertThat(verdict.why()).contains("condition");
        EndpointPolicy.Statement conditionalDeny = new EndpointPolicy.Statement("statement 'NotFromVpc'", false, true,
                List.of("*"), List.of(), List.of("*"), List.of(), true);
        assertThat(PolicyEvaluation.evaluate(policy(allowEverything("all"), conditionalDeny), GET_SECRET).kind())
                .isEqualTo(Kind.MAY_DENY);
    }

    @Test
    void ecrsLayerDownloadsAreAllowedOnlyForAnyPrincipal() {
        EndpointPolicy.Statement oursOnly = new EndpointPolicy.Statement("statement 'Ours'", true, false,
                List.of("s3:GetObject"), List.of(), List.of("*"), List.of(), false);

        assertThat(PolicyEvaluation.evaluate(policy(oursOnly), LAYER).kind()).isEqualTo(Kind.DENIED);
        assertThat(PolicyEvaluation.evaluate(policy(oursOnly),
                new StartupCall("s3:GetObject", "arn:aws:s3:::team-bucket/app.env", false)))
                .as("the task's own calls: which principal the statement names, the product cannot tell")
                .satisfies(v -> {
                    assertThat(v.kind()).isEqualTo(Kind.MAY_DENY);
                    assertThat(v.why()).endsWith("(it names principals the product cannot check)");
                });
        assertThat(PolicyEvaluation.evaluate(policy(allowEverything("all")), LAYER).kind()).isEqualTo(Kind.ALLOWED);
    }

    @Test
    void aResourceTheProductCannotNameIsAllowedOnlyByStar() {
        StartupCall logs = new StartupCall("logs:PutLogEvents", null, false);

        assertThat(PolicyEvaluation.evaluate(policy(statement("s", true, List.of("logs:*"), List.of("*"))), logs).kind())
                .isEqualTo(Kind.ALLOWED);
        assertThat(PolicyEvaluation.evaluate(policy(statement("s", true, List.of("logs:*"),
                List.of("arn:aws:logs:*:*:log-group:/ecs/*"))), logs)).satisfies(v -> {
                    assertThat(v.kind()).isEqualTo(Kind.MAY_DENY);
                    assertThat(v.why()).isEqualTo("only s may allow logs:PutLogEvents (the product does not know which "
                            + "logs:PutLogEvents resource the task uses)");
                });
    }

    @Test
    void anUnreadablePolicyMayDeny() {
        assertThat(PolicyEvaluation.evaluate(EndpointPolicy.unreadable("Unexpected character"), GET_SECRET))
                .satisfies(v -> {
                    assertThat(v.kind()).isEqualTo(Kind.MAY_DENY);
                    assertThat(v.why()).contains("could not be read").contains("Unexpected character");
                });
    }
}
