package ecsvpce.core.diagnosis;

import ecsvpce.core.needs.Need;
import ecsvpce.core.network.VpcEndpoint;
import ecsvpce.core.policy.PolicyEvaluation;
import ecsvpce.core.policy.PolicyEvaluation.Verdict;
import ecsvpce.core.policy.StartupCall;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the policy of the endpoint a need goes through lets the task's start-up calls pass
 * (docs/real-estates.md#endpoint-policies-that-deny-start-up). A policy is never edited by the
 * product: a denial is reported with the statement that denies and the statement to add.
 */
final class PolicyCheck {
    private PolicyCheck() {
    }

    static void check(Need need, VpcEndpoint endpoint, String region, Findings findings) {
        List<StartupCall> notAllowed = new ArrayList<>();
        List<Verdict> explicitDenials = new ArrayList<>();
        List<String> why = new ArrayList<>();
        Verdict doubt = null;
        for (StartupCall call : StartupCalls.of(need, region)) {
            Verdict verdict = PolicyEvaluation.evaluate(endpoint.policy(), call);
            if (verdict.kind() == Verdict.Kind.DENIED) {
                why.add(verdict.why());
                if (verdict.statement() == null) {
                    notAllowed.add(call);
                } else {
                    explicitDenials.add(verdict);
                }
            } else if (verdict.kind() == Verdict.Kind.MAY_DENY && doubt == null) {
                doubt = verdict;
            }
        }
        String name = need.service().id() + " endpoint " + endpoint.id();
        if (!why.isEmpty()) {
            // An explicit deny wins over any allow: only narrowing or removing it helps.
            String fix = explicitDenials.isEmpty() ? "add to the policy's Statement list: " + Fixes.allowStatement(notAllowed)
                    : "narrow or remove " + explicitDenials.get(0).statement() + ": "
                            + Fixes.editPolicy(endpoint.id());
            findings.add(FindingCode.ENDPOINT_POLICY_DENIES, need.service(), Severity.BLOCKING, endpoint.id(),
                    "the policy of " + name + " keeps the task from starting: " + String.join("; ", why), fix);
        } else if (doubt != null) {
            findings.add(FindingCode.ENDPOINT_POLICY_MAY_DENY, need.service(), Severity.UNVERIFIED, endpoint.id(),
                    "the policy of " + name + " may keep the task from starting: " + doubt.why(),
                    "check " + (doubt.statement() == null ? "the policy" : doubt.statement()) + ": "
                            + Fixes.editPolicy(endpoint.id()));
        }
    }
}
