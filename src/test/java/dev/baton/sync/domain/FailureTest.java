package dev.baton.sync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FailureTest {

    @Test
    void toString_showsLengthsButNeverTheMessageOrCode() {
        // given a message that echoes customer data
        String message = "  证件号码 000000000000000000 格式错误 ";
        Failure failure = new Failure(FailureKind.DOWNSTREAM_CODE, 200, "E1002", message, Duration.ofSeconds(30));

        // when
        String text = failure.toString();

        // then
        assertEquals("Failure[kind=DOWNSTREAM_CODE, httpStatus=200, codeLength=5, messageLength=28, "
                + "retryAfter=PT30S]", text);
    }

    @Test
    void message_isStrippedAndCutToOneThousandCharacters() {
        // when
        Failure longOne = new Failure(FailureKind.HTTP_STATUS, 500, null, " " + "x".repeat(1500), null);
        Failure emojiAtTheCut = new Failure(FailureKind.HTTP_STATUS, 500, null, "x".repeat(999) + "😀", null);

        // then
        assertEquals("x".repeat(1000), longOne.message());
        assertEquals("x".repeat(999), emojiAtTheCut.message());
    }

    @Test
    void aMessageCutInsideAnIdNumber_keepsNoneOfItsDigits() {
        // the helper-found case: the 1000th character falls 12 digits into a resident ID number
        String text = "证件号码不符 " + "x".repeat(981) + "110101199003077758";

        String message = new Failure(FailureKind.HTTP_STATUS, 400, "E1", text, null).message();

        assertEquals("证件号码不符 " + "x".repeat(981), message);
    }

    @Test
    void onlyTheKind_isRequired() {
        // when
        Failure timeout = Failure.of(FailureKind.TIMEOUT);

        // then
        assertEquals(new Failure(FailureKind.TIMEOUT, null, null, null, null), timeout);
        assertEquals("Failure[kind=TIMEOUT, httpStatus=null, codeLength=0, messageLength=0, retryAfter=null]",
                timeout.toString());
        assertThrows(IllegalArgumentException.class, () -> new Failure(null, 500, "E1", "m", null));
        assertThrows(IllegalArgumentException.class,
                () -> new Failure(FailureKind.HTTP_STATUS, 503, null, null, Duration.ofSeconds(-1)));
    }
}
