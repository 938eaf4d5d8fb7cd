package dev.baton.sync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How an answer's bytes become text: the charset it names, else UTF-8, else GB18030. */
class BoundedBodyTest {

    static final String BUSY = "{\"code\":\"9999\",\"msg\":\"系统繁忙，请稍后重试\"}";
    static final Charset GBK = Charset.forName("GBK");

    @Test
    void theCharsetAContentTypeNames_isUsed_inAnySpelling() {
        assertThat(BoundedBody.charset("application/json;charset=GBK")).contains(GBK);
        assertThat(BoundedBody.charset("text/html; Charset=\"gbk\"")).contains(GBK);
        assertThat(BoundedBody.charset("application/json; charset=utf-8")).contains(StandardCharsets.UTF_8);
        // labelled GB2312, sent as GBK (its superset), as browsers read it
        assertThat(BoundedBody.charset("text/plain;charset=gb2312")).contains(GBK);
    }

    @Test
    void noCharset_anUnknownOne_orABadName_nameNothing() {
        assertThat(BoundedBody.charset(null)).isEmpty();
        assertThat(BoundedBody.charset("application/json")).isEmpty();
        assertThat(BoundedBody.charset("application/json;charset=x-no-such-charset")).isEmpty();
        assertThat(BoundedBody.charset("application/json;charset=@@@")).isEmpty();
    }

    @Test
    void aGbkAnswer_isReadRight_labelledOrNot() {
        byte[] gbk = BUSY.getBytes(GBK);

        assertThat(BoundedBody.decode(gbk, Optional.of(GBK), false)).isEqualTo(BUSY);
        assertThat(BoundedBody.decode(gbk, Optional.empty(), false)).isEqualTo(BUSY);
    }

    @Test
    void aUtf8Answer_cutInsideACharacter_isStillReadAsUtf8() {
        byte[] utf8 = BUSY.getBytes(StandardCharsets.UTF_8);
        // cut one byte into the 3-byte "系"
        int cut = new String(utf8, StandardCharsets.UTF_8).indexOf('系');
        int at = BUSY.substring(0, cut).getBytes(StandardCharsets.UTF_8).length + 1;

        String text = BoundedBody.decode(Arrays.copyOf(utf8, at), Optional.empty(), true);

        assertThat(text).startsWith("{\"code\":\"9999\",\"msg\":\"").doesNotContain("绯");
    }

    @Test
    void aUtf8Answer_isReadAsUtf8() {
        assertThat(BoundedBody.decode(BUSY.getBytes(StandardCharsets.UTF_8), Optional.empty(), false))
                .isEqualTo(BUSY);
    }
}
