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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((vpcId + "|" + serviceName + "|" + type).getBytes(StandardCharsets.UTF_8));
            // EC2 accepts up to 64 ASCII characters.
            return "ecsvpce-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
