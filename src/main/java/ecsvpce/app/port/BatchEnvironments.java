package ecsvpce.app.port;

import ecsvpce.core.needs.TaskDefinition;
import java.util.List;

/** AWS Batch compute environments on Fargate and the job definitions they may run. Read only. */
public interface BatchEnvironments {

    /**
     * @param id        the compute environment's ARN
     * @param subnetIds where its jobs' tasks start
     */
    record FargateEnvironment(String id, List<String> subnetIds) {
        public FargateEnvironment {
            subnetIds = List.copyOf(subnetIds);
        }
    }

    /**
     * A job definition for Fargate, as the task definition its jobs start with.
     *
     * @param platformVersion its Fargate platform version, or null (LATEST)
     */
    record FargateJobDefinition(TaskDefinition definition, String platformVersion) {
    }

    /** @throws CallFailure when they cannot be read */
    List<FargateEnvironment> fargateEnvironments();

    /** Every ACTIVE job definition that runs on Fargate. @throws CallFailure when they cannot be read */
    List<FargateJobDefinition> fargateJobDefinitions();
}
