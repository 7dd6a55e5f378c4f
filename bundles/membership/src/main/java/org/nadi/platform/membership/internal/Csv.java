package org.nadi.platform.membership.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 writes them, for people who open the file in a
 * spreadsheet. Written: UTF-8 with a byte-order mark (so that spreadsheets read "Nguyễn" as
 * such), CRLF line ends, a field quoted when it holds a comma, quote or line break. A field that
 * a spreadsheet would take for a formula (it starts with {@code = + - @}, a tab or a carriage
 * return) gets a leading apostrophe, as OWASP advises; so does one that starts with an
 * apostrophe, so that reading undoes exactly what writing did. Read: the same, with or without
 * the byte-order mark, with CRLF or LF, skipping empty lines.
 */
final class Csv {

    private static final char BOM = '\uFEFF';
    private static final char GUARD = '\'';
    private static final String FORMULA_STARTS = "=+-@\t\r'";

    private Csv() {
    }

    /** A record of the file and the line it starts on (the header is line 1). */
    record Row(int line, List<String> fields) {
    }

    /** The file is not CSV: a quote left open, or text after a closing quote. */
    static final class Malformed extends Exception {

        private static final long serialVersionUID = 1L;

        private final int line;

        Malformed(int line, String detail) {
            super(detail);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** Starts a file: the byte-order mark. */
    static void begin(Writer out) throws IOException {
        out.write(BOM);
    }

    /** Writes one record. */
    static void write(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(guarded(fields.get(i))));
        }
        out.write("\r\n");
    }

    /** The field as written: with the apostrophe a spreadsheet needs to keep it text. */
    static String guarded(String field) {
        if (field == null || field.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(field.charAt(0)) >= 0 ? GUARD + field : field;
    }

    /** The field as it was before {@link #guarded}: one apostrophe fewer, if it was added. */
    static String unguarded(String field) {
        if (field.length() >= 2 && field.charAt(0) == GUARD && FORMULA_STARTS.indexOf(field.charAt(1)) >= 0) {
            return field.substring(1);
        }
        return field;
    }

    private static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /**
     * Reads every record, each field unguarded. Empty lines are skipped; a record may span
     * lines inside quotes.
     *
     * @throws Malformed naming the line where the record at fault starts
     */
    static List<Row> read(Reader reader) throws IOException, Malformed {
        Reader in = reader.markSupported() ? reader : new BufferedReader(reader); // looks one character ahead
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false; // inside a quoted field
        boolean wasQuoted = false; // the current field was quoted and has closed
        int c = in.read();
        if (c == BOM) {
            c = in.read();
        }
        for (; c != -1; c = in.read()) {
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        wasQuoted = true;
                        if (next == -1) {
                            break;
                        }
                        c = next;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                    continue;
                }
                if (quoted) {
                    continue;
                }
            }
            if (c == ',') {
                fields.add(unguarded(field.toString()));
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                if (!fields.isEmpty() || field.length() > 0 || wasQuoted) {
                    fields.add(unguarded(field.toString()));
                    rows.add(new Row(start, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                wasQuoted = false;
                line++;
                start = line;
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
            } else if (wasQuoted || c == '"') {
                throw new Malformed(line, "Line " + line + " has " + (wasQuoted ? "text after a closing quote" : "a quote inside an"
                        + " unquoted field") + "; quote the whole field and double the quotes inside it: \"say \"\"hi\"\"\".");
            } else {
                field.append((char) c);
            }
        }
        if (quoted) {
            throw new Malformed(start, "The field that opens with a quote on line " + start + " is never closed; close it with \".");
        }
        if (!fields.isEmpty() || field.length() > 0 || wasQuoted) {
            fields.add(unguarded(field.toString()));
            rows.add(new Row(start, List.copyOf(fields)));
        }
        return rows;
    }
}
