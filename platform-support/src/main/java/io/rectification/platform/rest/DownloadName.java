package io.rectification.platform.rest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The name a file is sent under, and its {@code Content-Disposition} header, built one way for every
 * download (lists, the plan, templates, evidence, minutes, report PDFs). RFC 6266 with RFC 5987's
 * {@code filename*}: the name an office files it under, in UTF-8 ({@code 整改任务清单-省委第一巡视组-2026-12-05.xlsx}),
 * and an ASCII name for a client that reads only {@code filename} ({@code task-list-2026-12-05.xlsx}).
 * A character a file system refuses ({@code / \ : * ? " < > |} and control characters) is replaced
 * by {@code _} in both, so the name saves as sent on Windows too.
 */
public record DownloadName(String name, String ascii) {

    /** A download's header, as the OpenAPI documents describe it. */
    public static final String HEADER = "Content-Disposition";
    public static final String HEADER_DESCRIPTION = "attachment; filename=\"<an ASCII name>\"; filename*=UTF-8''<the name "
            + "an office files it under, percent-encoded> (RFC 6266 with RFC 5987; / \\ : * ? \" < > | and control "
            + "characters replaced by _)";

    private static final String UNSAFE = "/\\:*?\"<>|";
    /** RFC 5987 attr-char besides letters and digits: sent as they are in filename*, all else percent-encoded. */
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";
    /** A subject (an inspection's team or title) is cut here, so the name stays well within a file system's 255. */
    private static final int MAX_SUBJECT = 60;

    public DownloadName {
        name = safe(Objects.requireNonNull(name, "name"));
        // a browser may decode %XX in the plain filename as well: it is no escape here
        ascii = safe(Objects.requireNonNull(ascii, "ascii")).replace('%', '_');
        if (name.isEmpty() || ascii.isEmpty() || !ascii.chars().allMatch(c -> c > 0x1f && c < 0x7f)) {
            throw new IllegalArgumentException("a download needs a name and a printable ASCII name: " + name + ", " + ascii);
        }
    }

    /**
     * A generated name: what it is, whose it is and the day it stood on, e.g. 整改任务清单-省委第一巡视组-2026-12-05.xlsx
     * with task-list-2026-12-05.xlsx. A blank subject is left out.
     */
    public static DownloadName dated(String title, String subject, String asciiTitle, LocalDate day, String extension) {
        String who = subject == null || subject.isBlank() ? null : cut(subject.strip());
        String name = Arrays.asList(title, who, day.toString()).stream().filter(Objects::nonNull)
                .collect(Collectors.joining("-"));
        return new DownloadName(name + "." + extension, asciiTitle + "-" + day + "." + extension);
    }

    /**
     * A file's own name (as it was uploaded): the ASCII name keeps its ASCII letters and its
     * extension, and is {@code download.<ext>} when nothing of the rest is ASCII.
     */
    public static DownloadName stored(String name) {
        String safe = safe(name);
        int dot = safe.lastIndexOf('.');
        String stem = dot > 0 ? safe.substring(0, dot) : safe;
        String extension = dot > 0 ? safe.substring(dot) : "";
        String asciiStem = stem.codePoints().mapToObj(c -> c < 0x7f ? Character.toString(c) : "_")
                .collect(Collectors.joining()).replaceAll("_{2,}", "_");
        if (asciiStem.replace("_", "").isBlank()) {
            asciiStem = "download";
        }
        String asciiExtension = extension.chars().allMatch(c -> c < 0x7f) ? extension : "";
        return new DownloadName(safe, asciiStem + asciiExtension);
    }

    /** {@code attachment; filename="…"; filename*=UTF-8''…}: saved, not shown. */
    public String attachment() {
        return header("attachment");
    }

    /** {@code inline; filename="…"; filename*=UTF-8''…}: shown by the browser, saved under this name. */
    public String inline() {
        return header("inline");
    }

    private String header(String disposition) {
        return disposition + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded(name);
    }

    /** Unsafe characters and control characters as {@code _}, outer blanks removed. */
    static String safe(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
            safe.appendCodePoint(control || UNSAFE.indexOf(c) >= 0 ? '_' : c);
        });
        return safe.toString().strip();
    }

    /** RFC 5987 value-chars: attr-chars as they are, every other byte of the UTF-8 as %XX. */
    static String encoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String cut(String subject) {
        return subject.codePointCount(0, subject.length()) <= MAX_SUBJECT ? subject
                : subject.substring(0, subject.offsetByCodePoints(0, MAX_SUBJECT));
    }
}
