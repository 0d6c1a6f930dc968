package ecsvpce.handler;

/** What Lambda does just before it takes a SnapStart snapshot: every registered priming runs. */
public final class CheckpointHooks {
    private CheckpointHooks() {
    }

    public static void beforeCheckpoint() {
        Priming.registered().forEach(priming -> priming.beforeCheckpoint(null));
    }
}
