package ecsvpce.core.needs;

/**
 * How a task was launched, as far as start-up needs depend on it.
 *
 * @param region                the task's region
 * @param platformVersion       Fargate platform version as reported by ECS ({@code 1.4.0},
 *                              {@code LATEST}, or null when the caller did not set one)
 * @param platformFamily        the task's {@code platformFamily} ({@code Linux}, {@code Windows Server 2019 Full}, ...)
 * @param executeCommandEnabled whether ECS Exec is enabled on the task or its service
 * @param execKmsKeyId          the customer KMS key the cluster's ECS Exec sessions use, or null
 */
public record TaskLaunch(String region, String platformVersion, String platformFamily, boolean executeCommandEnabled,
                         String execKmsKeyId) {
    public TaskLaunch {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("a task launch needs its region");
        }
    }
}
