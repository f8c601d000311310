package io.rectification.tasks.work;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.table.XlsxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * The checks of an uploaded file of evidence, whether a task's (台账, document) or a meeting's minutes
 * (会议纪要): only the kinds such records come as, checked by their first bytes as well as their
 * declared type (a renamed executable is refused), no larger than {@code tasks.evidence.max-file-bytes},
 * under a plain file name.
 */
@ApplicationScoped
public class EvidenceContent {

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

    /** A file that passed: its type without parameters, its name without outer blanks, its SHA-256. */
    public record Checked(String contentType, String filename, String sha256) {
    }

    private final long maxBytes;

    public EvidenceContent(@ConfigProperty(name = "tasks.evidence.max-file-bytes", defaultValue = "5242880") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** 415 for a type not allowed, 413 when too large, 400 naming Content-Type, body or filename otherwise. */
    public Checked check(String contentType, String filename, byte[] content) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase();
        byte[] magic = ALLOWED.get(type);
        if (magic == null) {
            throw new ApiException(415, "Unsupported media type", "evidence files may be "
                    + String.join(", ", ALLOWED.keySet().stream().sorted().toList()))
                    .with("allowedContentTypes", ALLOWED.keySet().stream().sorted().toList());
        }
        if (content.length == 0) {
            throw ApiException.badRequest(ErrorBody.FieldError.BODY, "the file is empty");
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
        return new Checked(type, filename.strip(), sha256(content));
    }

    /** A stored file as a download under its own name, never sniffed as another type by the browser. */
    public static jakarta.ws.rs.core.Response download(String filename, String contentType, byte[] content) {
        String encoded = java.net.URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return jakarta.ws.rs.core.Response.ok(content, contentType)
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
