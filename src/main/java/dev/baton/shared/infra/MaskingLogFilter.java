package dev.baton.shared.infra;

import java.text.MessageFormat;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import dev.baton.shared.domain.Mask;
import io.quarkus.logging.LoggingFilter;

/**
 * The last line of defence for personal data in logs: every console log line is formatted and passed
 * through {@link Mask#text(String)}, so a resident ID, mobile or bank card number or an e-mail address that
 * reached a message (say, inside an exception from a library) is replaced before it is written. Baton's own
 * code never logs payloads in the first place. Enabled by {@code quarkus.log.console.filter=baton-mask}.
 */
@LoggingFilter(name = "baton-mask")
public final class MaskingLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String formatted = format(record);
        if (formatted != null) {
            String masked = Mask.text(formatted);
            if (!masked.equals(formatted)) {
                record.setMessage(masked);
                record.setParameters(null);
                if (record instanceof ExtLogRecord ext) {
                    ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
                }
            }
        }
        return true;
    }

    private static String format(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        Object[] parameters = record.getParameters();
        String message = record.getMessage();
        if (message == null || parameters == null || parameters.length == 0) {
            return message;
        }
        try {
            return MessageFormat.format(message, parameters);
        } catch (IllegalArgumentException e) {
            return message;
        }
    }
}
