package ecsvpce.core.policy;

import ecsvpce.core.policy.EndpointPolicy.Statement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether an endpoint policy lets one call through, the way IAM decides it: an explicit deny wins,
 * else an allow is needed. What the product cannot know (a condition, a named principal, a resource
 * it cannot name) makes the answer "may deny", never "allowed" and never "denied".
 */
public final class PolicyEvaluation {
    private PolicyEvaluation() {
    }

    /** The answer, and the statement it rests on (null for an implicit deny or an unreadable policy). */
    public record Verdict(Kind kind, String statement, String why) {
        public enum Kind { ALLOWED, DENIED, MAY_DENY }
    }

    /**
     * @param call the action and, when known, the resource ARN the task's call touches; a call made
     *             by an AWS-internal principal (ECR's layer downloads) is allowed only by a statement
     *             for any principal
     */
    public static Verdict evaluate(EndpointPolicy policy, StartupCall call) {
        if (policy.unreadable().isPresent()) {
            return new Verdict(Verdict.Kind.MAY_DENY, null, "the policy could not be read: " + policy.unreadable().get());
        }
        Optional<Verdict> doubt = Optional.empty();
        for (Statement statement : policy.statements()) {
            Match match = match(statement, call);
            if (!statement.allow() && match == Match.CERTAIN) {
                return new Verdict(Verdict.Kind.DENIED, statement.name(), statement.name() + " denies " + call);
            }
            if (!statement.allow() && match == Match.POSSIBLE && doubt.isEmpty()) {
                doubt = Optional.of(new Verdict(Verdict.Kind.MAY_DENY, statement.name(),
                        statement.name() + " may deny " + call + " (" + uncertainty(statement, call) + ")"));
            }
        }
        if (doubt.isPresent()) {
            return doubt.get();
        }
        Optional<Statement> certainAllow = policy.statements().stream()
                .filter(s -> s.allow() && match(s, call) == Match.CERTAIN).findFirst();
        if (certainAllow.isPresent()) {
            return new Verdict(Verdict.Kind.ALLOWED, certainAllow.get().name(), certainAllow.get().name() + " allows " + call);
        }
        return policy.statements().stream().filter(s -> s.allow() && match(s, call) == Match.POSSIBLE).findFirst()
                .map(s -> new Verdict(Verdict.Kind.MAY_DENY, s.name(),
                        "only " + s.name() + " may allow " + call + " (" + uncertainty(s, call) + ")"))
                .orElse(new Verdict(Verdict.Kind.DENIED, null, "no statement allows " + call));
    }

    private enum Match { NONE, POSSIBLE, CERTAIN }

    private static Match match(Statement statement, StartupCall call) {
        boolean action = statement.actions().isEmpty()
                ? statement.notActions().stream().noneMatch(p -> matches(p, call.action(), false))
                : statement.actions().stream().anyMatch(p -> matches(p, call.action(), false));
        if (!action) {
            return Match.NONE;
        }
        Match resource = resourceMatch(statement, call.resource());
        if (resource == Match.NONE) {
            return Match.NONE;
        }
        if (!statement.anyPrincipal()) {
            // ECR signs layer downloads as its own principal, which a statement naming the team's never covers.
            return call.awsInternalPrincipal() ? Match.NONE : Match.POSSIBLE;
        }
        return resource == Match.CERTAIN && !statement.conditional() ? Match.CERTAIN : Match.POSSIBLE;
    }

    private static Match resourceMatch(Statement statement, String resource) {
        List<String> patterns = statement.resources().isEmpty() ? statement.notResources() : statement.resources();
        boolean negated = statement.resources().isEmpty();
        if (resource == null) {
            boolean everything = !negated && patterns.contains("*");
            return everything ? Match.CERTAIN : Match.POSSIBLE;
        }
        boolean hit = patterns.stream().anyMatch(p -> matches(p, resource, true));
        return hit != negated ? Match.CERTAIN : Match.NONE;
    }

    private static String uncertainty(Statement statement, StartupCall call) {
        if (statement.conditional()) {
            return "it has a condition the product cannot evaluate";
        }
        if (!statement.anyPrincipal()) {
            return "it names principals the product cannot check";
        }
        return "the product does not know which " + call.action() + " resource the task uses";
    }

    /** IAM's wildcards: {@code *} any run of characters, {@code ?} one; actions compare without case, ARNs with. */
    static boolean matches(String pattern, String value, boolean caseSensitive) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        int flags = Pattern.DOTALL | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE);
        return Pattern.compile(regex.toString(), flags).matcher(value).matches();
    }
}
