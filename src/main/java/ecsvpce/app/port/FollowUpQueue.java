package ecsvpce.app.port;

import java.time.Duration;

/** Where follow-up checks wait until they are due: an SQS queue read by the verify function. */
public interface FollowUpQueue {

    /** @throws CallFailure when the queue refuses the message */
    void send(FollowUp followUp, Duration delay);
}
