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
        List<StartupCall> denied = new ArrayList<>();
        List<String> why = new ArrayList<>();
        Verdict doubt = null;
        for (StartupCall call : StartupCalls.of(need, region)) {
            Verdict verdict = PolicyEvaluation.evaluate(endpoint.policy(), call);
            if (verdict.kind() == Verdict.Kind.DENIED) {
                denied.add(call);
                why.add(verdict.why());
            } else if (verdict.kind() == Verdict.Kind.MAY_DENY && doubt == null) {
                doubt = verdict;
            }
        }
        String name = need.service().id() + " endpoint " + endpoint.id();
        if (!denied.isEmpty()) {
            boolean explicit = why.stream().anyMatch(w -> !w.startsWith("no statement"));
            findings.add(FindingCode.ENDPOINT_POLICY_DENIES, need.service(), Severity.BLOCKING, endpoint.id(),
                    "the policy of " + name + " keeps the task from starting: " + String.join("; ", why)
                            + (explicit ? " (an explicit deny wins over any allow: narrow or remove that statement)" : ""),
                    "add to the policy's Statement list: " + Fixes.allowStatement(denied));
        } else if (doubt != null) {
            findings.add(FindingCode.ENDPOINT_POLICY_MAY_DENY, need.service(), Severity.UNVERIFIED, endpoint.id(),
                    "the policy of " + name + " may keep the task from starting: " + doubt.why(),
                    "check " + (doubt.statement() == null ? "the policy" : doubt.statement()) + " of " + endpoint.id()
                            + ": aws ec2 describe-vpc-endpoints --vpc-endpoint-ids " + endpoint.id()
                            + " --query 'VpcEndpoints[0].PolicyDocument' --output text");
        }
    }
}
