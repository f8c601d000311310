package io.rectification.reporting.report;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.contract.TaskStates;
import io.rectification.platform.text.PublicNumbering;
import io.rectification.platform.text.PublicNumbering.Sibling;
import io.rectification.reporting.report.ReportDocument.Area;
import io.rectification.reporting.report.ReportDocument.OtherProblem;
import io.rectification.reporting.report.ReportDocument.Disclosure;
import io.rectification.reporting.report.ReportDocument.Figures;
import io.rectification.reporting.report.ReportDocument.Measure;
import io.rectification.reporting.report.ReportDocument.Preamble;
import io.rectification.reporting.report.ReportDocument.ProblemItem;
import io.rectification.reporting.support.InspectionFindings;
import io.rectification.reporting.support.Sql;
import io.rectification.reporting.support.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Gathers a report from the read models and the draft. Tasks are placed under their problem and the
 * inspection's findings under their area, in number order, and each area, finding and measure is numbered
 * by its place among those shown ({@link PublicNumbering}), not by its ledger number, so that nothing
 * cancelled leaves a gap in （一）（二）, 1. 2. or 一是、二是; problems from other sources are kept apart
 * (and shown only when the draft asks). A task whose problem (or a problem whose area) has not arrived
 * yet cannot be placed and is left out until it does. Every figure is counted here, from the same rows,
 * the standing ones: a task, problem or area cancelled (撤销, entered by mistake) is in no part of it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportAssembler {

    private static final FeedbackEvent.Channels NO_CHANNELS = new FeedbackEvent.Channels(null, null, null, null, null);

    private final Sql sql;
    private final PublicSite site;
    private final AccountabilityQueries accountability;

    public ReportAssembler(Sql sql, PublicSite site, AccountabilityQueries accountability) {
        this.sql = sql;
        this.site = site;
        this.accountability = accountability;
    }

    public Optional<ReportDocument> assemble(UUID inspectionId, ReportDraft draft) {
        Preamble preamble = sql.one("""
                        SELECT team, inspected_organisation, kind, on_site_from, on_site_to, feedback_date, title
                        FROM rm_inspection WHERE id = ?""",
                row -> new Preamble(row.getString(1), row.getString(2), row.getString(3),
                        row.getObject(4, LocalDate.class), row.getObject(5, LocalDate.class),
                        row.getObject(6, LocalDate.class)), inspectionId);
        if (preamble == null) {
            return Optional.empty();
        }
        DeclaredTotals declared = DeclaredTotals.ofStored(
                sql.one("SELECT data FROM rm_inspection WHERE id = ?", row -> row.getString(1), inspectionId));
        Map<UUID, List<Sibling<Measure>>> measuresByProblem = new LinkedHashMap<>();
        Map<UUID, Integer> verifiedByProblem = new LinkedHashMap<>();
        sql.query("""
                        SELECT problem_id, number, title, measures, progress_narrative, data, state, id, percent_complete
                        FROM rm_task WHERE inspection_id = ? AND problem_id IS NOT NULL AND %s
                        ORDER BY number NULLS LAST, id""".formatted(Standing.sql("rm_task")),
                row -> {
                    UUID problemId = row.getObject(1, UUID.class);
                    String state = row.getString(7);
                    if (TaskStates.isClosed(state)) {
                        verifiedByProblem.merge(problemId, 1, Integer::sum);
                    }
                    String narrative = row.getString(5);
                    boolean narrated = narrative != null && !narrative.isBlank();
                    UUID taskId = row.getObject(8, UUID.class);
                    String title = row.getString(3);
                    String text = narrated ? narrative : row.getString(4);
                    List<Figure> figures = PublishedFigures.ofStored(row.getString(6));
                    int percent = number(row.getObject(9));
                    return measuresByProblem.computeIfAbsent(problemId, k -> new ArrayList<>())
                            .add(new Sibling<>((Integer) row.getObject(2), n -> new Measure(taskId, n, title, text,
                                    narrated ? "progressNarrative" : "measures", figures, state, percent)));
                }, inspectionId);
        Map<UUID, Accountability.Figures> accountabilityByProblem = accountability.byProblem(inspectionId);
        Map<UUID, List<Sibling<ProblemItem>>> findingsByArea = new LinkedHashMap<>();
        Map<UUID, Integer> otherByArea = new LinkedHashMap<>();
        List<OtherProblem> others = new ArrayList<>();
        int[] counts = {0, 0, 0}; // problems, tasks, verified tasks: the inspection's findings only
        sql.query("""
                        SELECT p.id, p.area_id, p.number, p.title, p.source, e.title FROM rm_problem p
                        LEFT JOIN rm_problem e ON e.id = CAST(p.data->>'extendsProblemId' AS uuid)
                        WHERE p.inspection_id = ? AND p.area_id IS NOT NULL AND %s
                        ORDER BY array_position(ARRAY['ANALOGY', 'SELF_FOUND', 'LOOK_BACK', 'FEEDBACK'], p.source)
                                     NULLS FIRST,
                                 p.number NULLS LAST, p.id""".formatted(Standing.sql("p")),
                row -> {
                    UUID problemId = row.getObject(1, UUID.class);
                    UUID areaId = row.getObject(2, UUID.class);
                    String source = row.getString(5);
                    List<Measure> measures = PublicNumbering.numbered(measuresByProblem.getOrDefault(problemId, List.of()));
                    if (InspectionFindings.isFinding(source)) {
                        counts[0]++;
                        counts[1] += measures.size();
                        counts[2] += verifiedByProblem.getOrDefault(problemId, 0);
                        String title = row.getString(4);
                        Accountability.Figures accountable =
                                accountabilityByProblem.getOrDefault(problemId, Accountability.Figures.NONE);
                        return findingsByArea.computeIfAbsent(areaId, k -> new ArrayList<>())
                                .add(new Sibling<>((Integer) row.getObject(3),
                                        n -> new ProblemItem(problemId, n, title, measures, accountable)));
                    }
                    otherByArea.merge(areaId, 1, Integer::sum);
                    return others.add(new OtherProblem(source, row.getString(4), row.getString(6), measures));
                }, inspectionId);
        // An area holding only problems from other sources (such as the one escalated feedback lands in)
        // is not one of the inspection's: it never becomes a "(六)" of section 二.
        List<Sibling<Area>> shownAreas = new ArrayList<>();
        sql.query("SELECT id, number, title FROM rm_area WHERE inspection_id = ? AND " + Standing.sql("rm_area")
                        + " ORDER BY number NULLS LAST, id",
                row -> {
                    UUID areaId = row.getObject(1, UUID.class);
                    List<ProblemItem> findings = PublicNumbering.numbered(findingsByArea.getOrDefault(areaId, List.of()));
                    String title = row.getString(3);
                    return findings.isEmpty() && otherByArea.containsKey(areaId) ? false
                            : shownAreas.add(new Sibling<>((Integer) row.getObject(2), n -> new Area(areaId, n, title, findings)));
                }, inspectionId);
        List<Area> areas = PublicNumbering.numbered(shownAreas);
        String title = sql.one("SELECT title FROM rm_inspection WHERE id = ?", row -> row.getString(1), inspectionId);
        boolean includeOthers = draft != null && draft.includeOtherSources;
        Disclosure disclosure = draft == null ? null : disclosure(inspectionId, draft.publicationId);
        // The form is the one of the publication that closes the report: only once the draft names one.
        ReportDocument.Links links = disclosure == null ? null : new ReportDocument.Links(
                site.feedbackForm(draft.publicationId), site.progressPage(inspectionId), site.absolute());
        return Optional.of(new ReportDocument(title, preamble, accountability.leadingGroup(inspectionId).orElse(null),
                paragraphs(draft == null ? null : draft.leadershipResponsibility), accountability.total(inspectionId),
                new Figures(areas.size(), counts[0], counts[1], counts[2]), declared,
                paragraphs(draft == null ? null : draft.totalsExplanation), areas,
                includeOthers ? others : List.of(),
                paragraphs(draft == null ? null : draft.nextSteps),
                disclosure, draft == null ? null : draft.issuer, draft == null ? null : draft.issuedOn, links));
    }

    /** Whether the publication is one of this inspection's, as the read model knows it. */
    public boolean publicationOf(UUID inspectionId, UUID publicationId) {
        return sql.one("SELECT 1 FROM rm_publication WHERE id = ? AND inspection_id = ?", row -> true,
                publicationId, inspectionId) != null;
    }

    /** The areas, problems and tasks of the inspection the office cancelled (撤销). */
    public Set<UUID> cancelled(UUID inspectionId) {
        Set<UUID> cancelled = new HashSet<>();
        sql.query("""
                        SELECT id FROM rm_area WHERE inspection_id = ? AND cancelled_at IS NOT NULL
                        UNION ALL SELECT id FROM rm_problem WHERE inspection_id = ? AND cancelled_at IS NOT NULL
                        UNION ALL SELECT id FROM rm_task WHERE inspection_id = ? AND cancelled_at IS NOT NULL""",
                row -> cancelled.add(row.getObject(1, UUID.class)), inspectionId, inspectionId, inspectionId);
        return cancelled;
    }

    /** The window of the draft's publication, as days in its own zone, and its contact channels. */
    private Disclosure disclosure(UUID inspectionId, UUID publicationId) {
        if (publicationId == null) {
            return null;
        }
        return sql.one("""
                        SELECT window_start, window_end, time_zone, channels FROM rm_publication
                        WHERE id = ? AND inspection_id = ?""",
                row -> {
                    ZoneId zone = zone(row.getString(3));
                    OffsetDateTime start = row.getObject(1, OffsetDateTime.class);
                    OffsetDateTime end = row.getObject(2, OffsetDateTime.class);
                    FeedbackEvent.Channels channels = Objects.requireNonNullElse(
                            EventContract.fromJson(row.getString(4), FeedbackEvent.Channels.class), NO_CHANNELS);
                    return new Disclosure(start == null ? null : start.atZoneSameInstant(zone).toLocalDate(),
                            end == null ? null : end.atZoneSameInstant(zone).toLocalDate(),
                            channels.phone(), channels.phoneHours(), channels.postalAddress(), channels.postalCode(),
                            channels.email());
                }, publicationId, inspectionId);
    }

    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static ZoneId zone(String name) {
        try {
            return name == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(name);
        } catch (RuntimeException e) {
            return ZoneId.of("Asia/Shanghai");
        }
    }
}
