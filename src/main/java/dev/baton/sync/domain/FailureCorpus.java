package dev.baton.sync.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The labelled failure corpus ({@value #RESOURCE}; format and labelling guide in docs/classification.md): what
 * the classification is measured on and what the model learns from. Each case is in the <em>held-out</em> split
 * or the <em>training</em> split, decided by a hash of its failure alone ({@link #isHeldOut}), so a case never
 * moves when its label is corrected and nothing chooses which cases are held out.
 */
public final class FailureCorpus {

    /** The classpath resource of the corpus. */
    public static final String RESOURCE = "/classification-corpus.csv";

    /** Of every 100 hash buckets, how many are held out (about 30 %). */
    private static final int HELD_OUT_PERCENT = 30;

    /**
     * One labelled failure.
     *
     * @param line     its line in the file, for reports
     * @param section  the section it is in ({@code rules}, {@code issue-17}); never null
     * @param failure  the failure
     * @param expected the category an operator wants
     */
    public record Case(int line, String section, Failure failure, Category expected) {

        /** Whether this case is in the held-out split, which nothing is tuned or trained on. */
        public boolean heldOut() {
            return isHeldOut(failure);
        }
    }

    private FailureCorpus() {
    }

    /**
     * Every case of the corpus on the classpath, in file order. It is a test resource: the build trains the model
     * from it ({@link FailureModel#RESOURCE}) and function.zip ships only the weights.
     */
    public static List<Case> load() {
        try (InputStream in = FailureCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classification corpus " + RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classification corpus " + RESOURCE, e);
        }
    }

    /** The training split of the corpus on the classpath: every case not {@link Case#heldOut held out}. */
    public static List<Case> trainingSplit() {
        return load().stream().filter(c -> !c.heldOut()).toList();
    }

    /**
     * The cases of a corpus text: a header line, then {@code kind,httpStatus,code,message,expected} lines; lines
     * starting with {@code #} are comments, {@code # section NAME: ...} starts a section.
     *
     * @throws IllegalArgumentException naming the line (never its text) that is not a case
     */
    public static List<Case> parse(String text) {
        List<Case> cases = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        String section = "";
        for (int i = 1; i < lines.length; i++) { // line 1 is the header
            String line = lines[i];
            if (line.startsWith("# section ")) {
                section = line.substring("# section ".length()).split(":", 2)[0].strip();
            } else if (!line.isBlank() && !line.startsWith("#")) {
                cases.add(toCase(i + 1, section, fields(line)));
            }
        }
        return List.copyOf(cases);
    }

    /** Whether {@code failure} is held out: its bucket, a CRC32 of kind, status, code and message, is below 30. */
    public static boolean isHeldOut(Failure failure) {
        CRC32 crc = new CRC32();
        crc.update((failure.kind() + "|" + nullToEmpty(failure.httpStatus()) + "|" + nullToEmpty(failure.code())
                + "|" + nullToEmpty(failure.message())).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 100 < HELD_OUT_PERCENT;
    }

    private static Case toCase(int line, String section, List<String> f) {
        if (f.size() != 5) {
            throw new IllegalArgumentException("corpus line " + line + " needs kind,httpStatus,code,message,expected");
        }
        try {
            Failure failure = new Failure(FailureKind.valueOf(f.get(0)),
                    f.get(1).isEmpty() ? null : Integer.valueOf(f.get(1)), emptyToNull(f.get(2)),
                    emptyToNull(f.get(3)), null);
            return new Case(line, section, failure, Category.valueOf(f.get(4)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("corpus line " + line + " has a bad kind, status or category", e);
        }
    }

    /** One CSV line (RFC 4180 quoting: quoted fields may hold commas and doubled quotes). */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(Object o) {
        return o == null ? "" : o.toString();
    }
}
