package io.rectification.reporting.report;

import io.rectification.platform.contract.TaskStates;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The public rectification report (整改情况公布) as data, in the notice's structure; only members
 * meant for the public: no responsible persons, no reporters, nothing from the public.
 */
public record ReportDocument(String title, Preamble preamble, Accountability.LeadingGroup leadingGroup,
                             List<String> leadershipResponsibility, Accountability.Figures accountability,
                             Figures figures, DeclaredTotals declared, List<String> totalsExplanation, List<Area> areas,
                             List<OtherProblem> otherSources, List<String> nextSteps, Disclosure disclosure,
                             String issuer, LocalDate issuedOn, Links links) {

    /**
     * The figures section 二 states as "巡视反馈意见指出的…": the plan's declared totals where it
     * declares them, else what the ledger lists.
     */
    public Figures stated() {
        return new Figures(or(declared.areas(), figures.areas()), or(declared.problems(), figures.problems()),
                or(declared.tasks(), figures.tasks()), figures.verifiedTasks());
    }

    /** Whether the stated figures are those of the ledger, so section 二 needs one sentence, not two. */
    public boolean statesTheLedger() {
        Figures stated = stated();
        return stated.areas() == figures.areas() && stated.problems() == figures.problems()
                && stated.tasks() == figures.tasks();
    }

    private static int or(Integer declared, int ledger) {
        return declared == null ? ledger : declared;
    }

    public record Preamble(String team, String inspectedOrganisation, String inspectionKind, LocalDate onSiteFrom,
                           LocalDate onSiteTo, LocalDate feedbackDate) {
    }

    /** What the ledger lists as the inspection's own findings (source PLAN) and their tasks. */
    public record Figures(int areas, int problems, int tasks, int verifiedTasks) {
    }

    /**
     * A problem the inspection did not find: the office itself, a look-back review, public feedback, or
     * extending a finding (举一反三; {@code extendsFinding} is that finding's title).
     */
    public record OtherProblem(String source, String title, String extendsFinding, List<Measure> measures) {
    }

    /**
     * {@code number}, here and in a problem and a measure: the number the report prints, its place among
     * those shown ({@link io.rectification.platform.text.PublicNumbering}), not its number in the ledger.
     * {@code id}, here and a problem's {@code problemId}: the ledger's, so a version can keep which number
     * it printed for what ({@link PublicNumbers}).
     */
    public record Area(UUID id, int number, String title, List<ProblemItem> problems) {
    }

    /** {@code accountability}: what was recorded against this problem ({@link Accountability.Figures#NONE} if nothing). */
    public record ProblemItem(UUID problemId, int number, String title, List<Measure> measures,
                              Accountability.Figures accountability) {
    }

    /**
     * One task as the report shows it: 一是 + its title, then what was done, then its figures, then, unless
     * it is closed out, where it stands. {@code textField} is the task's field the text is (its
     * progressNarrative, or its measures while it has none), so a check can name what to edit.
     */
    public record Measure(UUID taskId, int number, String title, String text, String textField, List<Figure> figures,
                          String state, int percentComplete) {

        public boolean closed() {
            return TaskStates.isClosed(state);
        }
    }

    /**
     * Where the public goes on from the report: the feedback form of the report's publication and the
     * inspection's progress page; {@code scannable} when the addresses are absolute, so a QR code of the
     * form can be printed with them.
     */
    public record Links(String feedbackForm, String progressPage, boolean scannable) {
    }

    /** The disclosure window (公开期限) in the publication's zone, and the organisation's contact channels. */
    @Schema(requiredProperties = {"from", "to"})
    public record Disclosure(LocalDate from, LocalDate to, String phone, String phoneHours, String postalAddress,
                             String postalCode, String email) {
    }
}
