package ecsvpce.core.needs;

/**
 * Fargate platform versions, as far as start-up needs differ: from 1.4.0 on the task fetches its
 * registry auth from {@code ecr.api} itself (through the task ENI).
 */
final class PlatformVersion {
    private PlatformVersion() {
    }

    /**
     * Whether a task on this version fetches ECR auth through its own ENI. {@code LATEST}, an unset
     * version and every Windows version behave as 1.4.0 or later; an unreadable version is taken as
     * recent too, since recent is what AWS runs by default.
     */
    static boolean fetchesEcrAuthThroughTaskEni(String platformVersion, boolean windows) {
        if (windows || platformVersion == null || platformVersion.isBlank()
                || platformVersion.equalsIgnoreCase("LATEST")) {
            return true;
        }
        String[] parts = platformVersion.trim().split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 1 || (major == 1 && minor >= 4);
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
