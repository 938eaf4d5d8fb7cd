package dev.baton.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Credentials only as secret headers; headers Baton will not send are refused, not dropped. */
class HeaderPolicyTest {

    @ParameterizedTest(name = "{0}: plain {1}, secret {2}")
    @CsvSource(delimiter = '|', value = {
        "X-Channel           | ok                | ok",
        "X-Request-Source    | ok                | ok",
        "Authorization       | credential-header | ok",
        "authorization       | credential-header | ok",
        "Proxy-Authorization | credential-header | ok",
        "Cookie              | credential-header | ok",
        "X-Api-Key           | credential-header | ok",
        "X-Access-Key        | credential-header | ok",
        "X-Client-Key        | credential-header | ok",
        "X-Pwd               | credential-header | ok",
        "Bearer              | credential-header | ok",
        "X-Sign              | credential-header | ok",
        "X_App_Pass          | credential-header | ok",
        "X-Design-Id         | ok                | ok",
        "X-Keyword           | ok                | ok",
        "X-Auth-Token        | credential-header | ok",
        "X-App-Secret        | credential-header | ok",
        "X-Amz-Security-Token | credential-header | ok",
        "Host                | reserved-header   | reserved-header",
        "Content-Length      | reserved-header   | reserved-header",
        "Connection          | reserved-header   | reserved-header",
        "Expect              | reserved-header   | reserved-header",
        "Upgrade             | reserved-header   | reserved-header",
        "Transfer-Encoding   | reserved-header   | reserved-header",
        "Idempotency-Key     | reserved-header   | reserved-header",
        "Content-Type        | reserved-header   | reserved-header",
        "TE                  | reserved-header   | reserved-header"})
    void headers(String name, String plain, String secret) {
        assertThat(HeaderPolicy.plainViolation(name).map(HeaderPolicyTest::rule).orElse("ok")).isEqualTo(plain);
        assertThat(HeaderPolicy.secretViolation(name).map(HeaderPolicyTest::rule).orElse("ok")).isEqualTo(secret);
    }

    private static String rule(String message) {
        return message.substring(message.lastIndexOf("(rule ") + 6, message.length() - 1);
    }
}
