package ecsvpce.handler;

import ecsvpce.app.CostPorts;
import ecsvpce.app.CostSettings;
import ecsvpce.app.port.BatchEnvironments;
import ecsvpce.app.port.InterfaceEndpoints;
import ecsvpce.app.port.ScheduledTask;
import ecsvpce.app.port.ScheduledTasks;
import ecsvpce.aws.AwsClients.CostClients;
import ecsvpce.aws.BatchFargateReader;
import ecsvpce.aws.Ec2InterfaceEndpoints;
import ecsvpce.aws.EventBridgeRuleTargets;
import ecsvpce.aws.SchedulerSchedules;
import ecsvpce.core.cost.InterfaceEndpoint;
import ecsvpce.core.cost.Traffic;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The sweep's cost side wired to its adapters. Each adapter (and so its SDK client) is made at its
 * first call: a scoped sweep, which has no cost side, makes none of these clients.
 */
final class CostComposition {
    private CostComposition() {
    }

    static CostPorts of(CostSettings settings, Supplier<CostClients> clients, Supplier<Ec2Client> ec2) {
        Supplier<CostClients> made = LazyPorts.once(clients);
        return new CostPorts(List.of(
                scheduled("EventBridge rules", () -> new EventBridgeRuleTargets(made.get().events())),
                scheduled("EventBridge Scheduler schedules", () -> new SchedulerSchedules(made.get().scheduler()))),
                batch(() -> new BatchFargateReader(made.get().batch())),
                endpoints(() -> new Ec2InterfaceEndpoints(ec2.get(), made.get().cloudWatch())), settings);
    }

    private static ScheduledTasks scheduled(String source, Supplier<? extends ScheduledTasks> adapter) {
        Supplier<? extends ScheduledTasks> made = LazyPorts.once(adapter);
        return new ScheduledTasks() {
            @Override
            public String source() {
                return source;
            }

            @Override
            public List<ScheduledTask> fargateTasks(Collection<String> clusterArns) {
                return made.get().fargateTasks(clusterArns);
            }
        };
    }

    private static BatchEnvironments batch(Supplier<? extends BatchEnvironments> adapter) {
        Supplier<? extends BatchEnvironments> made = LazyPorts.once(adapter);
        return new BatchEnvironments() {
            @Override
            public List<FargateEnvironment> fargateEnvironments() {
                return made.get().fargateEnvironments();
            }

            @Override
            public List<FargateJobDefinition> fargateJobDefinitions() {
                return made.get().fargateJobDefinitions();
            }
        };
    }

    private static InterfaceEndpoints endpoints(Supplier<? extends InterfaceEndpoints> adapter) {
        Supplier<? extends InterfaceEndpoints> made = LazyPorts.once(adapter);
        return new InterfaceEndpoints() {
            @Override
            public List<InterfaceEndpoint> list(Set<String> onlyVpcIds) {
                return made.get().list(onlyVpcIds);
            }

            @Override
            public Traffic bytesProcessed(List<InterfaceEndpoint> endpoints, Instant from, Instant to) {
                return made.get().bytesProcessed(endpoints, from, to);
            }

            @Override
            public void mark(String endpointId, String value) {
                made.get().mark(endpointId, value);
            }

            @Override
            public void unmark(String endpointId) {
                made.get().unmark(endpointId);
            }

            @Override
            public void delete(String endpointId) {
                made.get().delete(endpointId);
            }
        };
    }
}
