package ecsvpce.core.cost;

import ecsvpce.core.plan.ResourceTags;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interface endpoints of any age, owner and mark, for the cost rules' tests (moto stamps every endpoint "now"). */
final class Endpoints {
    static final String REGION = "eu-central-1";
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final Duration WINDOW = Duration.ofDays(30);
    static final String VPC = "vpc-0a";

    private Endpoints() {
    }

    static InterfaceEndpoint old(String id, String service, boolean ours) {
        return endpoint(id, VPC, service, NOW.minus(Duration.ofDays(40)), ours, null);
    }

    static InterfaceEndpoint endpoint(String id, String vpc, String service, Instant createdAt, boolean ours,
                                      String idleMark) {
        Map<String, String> tags = new HashMap<>();
        if (ours) {
            tags.put(ResourceTags.CREATED_BY, ResourceTags.PRODUCT);
        }
        if (idleMark != null) {
            tags.put(InterfaceEndpoint.IDLE_SINCE, idleMark);
        }
        return new InterfaceEndpoint(id, vpc, "com.amazonaws." + REGION + "." + service, "available",
                List.of("subnet-a", "subnet-b"), List.of(REGION + "a", REGION + "b"), createdAt, tags);
    }

    static Traffic bytes(String id, long bytes) {
        return new Traffic(Map.of(id, bytes), Map.of());
    }
}
