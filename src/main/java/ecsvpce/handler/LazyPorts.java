package ecsvpce.handler;

import ecsvpce.app.port.FargateService;
import ecsvpce.app.port.Fleet;
import ecsvpce.app.port.ServiceLookup;
import ecsvpce.app.port.ServiceNetwork;
import ecsvpce.app.port.StoppedTask;
import ecsvpce.app.port.StoppedTasks;
import ecsvpce.app.port.TaskDefinitions;
import ecsvpce.app.port.VpcChanges;
import ecsvpce.app.port.VpcReads;
import ecsvpce.core.network.NetworkSnapshot;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Ports whose adapter (and so the SDK client behind it) is made at their first call, not when the
 * use case is wired: an event that is skipped before any AWS call makes no client at all.
 */
final class LazyPorts {
    private LazyPorts() {
    }

    static StoppedTasks stoppedTasks(Supplier<? extends StoppedTasks> adapter) {
        Supplier<? extends StoppedTasks> made = once(adapter);
        return new StoppedTasks() {
            @Override
            public Optional<StoppedTask> describeTask(String clusterArn, String taskArn) {
                return made.get().describeTask(clusterArn, taskArn);
            }

            @Override
            public Optional<ServiceNetwork> service(String clusterArn, String serviceName, String startedBy) {
                return made.get().service(clusterArn, serviceName, startedBy);
            }

            @Override
            public Optional<String> execKmsKey(String clusterArn) {
                return made.get().execKmsKey(clusterArn);
            }
        };
    }

    static TaskDefinitions taskDefinitions(Supplier<? extends TaskDefinitions> adapter) {
        Supplier<? extends TaskDefinitions> made = once(adapter);
        return taskDefinitionArn -> made.get().taskDefinition(taskDefinitionArn);
    }

    static Fleet fleet(Supplier<? extends Fleet> adapter) {
        Supplier<? extends Fleet> made = once(adapter);
        return new Fleet() {
            @Override
            public List<String> clusterArns() {
                return made.get().clusterArns();
            }

            @Override
            public List<FargateService> fargateServices(String clusterArn) {
                return made.get().fargateServices(clusterArn);
            }

            @Override
            public ServiceLookup service(String clusterArn, String service) {
                return made.get().service(clusterArn, service);
            }

            @Override
            public Map<String, String> execKmsKeys(Collection<String> clusterArns) {
                return made.get().execKmsKeys(clusterArns);
            }
        };
    }

    static VpcReads vpcReads(Supplier<? extends VpcReads> adapter) {
        Supplier<? extends VpcReads> made = once(adapter);
        return new VpcReads() {
            @Override
            public VpcReads forOneRun() {
                return made.get().forOneRun();
            }

            @Override
            public NetworkSnapshot snapshot(String vpcId) {
                return made.get().snapshot(vpcId);
            }

            @Override
            public Map<String, String> vpcsOfSubnets(Collection<String> subnetIds) {
                return made.get().vpcsOfSubnets(subnetIds);
            }

            @Override
            public Optional<List<String>> securityGroupsOfInterface(String networkInterfaceId) {
                return made.get().securityGroupsOfInterface(networkInterfaceId);
            }
        };
    }

    static VpcChanges vpcChanges(Supplier<? extends VpcChanges> adapter) {
        Supplier<? extends VpcChanges> made = once(adapter);
        return (actions, done) -> made.get().apply(actions, done);
    }

    /** The value, made by the first caller; every other caller gets the same. */
    static <T> Supplier<T> once(Supplier<? extends T> make) {
        return new Supplier<>() {
            private T made;

            @Override
            public synchronized T get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }
}
