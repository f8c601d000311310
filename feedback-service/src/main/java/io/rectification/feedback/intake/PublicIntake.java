package io.rectification.feedback.intake;

import io.rectification.feedback.language.Language;
import io.rectification.feedback.language.Messages;
import io.rectification.feedback.language.PublicProblems;
import io.rectification.feedback.feedback.FeedbackChannel;
import io.rectification.feedback.feedback.ReplyDeadlines;
import io.rectification.feedback.feedback.TrackingCodes;
import io.rectification.feedback.personal.PersonalDataCipher;
import io.rectification.feedback.personal.Pseudonym;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.events.EventTracing;
import io.rectification.platform.events.OwnConnection;
import io.rectification.platform.ids.TimeOrderedIds;
import io.rectification.platform.text.OptionalText;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Public submissions (web form and Open311), the lean path: no entities, no request transaction.
 * A submission is read, checked and sealed on the request's thread, then queued for the
 * {@link GroupCommit} writer, whose batch ({@link SubmissionBatch}) counts the clients' limits,
 * checks publications and duplicates in one query and writes the feedback, history and outbox
 * rows of many submissions in one statement. The answer (201 with the tracking code) comes after
 * that statement's commit.
 */
@ApplicationScoped
public class PublicIntake {

    static final String PUBLIC_ACTOR = "public";
    /** The writers' connections say who they are (pg_stat_activity's application_name). */
    public static final String WRITER_NAME = "feedback-intake-writer";

    @ConfigMapping(prefix = "feedback.intake")
    public interface Batching {
        /**
         * Writers, each with its connection; a client's submissions always go to the same one (its
         * duplicates and limit are judged in order). A form's tries from two addresses may go to two
         * writers: caught when the first is committed before the second is judged (a retry after
         * a lost answer), not when both are in flight at once on two writers. One by default: measured on two cores
         * (docs/benchmarks.md), one writer's batches were 2-5 times larger than four writers', and
         * PostgreSQL's CPU per submission a third; more only pays with cores to spare.
         */
        @WithDefault("1")
        int writers();

        /** How long the writer waits for more submissions once it has some (it never waits while busy). */
        @WithDefault("PT0.001S")
        Duration linger();

        /** The most submissions in one transaction. */
        @WithDefault("256")
        int maxBatch();

        /** Submissions waiting beyond this are answered 503 at once. */
        @WithDefault("10000")
        int maxQueued();
    }

    private final Clock clock;
    private final PersonalDataCipher cipher;
    private final ReplyDeadlines deadlines;
    private final RateLimiter rateLimiter;
    private final GroupCommit<PublicSubmission, Receipt> writer;
    private final EventTracing tracing;

    public PublicIntake(Clock clock, PersonalDataCipher cipher, ReplyDeadlines deadlines, RateLimiter rateLimiter,
                        SubmissionBatch batch, Batching batching, EventTracing tracing,
                        @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                        @ConfigProperty(name = "quarkus.datasource.username") String username,
                        @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.clock = clock;
        this.cipher = cipher;
        this.deadlines = deadlines;
        this.rateLimiter = rateLimiter;
        this.tracing = tracing;
        this.writer = new GroupCommit<>(WRITER_NAME, batching.writers(), () -> connect(jdbcUrl, username, password),
                batch, PublicSubmission::clientKey, submission -> RetryLater.notStored(submission.language()),
                batching.linger(), batching.maxBatch(), batching.maxQueued());
    }

    @PreDestroy
    void stop() {
        writer.stop();
    }

    /**
     * Submits what {@code read} gives (it may refuse by throwing a problem: a malformed body, a
     * bad api_key) for {@code client}, answering in {@code language}. Completes with the receipt
     * once stored, or fails with the refusal (a {@link ApiException}).
     */
    public CompletableFuture<Receipt> submit(String client, Language language, Supplier<PublicRequest> read) {
        return submitAs(rateLimiter.client(client), language, read);
    }

    /**
     * As {@link #submit}, for an integration client whose api_key was verified: counted towards
     * its own limit (by its name), not its address's.
     */
    public CompletableFuture<Receipt> submitForIntegration(String apiClient, Language language,
                                                           Supplier<PublicRequest> read) {
        return submitAs(rateLimiter.integrationClient(apiClient), language, read);
    }

    private CompletableFuture<Receipt> submitAs(Pseudonym client, Language language, Supplier<PublicRequest> read) {
        PublicSubmission submission;
        try {
            submission = new PublicSubmission(client, language, null, prepare(read.get(), language),
                    tracing.currentTraceparent());
        } catch (ApiException refusal) {
            submission = PublicSubmission.refused(client, language, refusal);
        }
        return writer.submit(submission);
    }

    private PublicSubmission.NewFeedback prepare(PublicRequest request, Language language) {
        PublicFeedbackInput input = request.input();
        if (input == null) {
            throw PublicProblems.invalid(language, List.of(new ErrorBody.FieldError("", Messages.get(language, "body.missing"))));
        }
        List<ErrorBody.FieldError> errors = new TextChecks(language)
                .mustBeEmpty("website", input.website())
                .required("text", input.text(), FeedbackIntakeService.MAX_TEXT, true)
                .contactDetails(input.name(), input.phone(), input.email(), input.address())
                .matches(SubmissionKey.FIELD, input.submissionKey(), SubmissionKey::valid, "field.submissionKey")
                .errors();
        if (!errors.isEmpty()) {
            throw PublicProblems.invalid(language, errors);
        }
        String name = OptionalText.of(input.name());
        String phone = OptionalText.of(input.phone());
        String email = OptionalText.of(input.email());
        String address = OptionalText.of(input.address());
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String detail = request.channel() == FeedbackChannel.WEB ? "received on the web form"
                : "received through the public API" + (request.apiClient() == null ? "" : " from " + request.apiClient());
        return new PublicSubmission.NewFeedback(TimeOrderedIds.at(now.toInstant()), request.publicationId(), TrackingCodes.next(),
                request.channel(), request.category(), input.text(),
                name == null && phone == null && email == null && address == null,
                cipher.seal("name", name), cipher.seal("phone", phone), cipher.seal("email", email),
                cipher.seal("address", address), input.areaId(), input.taskId(), request.apiClient(),
                TextFingerprint.of(input.text()), submitterKey(request, name, phone, email), now,
                now.plusDays(deadlines.daysFor(request.category())), now,
                detail + " (" + request.channel() + ")");
    }

    /**
     * What tells this submitter's duplicates from someone else's identical text: the form's key, or for
     * an integration client the caller it relays ({@link RelayedSubmitter}); null for a form without one.
     */
    private Pseudonym submitterKey(PublicRequest request, String name, String phone, String email) {
        return request.apiClient() != null ? RelayedSubmitter.pseudonym(cipher, request.apiClient(), name, phone, email)
                : SubmissionKey.pseudonym(cipher, request.input().submissionKey());
    }

    private static Connection connect(String jdbcUrl, String username, Optional<String> password) {
        try {
            Connection connection = OwnConnection.open(jdbcUrl, username, password, WRITER_NAME, Map.of(
                    // The server's error detail may quote a row's values, which are what the public wrote.
                    "logServerErrorDetail", "false",
                    // The batch's two statements are the same text every time, with arrays for the rows:
                    // prepared on the server at once and planned once (a custom plan per batch cost more
                    // than running it).
                    "prepareThreshold", "1",
                    "options", "-c plan_cache_mode=force_generic_plan"));
            // One transaction per batch, committed by SubmissionBatch.
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("the intake writer cannot connect to PostgreSQL: " + e.getMessage(), e);
        }
    }
}
