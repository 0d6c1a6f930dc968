package ecsvpce.core.needs;

import ecsvpce.core.EndpointService;
import java.util.List;

/** A service the task must reach from its subnet while it starts, with every reason found. */
public record Need(EndpointService service, List<NeedReason> reasons) {
    public Need {
        reasons = List.copyOf(reasons);
    }
}
