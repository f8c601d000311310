package io.rectification.reporting.notice;

import io.rectification.platform.time.InstantText;
import io.rectification.reporting.notice.NoticeTexts.Text;
import io.rectification.reporting.support.BoundedHttp;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The outgoing webhook (docs/notices.md): each notice cause is POSTed once to the configured
 * endpoint, as signed JSON ({@link WebhookSignature}) or as a WeCom or DingTalk group robot's message
 * ({@link WebhookFormat}); a call that fails (no answer, not 2xx, or a robot's non-zero errcode)
 * is tried again after a back-off that doubles, and after {@code max-attempts} tries it is DEAD
 * (kept with its last status and error: {@code GET /admin/webhook-dead-letters}). A receiver may
 * see a call twice (a crash after its answer and before ours is recorded): the
 * {@code X-Rectification-Delivery} id lets it drop the second.
 */
@ApplicationScoped
public class WebhookCalls {

    private static final Logger LOG = Logger.getLogger(WebhookCalls.class);
    /** The most of an endpoint's answer read (a robot's is a line of JSON). */
    private static final int ANSWER_BYTES = 64 * 1024;

    private final Sql sql;
    private final NoticeConfig config;
    private final Clock clock;
    private final InstantText instants;
    private final QuietHoursNow quiet;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookCalls(Sql sql, NoticeConfig config, Clock clock, InstantText instants, QuietHoursNow quiet) {
        this.sql = sql;
        this.config = config;
        this.clock = clock;
        this.instants = instants;
        this.quiet = quiet;
    }

    /** A call's body (docs/notices.md); {@code title} and {@code text} a robot (企业微信/钉钉) can show as they are. */
    record Body(String id, NoticeKind kind, String label, String occurredAt, Audience audience, NoticeFacts facts,
                String title, String text) {
    }

    /** Whom the cause's notices reach: the holders of any of the roles, and for a unit's notices of the unit. */
    record Audience(List<String> roles, String unit) {
    }

    /** Queues the call of one cause (within the fan-out's transaction); nothing when no endpoint is set. */
    void enqueue(String key, NoticeKind kind, List<String> roles, String unit, NoticeFacts facts, OffsetDateTime at, Text text) {
        if (config.webhook().url().isEmpty()) {
            return;
        }
        Body body = new Body(key, kind, kind.label(), instants.format(at), new Audience(roles, unit), facts,
                text.subject(), text.body());
        WebhookFormat format = config.webhook().format();
        sql.update("""
                INSERT INTO notice_webhook (cause_key, endpoint, body, format, state, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, 'PENDING', now(), now())
                ON CONFLICT ON CONSTRAINT notice_webhook_once DO NOTHING""",
                key, config.webhook().url().get(), format.payload(body), format.name());
    }

    private record Call(long id, String endpoint, String body, WebhookFormat format, int attempts) {
    }

    /**
     * Makes the calls that are due, one transaction each; returns how many were tried. None in the quiet
     * hours: a robot's message rings a group chat's phones as a mail does (the calls wait, PENDING, and go
     * in the order they were queued when the hours end).
     */
    public int deliverDue(int limit) {
        if (quiet.holding()) {
            return 0;
        }
        int tried = 0;
        while (tried < limit && deliverOne()) {
            tried++;
        }
        return tried;
    }

    @Transactional
    boolean deliverOne() {
        Call call = sql.one("""
                SELECT id, endpoint, body, format, attempts FROM notice_webhook
                WHERE state = 'PENDING' AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT 1
                FOR UPDATE SKIP LOCKED""",
                row -> new Call(row.getLong(1), row.getString(2), row.getString(3), WebhookFormat.valueOf(row.getString(4)),
                        row.getInt(5)));
        if (call == null) {
            return false;
        }
        int attempt = call.attempts() + 1;
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = call.format().request(call.endpoint(), call.body(), config.webhook().secret().orElse(""),
                    clock.millis(), call.id()).timeout(config.webhook().timeout()).build();
            BoundedHttp.Answer answer = BoundedHttp.send(http, request, ANSWER_BYTES);
            status = answer.status();
            error = call.format().refusal(status, answer.body());
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        if (error == null) {
            sql.update("UPDATE notice_webhook SET state = 'DELIVERED', attempts = ?, last_status = ?, last_error = NULL,"
                    + " delivered_at = now() WHERE id = ?", attempt, status, call.id());
        } else if (attempt >= config.webhook().maxAttempts()) {
            LOG.warnf("webhook call %d dead after %d tries: %s", call.id(), attempt, error);
            sql.update("UPDATE notice_webhook SET state = 'DEAD', attempts = ?, last_status = ?, last_error = ? WHERE id = ?",
                    attempt, status, error, call.id());
        } else {
            Duration wait = backoff(attempt);
            sql.update("UPDATE notice_webhook SET attempts = ?, last_status = ?, last_error = ?,"
                            + " next_attempt_at = clock_timestamp() + CAST(? AS interval) WHERE id = ?",
                    attempt, status, error, wait.toMillis() + " milliseconds", call.id());
        }
        return true;
    }

    /** backoff × 2^(attempt−1), at most max-backoff. */
    Duration backoff(int attempt) {
        Duration wait = config.webhook().backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(config.webhook().maxBackoff()) > 0 ? config.webhook().maxBackoff() : wait;
    }

    /** The calls given up, newest first, for an operator. */
    public List<DeadCall> dead(int limit) {
        return sql.query("""
                SELECT id, cause_key, endpoint, attempts, last_status, last_error, created_at FROM notice_webhook
                WHERE state = 'DEAD' ORDER BY id DESC LIMIT ?""",
                row -> new DeadCall(row.getLong(1), row.getString(2), row.getString(3), row.getInt(4),
                        (Integer) row.getObject(5), row.getString(6), row.getObject(7, OffsetDateTime.class)), limit);
    }

    @Schema(requiredProperties = {"id", "causeKey", "endpoint", "attempts", "createdAt"})
    public record DeadCall(long id, String causeKey, String endpoint, int attempts, Integer lastStatus, String lastError,
                           OffsetDateTime createdAt) {
    }
}
