package io.rectification.reporting.notice;

import io.rectification.reporting.people.People;
import io.rectification.reporting.people.Person;
import io.rectification.reporting.support.ReportingConfig;
import io.rectification.reporting.support.Sql;
import io.rectification.reporting.todo.TodoConfig;
import io.rectification.reporting.todo.TodoQueries;
import io.rectification.reporting.todo.TodoViews.TodoList;
import io.rectification.reporting.todo.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * 每日待办摘要: from {@code notices.digest.at} (08:30) in the organisation's zone, each person with
 * to-dos and the digest on gets one mail for that day, whichever instance or run gets there first
 * (cause {@code DIGEST|yyyy-MM-dd}, unique per person). A service down at 08:30 sends the day's
 * digest when it comes back that day; a day missed entirely is not sent late.
 *
 * <p>The digest lists the to-dos as the read models have them when it is written, so it is written
 * only once they have applied what the topics hold ({@link ReadModelsCaughtUp}), checked at the
 * first run of each day (a run of a new day, or of a restarted service): after a restart past 08:30
 * the events produced while it was down are applied first (a digest written at once missed the
 * day's later to-dos, finding 13 of the consistency review). Once caught up it goes out; a to-do
 * arising later that day is in the 待办 list and its immediate notice at once, and in the next
 * day's digest.
 */
@ApplicationScoped
public class DailyDigest {

    private final Sql sql;
    private final People people;
    private final TodoQueries todos;
    private final NoticePreferences preferences;
    private final NoticeConfig config;
    private final DigestText text;
    private final Clock clock;
    private final ZoneId zone;
    private final ReadModelsCaughtUp readModels;
    /** The day whose digest this instance found the read models caught up for; checked again for each new day. */
    private volatile LocalDate caughtUpOn;

    public DailyDigest(Sql sql, People people, TodoQueries todos, NoticePreferences preferences, NoticeConfig config,
                       TodoConfig todoConfig, Clock clock, ReportingConfig reporting, ReadModelsCaughtUp readModels) {
        this.readModels = readModels;
        this.sql = sql;
        this.people = people;
        this.todos = todos;
        this.preferences = preferences;
        this.config = config;
        this.text = new DigestText(config.consoleUrl(), todoConfig.consolePath());
        this.clock = clock;
        this.zone = reporting.zone();
    }

    /** Queues the digests due now (by the injected clock); returns how many were queued. */
    @Transactional
    public int run() {
        ZonedDateTime now = clock.instant().atZone(zone);
        if (!config.digest().enabled() || now.toLocalTime().isBefore(config.digest().at())) {
            return 0;
        }
        LocalDate day = now.toLocalDate();
        if (!day.equals(caughtUpOn)) {
            if (!readModels.caughtUp()) {
                return 0; // tried again at the next tick
            }
            caughtUpOn = day;
        }
        String cause = "DIGEST|" + day;
        // which inspection each line is of, for a reader with to-dos of several (DigestText)
        Map<UUID, String> inspections = new HashMap<>();
        sql.query("SELECT id, title FROM rm_inspection", row -> new Object[] {row.getObject(1, UUID.class), row.getString(2)})
                .forEach(row -> inspections.put((UUID) row[0], (String) row[1]));
        int queued = 0;
        for (Person person : people.everyone()) {
            if (person.email() == null || person.email().isBlank() || !preferences.of(person.username()).digest()) {
                continue;
            }
            Boolean sent = sql.one("SELECT true FROM notice_mail WHERE cause_key = ? AND recipient = ?",
                    row -> row.getBoolean(1), cause, person.username());
            if (sent != null) {
                continue;
            }
            TodoList list = todos.forViewer(Viewer.of(person), now.toOffsetDateTime());
            if (list.count() == 0) {
                continue;
            }
            queued += sql.update("""
                    INSERT INTO notice_mail (cause_key, recipient, address, kind, subject, body, state, next_attempt_at,
                                             created_at)
                    VALUES (?, ?, ?, 'DIGEST', ?, ?, 'PENDING', now(), now())
                    ON CONFLICT ON CONSTRAINT notice_mail_once DO NOTHING""",
                    cause, person.username(), person.email(), DigestText.subject(day, list), text.body(person.displayName(), day, list, inspections));
        }
        return queued;
    }
}
