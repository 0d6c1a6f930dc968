package ecsvpce.core.plan;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tags every created resource carries, so a person can tell what made it, for which task, and when. */
public final class ResourceTags {
    public static final String PRODUCT = "ecs-vpce-remediator";
    public static final String CREATED_BY = PRODUCT + ":created-by";
    public static final String TRIGGER = PRODUCT + ":trigger";
    public static final String CREATED_AT = PRODUCT + ":created-at";
    /** On a VPC, subnet, ECS service or task (any value): the remediator reports and changes nothing there. */
    public static final String SKIP = PRODUCT + ":skip";

    private ResourceTags() {
    }

    /**
     * @param trigger what asked for the change: a task ARN, or the sweep
     * @param now     when
     */
    public static Map<String, String> forCreation(String trigger, Instant now) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Name", PRODUCT);
        tags.put(CREATED_BY, PRODUCT);
        tags.put(TRIGGER, trigger.substring(0, Math.min(trigger.length(), 256)));
        tags.put(CREATED_AT, now.truncatedTo(ChronoUnit.SECONDS).toString());
        return tags;
    }

    public static boolean optsOut(Map<String, String> tags) {
        return tags.containsKey(SKIP);
    }

    public static boolean isOurs(Map<String, String> tags) {
        return PRODUCT.equals(tags.get(CREATED_BY));
    }
}
