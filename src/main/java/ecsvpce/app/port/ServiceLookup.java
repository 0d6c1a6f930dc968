package ecsvpce.app.port;

/** One named service as ECS describes it now: a Fargate service in awsvpc mode, or why it is none. */
public sealed interface ServiceLookup permits ServiceLookup.Found, ServiceLookup.NotCheckable {

    record Found(FargateService service) implements ServiceLookup {
    }

    /** @param reason why, in words for a report: gone, not active, on EC2, not in awsvpc mode */
    record NotCheckable(String reason) implements ServiceLookup {
    }
}
