package ecsvpce.app;

import ecsvpce.app.port.FollowUp;
import ecsvpce.app.port.FollowUpQueue;
import ecsvpce.app.port.Notice;
import ecsvpce.app.port.Notifier;
import ecsvpce.report.ChatNotification;
import ecsvpce.report.MetricLines;
import ecsvpce.report.Readable;
import ecsvpce.report.Readables;
import ecsvpce.report.RecoveryCommands;
import ecsvpce.report.ReportText;
import ecsvpce.report.SweepReport;
import ecsvpce.report.TaskReport;
import ecsvpce.report.VerificationReport;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What happens to a finished report before it is returned and logged: it names the account and
 * Region it came from, asks for its follow-up checks, tells people ({@link NoticePolicy}, once per
 * storm: {@link RecentNotices}) and becomes metrics. What became of the follow-up and the
 * notification is added to the report. With a ledger ({@link IncidentLedger}) the notice is claimed
 * there, so one environment of many tells it, and the report's incident is kept there. None of it can
 * turn the report's outcome into a failure: a queue, topic or table that refuses is reported, never thrown.
 */
public final class ReportDispatch {
    private final String function;
    private final String region;
    private final Optional<Notifier> notifier;
    private final Optional<FollowUpQueue> followUps;
    private final Duration followUpDelay;
    private final Clock clock;
    private final Supplier<PrintStream> metrics;
    private final RecoverySettings recovery;
    private final RecentNotices recent = new RecentNotices();
    private final Optional<IncidentLedger> ledger;

    /**
     * @param function the template's logical ID of the function, for the metrics
     * @param metrics  where the embedded-metric-format lines go, asked at each report: the function's log
     */
    public ReportDispatch(String function, String region, Optional<Notifier> notifier,
                          Optional<FollowUpQueue> followUps, Duration followUpDelay, Clock clock,
                          Supplier<PrintStream> metrics) {
        this(function, region, notifier, followUps, followUpDelay, clock, metrics, RecoverySettings.on(), Optional.empty());
    }

    /**
     * @param recovery what a dry run's report says its follow-up would do about services
     * @param ledger   shared by every environment: notices claimed there, incidents kept there; empty: this container's memory
     */
    public ReportDispatch(String function, String region, Optional<Notifier> notifier,
                          Optional<FollowUpQueue> followUps, Duration followUpDelay, Clock clock,
                          Supplier<PrintStream> metrics, RecoverySettings recovery, Optional<IncidentLedger> ledger) {
        this.recovery = recovery;
        this.ledger = ledger;
        this.function = function;
        this.region = region;
        this.notifier = notifier;
        this.followUps = followUps;
        this.followUpDelay = followUpDelay;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @param json     the report's JSON form ({@code ReportJson.toMap})
     * @param account  the account the event came from
     * @param failedAt when the task stopped, as the event says; now when it does not
     */
    public Map<String, Object> task(TaskReport report, Map<String, Object> json, String account, Instant failedAt) {
        Instant now = clock.instant();
        Map<String, Object> out = withOrigin(json, account);
        FollowUpRequests.afterTask(report, failedAt == null ? now : failedAt, now)
                .ifPresent(followUp -> out.put("followUp", queue(followUp, followUpDelay, now)));
        List<FollowUpRequests.WouldRecover> would = FollowUpRequests.wouldRecover(report);
        if (!would.isEmpty()) {
            out.put("followUp", dryRun(would));
        }
        Optional<IncidentLedger.Session> session = ledger.map(IncidentLedger::session);
        Optional<String> incident = session.flatMap(s -> Incidents.ofTask(report, failedAt == null ? now : failedAt, now)
                .flatMap(s::record)).map(view -> {
                    out.put("incident", view);
                    return (String) view.get("id");
                });
        return finish(out, NoticePolicy.task(report).map(key -> incident.map(id -> NoticePolicy.perIncident(key, id))
                .orElse(key)), now, session);
    }

    public Map<String, Object> sweep(SweepReport report, Map<String, Object> json, String account) {
        Instant now = clock.instant();
        Map<String, Object> out = withOrigin(json, account);
        List<Map<String, Object>> queued = new ArrayList<>();
        FollowUpRequests.afterSweep(report, now).forEach(followUp -> queued.add(queue(followUp, followUpDelay, now)));
        Map<String, List<FollowUpRequests.WouldRecover>> wouldByVpc = new LinkedHashMap<>();
        FollowUpRequests.wouldRecover(report).forEach(service ->
                wouldByVpc.computeIfAbsent(service.vpcId(), vpc -> new ArrayList<>()).add(service));
        wouldByVpc.values().forEach(services -> queued.add(dryRun(services)));
        if (!queued.isEmpty()) {
            out.put("followUps", queued);
        }
        Optional<IncidentLedger.Session> session = ledger.map(IncidentLedger::session);
        Optional<String> notice = NoticePolicy.sweep(report);
        Optional<Map.Entry<String, Map<String, Object>>> summary = Optional.empty();
        if (session.isPresent() && report instanceof SweepReport.Swept) {
            List<Map<String, Object>> incidents = new ArrayList<>();
            Incidents.ofSweep(report, now).forEach(event -> session.get().record(event)
                    .filter(view -> !"UNCHANGED".equals(view.get("status"))).ifPresent(incidents::add));
            if (!incidents.isEmpty()) {
                out.put("incidents", incidents);
            }
            out.put("openIncidents", session.get().open().stream().map(open -> IncidentLedger.view(open, "OPEN")).toList());
            summary = session.get().monthlySummary(now);
            String month = summary.map(entry -> String.valueOf(entry.getValue().get("month"))).orElse(null);
            summary.ifPresent(entry -> out.put("monthlySummary", entry.getValue()));
            // The month's summary is told once, with whatever else the sweep tells, which counts as told too.
            if (month != null) {
                notice.ifPresent(told -> {
                    session.get().claim(told, now, RecentNotices.WINDOW);
                    recent.sent(told, now);
                });
                notice = Optional.of(notice.orElse("sweep") + "|summary " + month);
            }
        }
        Map<String, Object> finished = finish(out, notice, now, session);
        if (summary.isPresent() && "FAILED".equals(((Map<?, ?>) finished.get("notification")).get("status"))) {
            session.get().release(summary.get().getKey(), now);
        }
        return finished;
    }

    /** @param again the next check, when the verdict is pending; it waits the configured delay */
    public Map<String, Object> verification(VerificationReport report, Optional<FollowUp> again, Map<String, Object> json,
                                            String account) {
        return verification(report, again, followUpDelay, json, account);
    }

    /** @param pace how soon the next check comes, from the configured delay of the first ({@link FollowUpCheck.Pace}) */
    public Map<String, Object> verification(VerificationReport report, Optional<FollowUp> again, FollowUpCheck.Pace pace,
                                            Map<String, Object> json, String account) {
        return verification(report, again, pace.delay(followUpDelay), json, account);
    }

    private Map<String, Object> verification(VerificationReport report, Optional<FollowUp> again, Duration delay,
                                             Map<String, Object> json, String account) {
        Instant now = clock.instant();
        Map<String, Object> out = withOrigin(json, account);
        again.ifPresent(next -> out.put("followUp", queue(next, delay, now)));
        Optional<IncidentLedger.Session> session = ledger.map(IncidentLedger::session);
        Optional<String> incident = session.flatMap(s -> Incidents.ofVerification(report, now).flatMap(s::record))
                .map(view -> {
                    out.put("incident", view);
                    return (String) view.get("id");
                });
        return finish(out, NoticePolicy.verification(report).map(key -> incident.map(id -> NoticePolicy.perIncident(key, id))
                .orElse(key)), now, session);
    }

    private Map<String, Object> finish(Map<String, Object> out, Optional<String> notice, Instant now,
                                       Optional<IncidentLedger.Session> session) {
        out.put("notification", notify(notice, out, now, session));
        session.flatMap(IncidentLedger.Session::status).ifPresent(status -> out.put("ledger", status));
        PrintStream log = metrics.get();
        MetricLines.of(out, function, now).forEach(log::println);
        return out;
    }

    /** The report with {@code account} and {@code region}, as far as known, after its summary, where a reader looks first. */
    private Map<String, Object> withOrigin(Map<String, Object> json, String account) {
        Map<String, Object> origin = new LinkedHashMap<>();
        if (account != null) {
            origin.put("account", account);
        }
        if (region != null) {
            origin.put("region", region);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        json.forEach((key, value) -> {
            out.put(key, value);
            if (key.equals("summary")) {
                out.putAll(origin);
            }
        });
        origin.forEach(out::putIfAbsent);
        return out;
    }

    private Map<String, Object> queue(FollowUp followUp, Duration delay, Instant now) {
        Map<String, Object> status = new LinkedHashMap<>();
        if (followUps.isEmpty()) {
            status.put("status", "NOT_CONFIGURED");
            return status;
        }
        status.put("vpcId", followUp.vpcId());
        status.put("check", followUp.check());
        try {
            followUps.get().send(followUp, delay);
            status.put("status", "QUEUED");
            status.put("checkAt", now.plus(delay).toString());
        } catch (RuntimeException refused) {
            status.put("status", "FAILED");
            status.put("error", String.valueOf(refused.getMessage()));
        }
        return status;
    }

    /** A dry run queues no check: it says which services the check would deploy again, and the command for a person. */
    private Map<String, Object> dryRun(List<FollowUpRequests.WouldRecover> services) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", "DRY_RUN");
        status.put("vpcId", services.get(0).vpcId());
        status.put("recoverServices", recovery.recoverServices());
        List<Map<String, Object>> listed = new ArrayList<>();
        for (FollowUpRequests.WouldRecover service : services) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("clusterArn", service.clusterArn());
            item.put("serviceName", service.serviceName());
            item.put("command", RecoveryCommands.forceNewDeployment(service.clusterArn(), service.serviceName()));
            listed.add(item);
        }
        status.put("wouldRecover", listed);
        return status;
    }

    private Map<String, Object> notify(Optional<String> key, Map<String, Object> report, Instant now,
                                       Optional<IncidentLedger.Session> session) {
        Map<String, Object> status = new LinkedHashMap<>();
        if (key.isEmpty()) {
            status.put("status", "NOT_NEEDED");
        } else if (notifier.isEmpty()) {
            status.put("status", "NOT_CONFIGURED");
        } else {
            Optional<Instant> sent = recent.sentWithinWindow(key.get(), now);
            IncidentLedger.Claim claim = sent.isPresent() || session.isEmpty() ? new IncidentLedger.Claim.Claimed()
                    : session.get().claim(key.get(), now, RecentNotices.WINDOW);
            if (claim instanceof IncidentLedger.Claim.Told told) {
                sent = Optional.of(told.at());
                recent.sent(key.get(), told.at());
            }
            if (sent.isPresent()) {
                status.put("status", "ALREADY_SENT");
                status.put("sentAt", sent.get().toString());
                return status;
            }
            try {
                Readable readable = Readables.of(report);
                String id = notifier.get().publish(new Notice(readable.subject(), ReportText.render(readable),
                        ChatNotification.json(readable), readable.labels()));
                recent.sent(key.get(), now);
                status.put("status", "SENT");
                status.put("messageId", id);
            } catch (RuntimeException refused) {
                // Not remembered: the next event of a storm tries again.
                if (claim instanceof IncidentLedger.Claim.Claimed) {
                    session.ifPresent(s -> s.release(key.get(), now));
                }
                status.put("status", "FAILED");
                status.put("error", String.valueOf(refused.getMessage()));
            }
        }
        return status;
    }
}
