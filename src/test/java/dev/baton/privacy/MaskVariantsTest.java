package dev.baton.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.baton.shared.domain.Mask;

/**
 * Property-style: thousands of seeded-random ways of writing a resident ID, mobile or card number (separators,
 * full-width digits and separators, prefixes, surrounding text; grouped as people group them: 3-4-4, 6-8-4,
 * 6-4-4-4, fours) are all masked, and thousands of order ids,
 * timestamps, idempotency keys and versions are all left alone. A seeded {@link SplittableRandom}: a failure
 * names its seed and sample, and replays. (jqwik resolves here, but prints a notice asking AI agents not to use
 * it; a plain generator keeps the suite free of that.)
 */
class MaskVariantsTest {

    private static final long SEED = 20261202L;
    private static final int SAMPLES = 3000;
    private static final List<String> SEPARATORS = List.of("", " ", "-", ".", "\u3000", "\uFF0D", "\uFF0E", "\u2013",
            "\u00A0");
    private static final List<String> MOBILE_PREFIXES = List.of("", "+86", "+86 ", "0086", "0086-", "86-", "(+86)",
            "\uFF0B\uFF18\uFF16", "+86-");
    private static final List<String> AROUND = List.of("%s", "手机%s，", "id=%s;", "\"%s\"", "call %s now", "证件号码%s不合法",
            "{\"k\":\"%s\"}", "(%s)");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "138-1234-5678 | [mobile]",
        "138 1234 5678 | [mobile]",
        "+86 138 1234 5678 | [mobile]",
        "0086-13812345678 | [mobile]",
        "(+86)13812345678 | [mobile]",
        "１３８１２３４５６７８ | [mobile]",
        "１３８－１２３４－５６７８ | [mobile]",
        "１１０１０１１９９００３０７７７５８ | [id]",
        "１１０１０１１９９００３０７７７５Ｘ | [id]",
        "110101 19900307 7758 | [id]",
        "110101-1990-0307-7758 | [id]",
        "6222 0212 3456 7890 123 | [card]",
        "６２２２０２１２３４５６７８９０ | [card]",
        "110101900307775 | [id]",
        "身份证110101900307775 | 身份证[id]",
        "a13812345678 | a[mobile]",
        "13812345678x | [mobile]x",
        "x110101199003077758 | x[id]",
        "card6222021234567890123 | card[card]",
        "138_1234_5678 | [mobile]",
        "138/1234/5678 | [mobile]",
        // writings an outside tester got through before: grouped in fours, dashes, a word glued after, every digit
        "ID 1101 0119 9003 0777 5X | ID [id]",
        "1101-0119-9003-0777-58 | [id]",
        "id=110101199003077758abc | id=[id]abc",
        "1 3 8 1 2 3 4 5 6 7 8 | [mobile]",
        "6222 0212 3456 7890 1 | [card]"})
    void commonWritingsAreMasked(String text, String expected) {
        assertThat(Mask.text(text)).isEqualTo(expected);
    }

    @Test
    void aNumberBrokenOverLines_isMasked() {
        assertThat(Mask.text("mobile 138\n1234\n5678 ok")).isEqualTo("mobile [mobile] ok");
        assertThat(Mask.text("证件\r\n110101\r\n19900307\r\n7758")).doesNotContainPattern("[0-9]{4}");
    }

    @Test
    void generatedWritingsOfPersonalNumbersAreAlwaysMasked() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < SAMPLES; i++) {
            // given one number written one way, inside some text
            String[] kind = switch (random.nextInt(3)) {
                case 0 -> new String[] {pick(random, MOBILE_PREFIXES) + write(random, mobile(random), 3, 4, 4),
                    "[mobile]"};
                case 1 -> new String[] {random.nextBoolean() ? write(random, residentId(random), 6, 8, 4)
                        : write(random, residentId(random), 6, 4, 4, 4), "[id]"};
                default -> new String[] {write(random, card(random), 4, 4, 4, 4, 4), "[card]"};
            };
            String text = String.format(pick(random, AROUND), kind[0]);
            // when
            String masked = Mask.text(text);
            // then no run of the number's digits survives
            assertThat(masked).as("seed %d sample %d: %s", SEED, i, text).containsAnyOf(kind[1], "[id]", "[card]")
                    .doesNotContainPattern("[0-9\uFF10-\uFF19]{5}");
        }
    }

    @Test
    void generatedIdentifiersThatAreNotPersonalAreNeverMasked() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < SAMPLES; i++) {
            String text = switch (random.nextInt(8)) {
                case 0 -> "AU-" + random.nextInt(1, 100_000);
                case 1 -> java.time.Instant.ofEpochSecond(random.nextLong(1_500_000_000L, 4_000_000_000L),
                        random.nextInt(1_000_000_000)).toString();
                case 2 -> Long.toString(random.nextLong(1_500_000_000_000L, 1_999_999_999_999L)); // epoch ms
                case 3 -> new UUID(random.nextLong(), random.nextLong()).toString(); // idempotency key
                case 4 -> "v" + random.nextInt(1, 10_000) + " version " + random.nextInt(1, 100_000);
                case 5 -> Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong()
                        | Long.MIN_VALUE) + "a"; // a hash or trace id
                case 6 -> "trace-" + new UUID(random.nextLong(), random.nextLong()).toString().replace("-", "")
                        .substring(0, 20) + "c";
                default -> String.format("2026%02d%02d%02d%02d%02d", random.nextInt(1, 13), random.nextInt(1, 29),
                        random.nextInt(24), random.nextInt(60), random.nextInt(60)); // compact timestamp
            };
            assertThat(Mask.text(text)).as("seed %d sample %d", SEED, i).isEqualTo(text);
        }
    }

    private static String mobile(SplittableRandom r) {
        return "1" + r.nextInt(3, 10) + digits(r, 9);
    }

    private static String residentId(SplittableRandom r) {
        String check = r.nextInt(11) == 10 ? "X" : Integer.toString(r.nextInt(10));
        return r.nextInt(1, 10) + digits(r, 5) + r.nextInt(1930, 2025) + String.format("%02d%02d", r.nextInt(1, 13),
                r.nextInt(1, 29)) + digits(r, 3) + check;
    }

    private static String card(SplittableRandom r) {
        return "62" + digits(r, r.nextInt(14, 18));
    }

    /** {@code number} in groups as people write it, with one random separator, maybe in full-width digits. */
    private static String write(SplittableRandom r, String number, int... groups) {
        String separator = pick(r, SEPARATORS);
        boolean fullWidth = r.nextInt(3) == 0;
        java.util.Set<Integer> breaks = new java.util.HashSet<>();
        for (int i = 0, at = 0; i < groups.length; i++) {
            at += groups[i];
            breaks.add(at);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < number.length(); i++) {
            if (breaks.contains(i)) {
                out.append(separator);
            }
            char c = number.charAt(i);
            out.append(fullWidth ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }

    private static String digits(SplittableRandom r, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(r.nextInt(10));
        }
        return out.toString();
    }

    private static String pick(SplittableRandom r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}
