package io.rectification.tasks.work;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.rest.DownloadName;
import io.rectification.platform.table.XlsxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks of an uploaded file of evidence, whether a task's (台账, document) or a meeting's minutes
 * (会议纪要): only the kinds such records come as, checked by their first bytes as well as their
 * declared type (a renamed executable is refused), no larger than {@code tasks.evidence.max-file-bytes},
 * under a plain file name whose extension is the type's (a PDF saved as x.html would open as a web
 * page on the machine that downloads it); a DOCX, XLSX or OFD must really be one ({@link OfficeDocumentCheck}).
 */
@ApplicationScoped
public class EvidenceContent {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String OFD = "application/ofd";
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    /** What a file of a declared type starts with, and the extensions its name may end in. */
    record Kind(byte[] magic, List<String> extensions) {
        Kind(byte[] magic, String... extensions) {
            this(magic, List.of(extensions));
        }
    }

    static final Map<String, Kind> ALLOWED = Map.of(
            "application/pdf", new Kind("%PDF-".getBytes(StandardCharsets.US_ASCII), "pdf"),
            "image/png", new Kind(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, "png"),
            "image/jpeg", new Kind(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg", "jpeg"),
            DOCX, new Kind(ZIP, "docx"),
            XlsxWriter.MEDIA_TYPE, new Kind(ZIP, "xlsx"),
            OFD, new Kind(ZIP, "ofd"));

    /** A file that passed: its type without parameters, its name without outer blanks, its SHA-256. */
    public record Checked(String contentType, String filename, String sha256) {
    }

    private final long maxBytes;

    public EvidenceContent(@ConfigProperty(name = "tasks.evidence.max-file-bytes", defaultValue = "5242880") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** 415 for a type not allowed, 413 when too large, 400 naming Content-Type, body or filename otherwise. */
    public Checked check(String contentType, String filename, byte[] content) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        Kind kind = ALLOWED.get(type);
        if (kind == null) {
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
        byte[] magic = kind.magic();
        if (content.length < magic.length || !Arrays.equals(Arrays.copyOf(content, magic.length), magic)) {
            throw ApiException.badRequest("Content-Type", "the file's content is not " + type);
        }
        if (filename == null || filename.isBlank() || filename.length() > 255 || filename.matches(".*[/\\\\\\x00-\\x1f].*")) {
            throw ApiException.badRequest("filename", "give a plain file name of 1 to 255 characters");
        }
        String name = filename.strip();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (name.lastIndexOf('.') < 0 || !kind.extensions().contains(extension)) {
            throw ApiException.badRequest("filename", "the name must end in ." + String.join(" or .", kind.extensions())
                    + " for a file of type " + type);
        }
        OfficeDocumentCheck.check(type, name, content);
        return new Checked(type, name, sha256(content));
    }

    /**
     * A stored file as a download under its own name (with an ASCII name beside it for clients that read
     * only that), never sniffed as another type by the browser.
     */
    public static jakarta.ws.rs.core.Response download(String filename, String contentType, byte[] content) {
        return jakarta.ws.rs.core.Response.ok(content, contentType)
                .header(DownloadName.HEADER, DownloadName.stored(filename).attachment())
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
