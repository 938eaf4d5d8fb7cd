package dev.baton.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.baton.shared.domain.Mask;
import dev.baton.shared.infra.MaskingLogFilter;

/** The masking layer: what it catches, and what it leaves alone. */
class MaskTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "证件号码110101199003077777不合法 | 证件号码[id]不合法",
        "id 11010119900307777X ok | id [id] ok",
        "id 11010119900307777x ok | id [id] ok",
        "call 13800138000 now | call [mobile] now",
        "call +8613800138000 now | call [mobile] now",
        "call 86-13800138000 now | call [mobile] now",
        "card 6222 0212 3456 7890 123 end | card [card] end",
        "card 6222021234567890 end | card [card] end",
        "mail li.si+test@example.com.cn end | mail [email] end",
        "order A-1001 attempt 3 at 2026-11-23T07:03:29Z premium 3200 | order A-1001 attempt 3 at 2026-11-23T07:03:29Z premium 3200",
        "key 525e1200-e5af-45f9-9f3f-2df2b580a3c6 | key 525e1200-e5af-45f9-9f3f-2df2b580a3c6",
        "No route GET /v1/eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl. | No route GET /v1/[token].",
        "Unknown query parameters: eyJraWQiOiJrMSJ9.eyJhdWQiOiJiYXRvbi…. | Unknown query parameters: [token]…."})
    void personalIdentifiersAreMasked_andOtherIdentifiersAreNot(String text, String expected) {
        assertThat(Mask.text(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // text, where it is cut, what is kept: a number the cut runs through goes whole, with the separators around
        // it (a space may be the one inside a grouped number)
        "'xx 110101199003077758 ok', 15, 'xx'",
        "'xx 110101 19900307 7758', 12, 'xx'",
        "'xx 11010119900307775X', 20, 'xx'",
        "'xx １１０１０１１９９００３', 8, 'xx'",
        "'xx 1380013 8000', 11, 'xx'",
        "'id 123 and more', 8, 'id 123 a'",
        "'id 123 and more', 6, 'id'",
        "'123456', 3, ''",
        "'short', 10, 'short'"})
    void aCutNeverKeepsPartOfANumber(String text, int max, String expected) {
        assertThat(Mask.cut(text, max)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aCutNeverSplitsASurrogatePair() {
        assertThat(Mask.cut("ab😀cd", 3)).isEqualTo("ab");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"agent-0042 | ag***42", "app | ***", "abcd | ***", "abcde | ab***de"})
    void terminalIdsAreShortenedInErrors(String id, String expected) {
        assertThat(Mask.id(id)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"downstream said {0} | 证件号码110101199003077777不合法 | downstream said 证件号码[id]不合法"})
    void theLogFilterMasksFormattedLines(String pattern, String argument, String expected) {
        // given a log record whose parameter carries personal data
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, pattern, ExtLogRecord.FormatStyle.MESSAGE_FORMAT,
                MaskTest.class.getName());
        record.setParameters(new Object[] {argument});
        // when
        boolean loggable = new MaskingLogFilter().isLoggable(record);
        // then
        assertThat(loggable).isTrue();
        assertThat(record.getFormattedMessage()).isEqualTo(expected);
    }
}
