package ecsvpce.aws;

/**
 * A write lost a race: another invocation created the same endpoint or security group a moment
 * earlier. The caller re-reads the VPC and adopts what is there.
 */
public final class ConcurrentChange extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConcurrentChange(String message, Throwable cause) {
        super(message, cause);
    }
}
