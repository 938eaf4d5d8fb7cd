package dev.baton.shared.infra;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.shared.domain.Mask;

/**
 * One JSON object per log line — {@code timestamp, level, logger, message, requestId, exception} — so
 * CloudWatch Logs Insights can filter by field. The message was already masked by {@link MaskingLogFilter};
 * an exception's text is masked here too.
 */
public final class JsonLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        ObjectNode line = CanonicalJson.mapper().createObjectNode();
        line.put("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
        line.put("level", record.getLevel().getName());
        line.put("logger", record.getLoggerName());
        line.put("message", record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : formatMessage(record));
        if (record instanceof ExtLogRecord ext) {
            Object requestId = ext.getMdc("AWSRequestId");
            if (requestId != null) {
                line.put("requestId", requestId.toString());
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.put("exception", Mask.text(trace.toString()));
        }
        // not the canonical writer: log lines keep their natural field order
        return line.toString() + System.lineSeparator();
    }
}
