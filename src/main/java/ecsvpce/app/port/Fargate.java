package ecsvpce.app.port;

import java.util.Collection;

/** Whether ECS runs something on Fargate: the one test, for tasks and services alike. */
public final class Fargate {
    private Fargate() {
    }

    /**
     * @param launchType        the task's or service's launch type, or null
     * @param capacityProviders its capacity provider(s); {@code FARGATE} and {@code FARGATE_SPOT} are Fargate
     */
    public static boolean runsOn(String launchType, Collection<String> capacityProviders) {
        return "FARGATE".equals(launchType)
                || capacityProviders.stream().anyMatch(p -> p != null && p.startsWith("FARGATE"));
    }
}
