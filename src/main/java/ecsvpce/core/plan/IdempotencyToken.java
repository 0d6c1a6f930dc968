package ecsvpce.core.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * EC2 client tokens for creates. The same VPC, service and type always give the same token, so
 * every invocation racing to create one endpoint sends one token and EC2 makes one endpoint.
 */
public final class IdempotencyToken {
    private IdempotencyToken() {
    }

    public static String forEndpoint(String vpcId, String serviceName, String type) {
        return token(vpcId + "|" + serviceName + "|" + type);
    }

    /**
     * A successor for a token EC2 already spent on an endpoint that has since been deleted (EC2
     * keeps answering a token with its first endpoint). Deterministic too, so racers agree on it.
     */
    public static String renewed(String staleToken, String deletedEndpointId) {
        return token(staleToken + "|" + deletedEndpointId);
    }

    private static String token(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            // EC2 accepts up to 64 ASCII characters.
            return "ecsvpce-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
