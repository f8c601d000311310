package io.rectification.platform.table;

import java.util.List;

/** A table ready to write: a title (the sheet's name), the header row and the rows (cells as text or numbers). */
public record Table(String title, List<String> header, List<List<Object>> rows) {
}
