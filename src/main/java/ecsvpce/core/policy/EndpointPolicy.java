package ecsvpce.core.policy;

import java.util.List;
import java.util.Optional;

/**
 * A VPC endpoint's policy, reduced to what decides whether it lets a task's start-up calls through.
 * Read by the adapter from the JSON EC2 returns; the judgement is {@link PolicyEvaluation}'s.
 *
 * @param unreadable why the document could not be read, if it could not; then nothing is known
 */
public record EndpointPolicy(List<Statement> statements, Optional<String> unreadable) {

    public EndpointPolicy {
        statements = List.copyOf(statements);
    }

    /** What an endpoint without a policy of its own has: full access. */
    public static EndpointPolicy fullAccess() {
        return new EndpointPolicy(List.of(new Statement("(default)", true, true, List.of("*"), List.of(), List.of("*"),
                List.of(), false)), Optional.empty());
    }

    public static EndpointPolicy unreadable(String why) {
        return new EndpointPolicy(List.of(), Optional.of(why));
    }

    /**
     * One statement.
     *
     * @param name         its {@code Sid}, else its position ({@code statement 2})
     * @param anyPrincipal {@code "Principal": "*"} or {@code {"AWS": "*"}}; false when it names principals
     * @param actions      {@code Action} patterns (empty when it uses {@code NotAction})
     * @param resources    {@code Resource} patterns (empty when it uses {@code NotResource})
     * @param conditional  it has a {@code Condition}, which the product cannot evaluate
     */
    public record Statement(String name, boolean allow, boolean anyPrincipal, List<String> actions,
                            List<String> notActions, List<String> resources, List<String> notResources,
                            boolean conditional) {
        public Statement {
            actions = List.copyOf(actions);
            notActions = List.copyOf(notActions);
            resources = List.copyOf(resources);
            notResources = List.copyOf(notResources);
        }
    }
}
