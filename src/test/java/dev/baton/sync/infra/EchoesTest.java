package dev.baton.sync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.baton.order.domain.NodeData;

/**
 * A downstream echoes the order's own values in its own way; every writing of them is scrubbed from the message.
 * The writings are those an outside tester got through before (spaces between a name's characters, an ID grouped
 * in fours).
 */
class EchoesTest {

    private final Echoes echoes = Echoes.of(List.of("Bearer s3cr3t-token-value"), new NodeData(
            "{\"applicant\":\"王小明\",\"idNo\":\"11010119900307775X\",\"phone\":\"13812345678\",\"plan\":\"A\"}"));

    @Test
    void theOrdersValues_writtenWithSeparatorsBetweenTheirCharacters_areRedacted() {
        assertThat(echoes.scrub("客户 王 小 明 电话 138-1234\n5678 证件 1101 0119 9003 0777 5X"))
                .isEqualTo("客户 [redacted] 电话 [redacted] 证件 [redacted]");
        assertThat(echoes.scrub("name 王小明 does not match")).isEqualTo("name [redacted] does not match");
        assertThat(echoes.scrub("token s3cr3t-token-value refused")).isEqualTo("token [redacted] refused");
    }

    @Test
    void shortValuesAndOtherWords_stayReadable() {
        // "A" is too short to redact; other words and numbers are not the order's
        assertThat(echoes.scrub("plan A: 核保不通过 code 4012")).isEqualTo("plan A: 核保不通过 code 4012");
    }
}
