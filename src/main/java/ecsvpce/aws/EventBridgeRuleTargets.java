package ecsvpce.aws;

import ecsvpce.app.port.Fargate;
import ecsvpce.app.port.ScheduledTask;
import ecsvpce.app.port.ScheduledTasks;
import ecsvpce.core.cost.Consumer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.eventbridge.model.EcsParameters;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * The Fargate tasks EventBridge rules run: on every event bus, the rules that target one of the
 * clusters ({@code ListRuleNamesByTarget}, one call per bus and cluster), then those rules' targets.
 * Calls grow with buses times clusters and with such rules, not with the account's other rules.
 */
public final class EventBridgeRuleTargets implements ScheduledTasks {
    private final EventBridgeClient events;

    public EventBridgeRuleTargets(EventBridgeClient events) {
        this.events = events;
    }

    @Override
    public String source() {
        return "EventBridge rules";
    }

    @Override
    public List<ScheduledTask> fargateTasks(Collection<String> clusterArns) {
        List<ScheduledTask> tasks = new ArrayList<>();
        for (String bus : buses()) {
            Set<String> rules = new LinkedHashSet<>();
            for (String cluster : clusterArns) {
                rules.addAll(rulesTargeting(bus, cluster));
            }
            for (String rule : rules) {
                for (Target target : targets(bus, rule)) {
                    EcsParameters ecs = target.ecsParameters();
                    if (ecs != null && clusterArns.contains(target.arn()) && runsOnFargate(ecs)) {
                        tasks.add(new ScheduledTask(ruleArn(target.arn(), bus, rule) + "#" + target.id(),
                                Consumer.Kind.EVENTBRIDGE_RULE, target.arn(), ecs.taskDefinitionArn(), ecs.platformVersion(),
                                ecs.networkConfiguration().awsvpcConfiguration().subnets(),
                                Boolean.TRUE.equals(ecs.enableExecuteCommand())));
                    }
                }
            }
        }
        return tasks;
    }

    private List<String> buses() {
        return allPages("events:ListEventBuses", next -> events.listEventBuses(r -> r.nextToken(next)),
                ListEventBusesResponse::nextToken, page -> page.eventBuses().stream().map(EventBus::name).toList());
    }

    private List<String> rulesTargeting(String bus, String cluster) {
        return allPages("events:ListRuleNamesByTarget", next -> events.listRuleNamesByTarget(r -> r.eventBusName(bus)
                .targetArn(cluster).nextToken(next)), ListRuleNamesByTargetResponse::nextToken,
                ListRuleNamesByTargetResponse::ruleNames);
    }

    private List<Target> targets(String bus, String rule) {
        return allPages("events:ListTargetsByRule", next -> events.listTargetsByRule(r -> r.eventBusName(bus).rule(rule)
                .nextToken(next)), ListTargetsByRuleResponse::nextToken, ListTargetsByRuleResponse::targets);
    }

    /** Every page of a list call, following its token: the SDK has no paginators for these EventBridge calls. */
    private static <P, T> List<T> allPages(String action, Function<String, P> page, Function<P, String> nextToken,
                                           Function<P, List<T>> items) {
        List<T> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            P answer = AwsCall.run(action, () -> page.apply(next));
            all.addAll(items.apply(answer));
            token = nextToken.apply(answer);
        } while (token != null);
        return all;
    }

    /** Fargate (launch type or capacity provider) in awsvpc mode: what the sweep's services are too. */
    private static boolean runsOnFargate(EcsParameters ecs) {
        return ecs.networkConfiguration() != null && ecs.networkConfiguration().awsvpcConfiguration() != null
                && Fargate.runsOn(ecs.launchTypeAsString(), ecs.capacityProviderStrategy().stream()
                .map(CapacityProviderStrategyItem::capacityProvider).toList());
    }

    /** The rule's ARN, in the cluster's partition, Region and account (a rule's ECS target is in its own). */
    static String ruleArn(String clusterArn, String bus, String rule) {
        String[] parts = clusterArn.split(":", 6);
        return "arn:" + parts[1] + ":events:" + parts[3] + ":" + parts[4] + ":rule/"
                + ("default".equals(bus) ? "" : bus + "/") + rule;
    }
}
