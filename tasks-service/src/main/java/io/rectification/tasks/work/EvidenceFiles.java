package io.rectification.tasks.work;

import io.rectification.tasks.task.LifecycleRule;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskEvents;
import io.rectification.tasks.task.TaskGuard;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.table.XlsxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Evidence files: only the kinds a ledger, document or minutes come as, checked by their first
 * bytes as well as their declared type (a renamed executable is refused), and no larger than
 * {@code tasks.evidence.max-file-bytes}.
 */
@ApplicationScoped
@Transactional
public class EvidenceFiles {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    /** Declared type → the bytes such a file starts with. */
    static final Map<String, byte[]> ALLOWED = Map.of(
            "application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII),
            "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'},
            "image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            DOCX, ZIP,
            XlsxWriter.MEDIA_TYPE, ZIP,
            "application/ofd", ZIP);

    private final TaskGuard guard;
    private final TaskEvents events;
    private final long maxBytes;
    private final Clock clock;

    public EvidenceFiles(TaskGuard guard, TaskEvents events, Clock clock,
                         @ConfigProperty(name = "tasks.evidence.max-file-bytes", defaultValue = "5242880") long maxBytes) {
        this.guard = guard;
        this.clock = clock;
        this.events = events;
        this.maxBytes = maxBytes;
    }

    /** Attaches or replaces the file: a task command like any other, guarded by {@link TaskGuard}. */
    public EvidenceFileView attach(UUID taskId, UUID evidenceId, Long expectedVersion, String contentType,
                                      String filename, byte[] content) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.EVIDENCE_OPEN);
        Evidence evidence = EvidenceEntries.require(taskId, evidenceId);
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase();
        byte[] magic = ALLOWED.get(type);
        if (magic == null) {
            throw new ApiException(415, "Unsupported media type", "evidence files may be "
                    + String.join(", ", ALLOWED.keySet().stream().sorted().toList()))
                    .with("allowedContentTypes", ALLOWED.keySet().stream().sorted().toList());
        }
        if (content.length == 0) {
            throw ApiException.badRequest("body", "the file is empty");
        }
        if (content.length > maxBytes) {
            throw new ApiException(413, "Too large", "the file has " + content.length + " bytes; at most "
                    + maxBytes + " are accepted").with("maxBytes", maxBytes);
        }
        if (content.length < magic.length || !Arrays.equals(Arrays.copyOf(content, magic.length), magic)) {
            throw ApiException.badRequest("Content-Type", "the file's content is not " + type);
        }
        if (filename == null || filename.isBlank() || filename.length() > 255 || filename.matches(".*[/\\\\\\x00-\\x1f].*")) {
            throw ApiException.badRequest("filename", "give a plain file name of 1 to 255 characters");
        }
        EvidenceFile file = EvidenceFile.<EvidenceFile>findByIdOptional(evidence.id).orElseGet(EvidenceFile::new);
        boolean isNew = file.evidenceId == null;
        file.evidenceId = evidence.id;
        file.contentType = type;
        file.filename = filename.strip();
        file.size = content.length;
        file.sha256 = sha256(content);
        file.content = content;
        file.uploadedAt = OffsetDateTime.now(clock);
        if (isNew) {
            file.persist();
        }
        EvidenceFileView view = EvidenceFileView.of(file);
        events.publishEvidenceFile(task, new AttachedFile(evidence.id, view));
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EvidenceFile requireFile(UUID taskId, UUID evidenceId) {
        Evidence evidence = EvidenceEntries.require(taskId, evidenceId);
        return EvidenceFile.<EvidenceFile>findByIdOptional(evidence.id)
                .orElseThrow(() -> ApiException.notFound("file of evidence", evidenceId));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
