package ecsvpce.core.needs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads where a container image comes from: private ECR (and in which region), or another registry. */
final class ImageReference {
    // ACCOUNT.dkr.ecr[-fips].REGION.amazonaws.com[.cn]/repo[:tag|@digest]
    private static final Pattern PRIVATE_ECR =
            Pattern.compile("^\\d{12}\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?(?:/|$)");
    // The first component names a registry when it looks like a host (a dot or a port) or is localhost, as Docker reads it.
    private static final Pattern REGISTRY_HOST = Pattern.compile("^(localhost|[^/]*[.:][^/]*)/");

    private ImageReference() {
    }

    /** The region of a private ECR image, or empty when the image lives on another registry. */
    static Optional<String> privateEcrRegion(String image) {
        Matcher matcher = PRIVATE_ECR.matcher(image.trim().toLowerCase());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The registry host of a non-ECR image; images without a host come from Docker Hub. */
    static String registryHost(String image) {
        Matcher matcher = REGISTRY_HOST.matcher(image.trim());
        return matcher.find() ? matcher.group(1) : "docker.io";
    }
}
