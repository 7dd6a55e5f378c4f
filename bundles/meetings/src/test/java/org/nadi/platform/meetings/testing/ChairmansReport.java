package org.nadi.platform.meetings.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Chairman's Report as plain text (the seed's layout), read without any knowledge of the
 * meetings module: numbered paragraphs with their lettered items ({@code " - a. ..."}), the
 * headings above them, grouped into parts (a run of headings and the paragraphs under it),
 * and the rows of tab-separated tables. Lines that start with a lower-case letter continue
 * the paragraph or item before them (the seed's page breaks); a {@code **bold**} block over
 * several lines is one heading.
 */
public final class ChairmansReport {

    /** The Siem Reap report, as the meetings test jar carries it. */
    public static final String SIEM_REAP_SEED = "seed/nadi-chairmans-report-siem-reap-2024.txt";

    private static final Pattern NUMBERED = Pattern.compile("(\\d+)\\. (.+)");
    private static final Pattern LETTERED = Pattern.compile("- ([a-z])\\. (.+)");
    private static final String BOLD = "**";

    /** A lettered item of a paragraph, e.g. label {@code a}. */
    public record Item(String label, String text) {
    }

    /** A numbered paragraph: its text without the number, and its lettered items. */
    public record Paragraph(int number, String text, List<Item> items) {
    }

    /** Headings, then the paragraphs and table rows under them, in report order. */
    public record Part(List<String> headings, List<Paragraph> paragraphs, List<List<String>> rows) {

        /** The heading nearest the paragraphs, which says what the part is. */
        public String lastHeading() {
            return headings.get(headings.size() - 1);
        }

        /** The first heading that starts with the prefix, if any. */
        public Optional<String> heading(String prefix) {
            return headings.stream().filter(heading -> heading.startsWith(prefix)).findFirst();
        }
    }

    private final List<Part> parts;

    private ChairmansReport(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Reads a report from the class path, e.g. {@link #SIEM_REAP_SEED}. */
    public static ChairmansReport fromClassPath(String resource) {
        try (InputStream in = ChairmansReport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No " + resource + " on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    public static ChairmansReport parse(String text) {
        Reader reader = new Reader();
        List<String> lines = text.lines().map(String::strip).toList();
        for (int at = 0; at < lines.size(); at++) {
            String line = lines.get(at);
            if (line.startsWith(BOLD)) {
                StringBuilder heading = new StringBuilder(line);
                while (!heading.toString().endsWith(BOLD) || heading.length() < 2 * BOLD.length()) {
                    heading.append(' ').append(lines.get(++at));
                }
                reader.heading(heading.substring(BOLD.length(), heading.length() - BOLD.length()).strip());
            } else if (!line.isEmpty()) {
                reader.line(line);
            }
        }
        return new ChairmansReport(reader.finish());
    }

    public List<Part> parts() {
        return parts;
    }

    /** Every numbered paragraph, in report order. */
    public List<Paragraph> paragraphs() {
        return parts.stream().flatMap(part -> part.paragraphs().stream()).toList();
    }

    public Paragraph paragraph(int number) {
        return paragraphs().stream().filter(paragraph -> paragraph.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The report has no paragraph " + number));
    }

    /** Builds the parts line by line; a heading after paragraphs or rows begins the next part. */
    private static final class Reader {
        private final List<Part> parts = new ArrayList<>();
        private List<String> headings = new ArrayList<>();
        private List<Paragraph> paragraphs = new ArrayList<>();
        private List<List<String>> rows = new ArrayList<>();
        /** The text being continued: the last paragraph's or item's, or none after a heading. */
        private StringBuilder open;
        private List<Item> openItems;
        private int openNumber;

        void heading(String heading) {
            closeParagraph();
            if (!paragraphs.isEmpty() || !rows.isEmpty()) {
                finishPart();
            }
            headings.add(heading);
        }

        void line(String line) {
            Matcher numbered = NUMBERED.matcher(line);
            Matcher lettered = LETTERED.matcher(line);
            if (line.contains("\t")) {
                closeParagraph();
                rows.add(List.of(line.split("\t")));
            } else if (numbered.matches()) {
                closeParagraph();
                openNumber = Integer.parseInt(numbered.group(1));
                open = new StringBuilder(numbered.group(2));
                openItems = new ArrayList<>();
            } else if (lettered.matches() && openItems != null) {
                openItems.add(new Item(lettered.group(1), lettered.group(2)));
            } else if (Character.isLowerCase(line.charAt(0)) && open != null) {
                continueLast(line);
            } else {
                heading(line);
            }
        }

        private void continueLast(String line) {
            if (openItems.isEmpty()) {
                open.append(' ').append(line);
            } else {
                Item last = openItems.remove(openItems.size() - 1);
                openItems.add(new Item(last.label(), last.text() + ' ' + line));
            }
        }

        private void closeParagraph() {
            if (open != null) {
                paragraphs.add(new Paragraph(openNumber, open.toString(), List.copyOf(openItems)));
                open = null;
                openItems = null;
            }
        }

        private void finishPart() {
            parts.add(new Part(List.copyOf(headings), List.copyOf(paragraphs), List.copyOf(rows)));
            headings = new ArrayList<>();
            paragraphs = new ArrayList<>();
            rows = new ArrayList<>();
        }

        List<Part> finish() {
            closeParagraph();
            finishPart();
            return parts;
        }
    }
}
