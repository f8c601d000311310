package io.rectification.reporting.report;

import io.rectification.reporting.support.KnownInspections;
import io.quarkus.panache.common.Sort;
import io.rectification.platform.audit.AuditTrail;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The public report: a draft (texts no event carries) rendered live from the read models, and
 * publication, which freezes the rendering as the next numbered version.
 */
@ApplicationScoped
@Transactional
public class ReportService {

    public enum Format { HTML, MARKDOWN }

    static final String DRAFT = "ReportDraft";

    private final ReportAssembler assembler;
    private final KnownInspections inspections;
    private final AuditTrail audit;
    private final ReportPdf pdf;
    private final LaidOutPdfs laidOutPdfs;

    private final Clock clock;

    private final int versionsPerDay;

    public ReportService(ReportAssembler assembler, KnownInspections inspections, AuditTrail audit, ReportPdf pdf,
                         LaidOutPdfs laidOutPdfs, Clock clock,
                         @ConfigProperty(name = "reporting.report.versions-per-day", defaultValue = "10") int versionsPerDay) {
        this.inspections = inspections;
        this.clock = clock;
        this.versionsPerDay = versionsPerDay;
        this.assembler = assembler;
        this.audit = audit;
        this.pdf = pdf;
        this.laidOutPdfs = laidOutPdfs;
    }

    /**
     * Saves the draft. Once it exists a save must name the version it was based on (If-Match: 428
     * without, 412 when someone saved meanwhile), so two clerks never overwrite each other; the first
     * save creates it and must not name one.
     */
    public ReportViews.Draft saveDraft(UUID inspectionId, String ifMatch, ReportDraftInput input, String actor) {
        ReportDraft draft = ReportDraft.findById(inspectionId);
        boolean creating = draft == null;
        if (creating) {
            if (Versions.optional(ifMatch) != null) {
                throw new ApiException(412, "Precondition failed", "the report draft of inspection " + inspectionId
                        + " does not exist (any more); save without If-Match to create it");
            }
            draft = new ReportDraft();
            draft.inspectionId = inspectionId;
        } else {
            Versions.require(ifMatch, draft.version, "the report draft of inspection " + inspectionId);
        }
        draft.leadershipResponsibility = input.leadershipResponsibility();
        draft.nextSteps = input.nextSteps();
        draft.issuer = input.issuer();
        draft.issuedOn = input.issuedOn();
        if (input.publicationId() != null && !assembler.publicationOf(inspectionId, input.publicationId())) {
            throw ApiException.badRequest("publicationId", "no publication " + input.publicationId()
                    + " of inspection " + inspectionId + " is known here (yet: a new one arrives within seconds)");
        }
        draft.publicationId = input.publicationId();
        draft.includeOtherSources = Boolean.TRUE.equals(input.includeOtherSources());
        draft.totalsExplanation = input.totalsExplanation();
        draft.updatedBy = actor;
        draft.updatedAt = OffsetDateTime.now(clock);
        draft.persist();
        flush(draft, creating);
        ReportViews.Draft view = ReportViews.Draft.of(draft);
        audit.recordChange(actor, "ReportDraftSaved", DRAFT, inspectionId.toString(), view);
        return view;
    }

    /** Writes now, so the view carries the new version and a lost race is 412 here rather than at commit. */
    private static void flush(ReportDraft draft, boolean creating) {
        try {
            ReportDraft.flush();
        } catch (ConstraintViolationException e) {
            if (!creating) {
                throw e;
            }
            // Two first saves at once: the other one's row is in; this one was based on nothing.
            throw new ApiException(412, "Precondition failed", "the report draft of inspection " + draft.inspectionId
                    + " was created by someone else meanwhile; reload and retry");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReportViews.Draft> findDraft(UUID inspectionId) {
        return ReportDraft.<ReportDraft>findByIdOptional(inspectionId).map(ReportViews.Draft::of);
    }

    /**
     * A preview and the version of the draft it was rendered from (null before the first save): what
     * the person who read it names in If-Match to publish it.
     */
    public record Preview<T>(T body, Long draftVersion) {
    }

    /** The report as it would be published now, with what would stop that shown as warnings under the title. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview<String> preview(UUID inspectionId, Format format) {
        ReportDraft draft = ReportDraft.findById(inspectionId);
        ReportDocument document = requireDocument(inspectionId, draft);
        List<ReportViews.Warning> warnings = ReportViews.Warning.of(ReportChecks.incomplete(draft),
                ReportChecks.disagreements(document));
        return new Preview<>(format == Format.HTML ? ReportPage.html(document, warnings)
                : ReportRenderer.markdown(document, warnings), draft == null ? null : draft.version);
    }

    /**
     * The same warnings as data: the parts the draft lacks and the figures that disagree; and, as notices,
     * the numbers of section 二 that changed since the version in force.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportViews.Checks checks(UUID inspectionId) {
        ReportDraft draft = ReportDraft.findById(inspectionId);
        ReportDocument document = requireDocument(inspectionId, draft);
        ReportVersion inForce = lastVersion(inspectionId);
        List<ReportChecks.Finding> notices = inForce == null ? List.of()
                : ReportChecks.renumbered(inForce.number, PublicNumbers.ofStored(inForce.publicNumbering),
                PublicNumbers.of(document), assembler.cancelled(inspectionId));
        return ReportViews.Checks.of(ReportChecks.incomplete(draft), ReportChecks.disagreements(document), notices);
    }

    private static ReportVersion lastVersion(UUID inspectionId) {
        return ReportVersion.<ReportVersion>find("inspectionId", Sort.descending("number"), inspectionId).firstResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview<byte[]> previewPdf(UUID inspectionId) {
        Preview<String> html = preview(inspectionId, Format.HTML);
        return new Preview<>(laidOutPdfs.of(html.body(), () -> pdf.render(html.body())), html.draftVersion());
    }

    /**
     * Renders the current state and stores it as the next version; what is stored is never changed.
     * Once the draft exists, {@code ifMatch} must name the version of it that was reviewed (428
     * without, 412 when it was saved since): a colleague's later save is published only by someone
     * who read it (integrity review M2). The draft is read FOR SHARE, so a save cannot slip in
     * between this check and the rendering; it waits until the version is stored.
     */
    public ReportViews.Version publish(UUID inspectionId, String ifMatch, String actor) {
        ReportDraft draft = ReportDraft.findById(inspectionId, LockModeType.PESSIMISTIC_READ);
        if (draft != null) {
            Versions.require(ifMatch, draft.version, "the report draft of inspection " + inspectionId);
        }
        List<ErrorBody.FieldError> missing = ReportChecks.Finding.errors(ReportChecks.incomplete(draft));
        if (!missing.isEmpty()) {
            throw new ApiException(409, "Draft incomplete",
                    "the report cannot be published before its draft is complete (PUT /reports/"
                            + inspectionId + "/draft)", missing);
        }
        ReportDocument document = requireDocument(inspectionId, draft);
        if (document.disclosure() == null) {
            throw new ApiException(409, "Draft incomplete", "the draft's publication " + draft.publicationId
                    + " is not one of inspection " + inspectionId, List.of(new ErrorBody.FieldError("publicationId",
                    "names no publication of this inspection")));
        }
        List<ErrorBody.FieldError> disagreements = ReportChecks.Finding.errors(ReportChecks.disagreements(document));
        if (!disagreements.isEmpty()) {
            throw new ApiException(409, "Report checks failed", disagreements.size()
                    + " finding(s) stop publication: the report would contradict the plan's declared totals, "
                    + "the ledger or its own date; GET checks lists them and the preview shows the same warnings",
                    disagreements);
        }
        // Serialises publishers of one inspection: numbers are consecutive, and the unique key is the backstop.
        ReportDraft.getEntityManager().createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked")
                .setParameter(1, inspectionId.toString()).getSingleResult();
        ReportVersion last = lastVersion(inspectionId);
        ReportVersion version = new ReportVersion();
        version.id = UUID.randomUUID();
        version.inspectionId = inspectionId;
        version.number = last == null ? 1 : last.number + 1;
        version.publishedAt = OffsetDateTime.now(clock);
        version.publishedBy = actor;
        version.publicationId = draft.publicationId;
        version.issuer = draft.issuer;
        version.issuedOn = draft.issuedOn;
        version.keep(document.disclosure());
        version.html = ReportPage.html(document);
        version.markdown = ReportRenderer.markdown(document);
        version.publicNumbering = PublicNumbers.of(document).json();
        refuseNeedless(version, last);
        version.persist();
        // The rendered text is kept in report_version itself; the trail records who published which number.
        audit.recordChange(actor, "ReportPublished", DRAFT, inspectionId.toString(),
                java.util.Map.of("version", version.number, "publishedAt", version.publishedAt,
                        "publicationId", version.publicationId.toString()));
        return ReportViews.Version.of(version);
    }

    /**
     * A public record is not a scratch pad (issue 14, finding 9: thirty versions in a second): a
     * version that reads as the last one does is refused, and so is one past the day's allowance
     * (a day as the clock's zone counts it), with Retry-After until that day ends.
     */
    private void refuseNeedless(ReportVersion next, ReportVersion last) {
        if (last != null && last.markdown.equals(next.markdown) && last.html.equals(next.html)) {
            throw new ApiException(409, "Nothing changed", "version " + last.number
                    + " already reads exactly so; publish again when the draft or the ledger has changed")
                    .with("sameAsVersion", last.number);
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        OffsetDateTime dayStart = now.toLocalDate().atStartOfDay(now.getZone()).toOffsetDateTime();
        long today = ReportVersion.count("inspectionId = ?1 and publishedAt >= ?2", next.inspectionId, dayStart);
        if (today >= versionsPerDay) {
            long untilTomorrow = Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(now.getZone())).toSeconds();
            throw new ApiException(429, "Too many versions", versionsPerDay + " versions of this report were published "
                    + "today already (reporting.report.versions-per-day); the next one can be published tomorrow")
                    .retryAfter(Math.max(1, untilTomorrow));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportViews.Version> listVersions(UUID inspectionId) {
        List<ReportVersion> versions = ReportVersion.list("inspectionId", Sort.ascending("number"), inspectionId);
        // None yet is an empty list for an inspection the service knows; for a mistyped id it is a 404,
        // so a client polling for the first version learns its link is wrong rather than waiting for ever.
        if (versions.isEmpty() && !inspections.knows(inspectionId)) {
            throw ApiException.notFound("inspection", inspectionId);
        }
        return versions.stream().map(ReportViews.Version::of).toList();
    }

    /** A published version's bytes as sent (its text in UTF-8, or its PDF) and when it was published. */
    public record Published(byte[] body, OffsetDateTime publishedAt) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Published renderedVersion(UUID inspectionId, int number, Format format) {
        ReportVersion version = findVersion(inspectionId, number);
        String text = format == Format.HTML ? version.html : version.markdown;
        return new Published(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), version.publishedAt);
    }

    private static ReportVersion findVersion(UUID inspectionId, int number) {
        return ReportVersion.<ReportVersion>find("inspectionId = ?1 and number = ?2", inspectionId, number)
                .firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("report version", number + " of inspection " + inspectionId));
    }

    /** The PDF of a published version is laid out from the HTML stored with it, so it shows what was published. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Published versionPdf(UUID inspectionId, int number) {
        ReportVersion version = findVersion(inspectionId, number);
        return new Published(laidOutPdfs.of(version.html, () -> pdf.render(version.html)), version.publishedAt);
    }

    private ReportDocument requireDocument(UUID inspectionId, ReportDraft draft) {
        return assembler.assemble(inspectionId, draft)
                .orElseThrow(() -> ApiException.notFound("inspection", inspectionId));
    }
}
