package ecsvpce.core.needs;

/**
 * Something the task needs at start-up that no VPC endpoint in its VPC can serve: an image on
 * another registry, or an ECR image, secret or parameter in another region.
 */
public record UnservableNeed(NeedReason reason) {
    @Override
    public String toString() {
        return reason.toString();
    }
}
