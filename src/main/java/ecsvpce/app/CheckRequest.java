package ecsvpce.app;

import ecsvpce.core.needs.TaskDefinition;
import ecsvpce.core.network.PublicIp;
import java.util.List;

/**
 * What a check before a deploy is asked: will tasks of this task definition start in these subnets,
 * or will the tasks of this service start where it runs them. The same for the command line, the
 * deployed function and the CloudFormation hook.
 */
public sealed interface CheckRequest permits CheckRequest.Launch, CheckRequest.OfService {

    /**
     * Tasks of a task definition started in these subnets.
     *
     * @param securityGroupIds empty: the VPC's default group, which ECS gives a task that names none
     * @param platformVersion  null: {@code LATEST}
     * @param cluster          null: the account's {@code default} cluster (read only for ECS Exec's key)
     * @param publicIp         as the request says ({@code assignPublicIp}); UNKNOWN when it does not
     */
    record Launch(Definition definition, List<String> subnetIds, List<String> securityGroupIds, String platformVersion,
                  String cluster, boolean executeCommand, PublicIp publicIp) implements CheckRequest {
        public Launch {
            subnetIds = List.copyOf(subnetIds);
            securityGroupIds = List.copyOf(securityGroupIds);
        }
    }

    /** A service as it is configured now: its task definition, subnets, groups, public IP and platform version. */
    record OfService(String cluster, String service) implements CheckRequest {
    }

    /** The task definition to check: read from ECS, or given. */
    sealed interface Definition permits Named, Document {
    }

    /** @param reference an ARN, {@code family:revision}, or a family (its latest ACTIVE revision) */
    record Named(String reference) implements Definition {
    }

    /** The document itself, as {@code register-task-definition} takes it: nothing is read from ECS for it. */
    record Document(TaskDefinition definition) implements Definition {
    }
}
