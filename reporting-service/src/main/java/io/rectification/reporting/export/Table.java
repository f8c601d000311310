package io.rectification.reporting.export;

import java.util.List;

/** A list ready to write: a sheet title, the header row and the rows (cells as text or numbers). */
public record Table(String title, List<String> header, List<List<Object>> rows) {
}
