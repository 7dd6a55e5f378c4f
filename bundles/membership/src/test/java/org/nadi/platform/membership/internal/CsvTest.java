package org.nadi.platform.membership.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Writing and reading CSV: RFC 4180 quoting, the byte-order mark, line ends, and the formula guard. */
class CsvTest {

    private static String written(List<String> fields) throws Exception {
        StringWriter out = new StringWriter();
        Csv.write(out, fields);
        return out.toString();
    }

    private static List<Csv.Row> read(String text) throws Exception {
        return Csv.read(new StringReader(text));
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndTheQuotesDoubled() throws Exception {
        assertEquals("plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n", written(List.of("plain", "a, b", "say \"hi\"", "two\nlines", "")));
    }

    @Test
    void whatIsWrittenReadsBackTheSameWithItsLineNumbers() throws Exception {
        List<String> first = List.of("nguyen-van-a", "Nguyễn Văn A", "a, b", "say \"hi\"", "two\r\nlines", "");
        List<String> second = List.of("=1+1", "+61", "-x", "@sum", "'quoted", "\tlead", "'=already");
        StringWriter out = new StringWriter();
        Csv.begin(out);
        Csv.write(out, first);
        Csv.write(out, second);
        List<Csv.Row> rows = read(out.toString());
        assertEquals(List.of(new Csv.Row(1, first), new Csv.Row(3, second)), rows);
    }

    @Test
    void aLeadingFormulaCharacterIsGuardedByAnApostropheThatReadingRemoves() throws Exception {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-1,'@a,''b,O'Brien\r\n",
                written(List.of("=HYPERLINK(\"x\")", "+1", "-1", "@a", "'b", "O'Brien")));
        assertEquals(List.of("=1", "'b", "'Abdul", "O'Brien"), read("'=1,''b,'Abdul,O'Brien").get(0).fields());
    }

    @Test
    void theByteOrderMarkIsWrittenAndOptionalWhenRead() throws Exception {
        StringWriter out = new StringWriter();
        Csv.begin(out);
        assertEquals("\uFEFF", out.toString());
        assertEquals(read("\uFEFFid,name\r\n").get(0).fields(), read("id,name\n").get(0).fields());
        assertEquals(List.of("id", "name"), read("\uFEFFid,name").get(0).fields());
    }

    @Test
    void crlfAndLfEndLinesAndEmptyLinesAreSkippedButCounted() throws Exception {
        List<Csv.Row> rows = read("id,name\r\n\r\na,A\n\nb,B\r\n\n");
        assertEquals(List.of(new Csv.Row(1, List.of("id", "name")), new Csv.Row(3, List.of("a", "A")), new Csv.Row(5, List.of("b", "B"))),
                rows);
        assertEquals(List.of(new Csv.Row(1, List.of("a", "")), new Csv.Row(2, List.of("", ""))), read("a,\n,\n"));
        assertEquals(List.of(new Csv.Row(1, List.of(""))), read("\"\"\n"));
    }

    @Test
    void anUnclosedQuoteOrTextAfterAClosingQuoteIsMalformedNamingItsLine() {
        Csv.Malformed unclosed = assertThrows(Csv.Malformed.class, () -> read("id,name\na,\"open\nstill open"));
        assertEquals(2, unclosed.line());
        Csv.Malformed after = assertThrows(Csv.Malformed.class, () -> read("id\n\"a\"b\n"));
        assertEquals(2, after.line());
        Csv.Malformed inside = assertThrows(Csv.Malformed.class, () -> read("id\n\n\nab\"c\n"));
        assertEquals(4, inside.line());
    }
}
