package dev.baton.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.baton.shared.infra.JsonLogFormatter;
import dev.baton.shared.infra.MaskingLogFilter;

/** Lambda log lines: one JSON object each, masked, with the request id. */
class JsonLogFormatterTest {

    @Test
    void aLogLine_isOneMaskedJsonObject_withTheRequestId() throws Exception {
        // given a record as the console handler sees it: filtered, with MDC and an exception
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "downstream said {0}",
                ExtLogRecord.FormatStyle.MESSAGE_FORMAT, "dev.baton.sync.SyncService");
        record.setParameters(new Object[] {"手机13800138000"});
        record.setLoggerName("dev.baton.sync.SyncService");
        record.putMdc("AWSRequestId", "req-1");
        record.setThrown(new IllegalStateException("card 6222021234567890123 refused"));
        new MaskingLogFilter().isLoggable(record);
        // when
        String line = new JsonLogFormatter().format(record);
        // then
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(line).endsWith(System.lineSeparator()).doesNotContain("13800138000")
                .doesNotContain("6222021234567890123");
        assertThat(json.path("level").asText()).isEqualTo("WARNING");
        assertThat(json.path("logger").asText()).isEqualTo("dev.baton.sync.SyncService");
        assertThat(json.path("message").asText()).isEqualTo("downstream said 手机[mobile]");
        assertThat(json.path("requestId").asText()).isEqualTo("req-1");
        assertThat(json.path("exception").asText()).contains("IllegalStateException: card [card] refused");
    }
}
