package dev.baton.shared.infra;

import java.util.logging.Handler;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;

import io.quarkus.runtime.StartupEvent;

/**
 * Switches the console to {@link JsonLogFormatter} when {@code baton.log.json=true} (set by template.yaml for
 * Lambda; plain text locally and in tests). Quarkus' own JSON logging extension is not available from this
 * project's Maven registry, so the console handler's formatter is replaced at startup.
 */
@Singleton
public class LogFormat {

    private final BatonConfig config;

    LogFormat(BatonConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.log().json()) {
            for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
                useJson(handler);
            }
        }
    }

    /** Sets the JSON formatter on {@code handler} and every handler it delegates to. */
    static void useJson(Handler handler) {
        if (handler instanceof ExtHandler ext) {
            for (Handler child : ext.getHandlers()) {
                useJson(child);
            }
        }
        if (handler instanceof org.jboss.logmanager.handlers.ConsoleHandler) {
            handler.setFormatter(new JsonLogFormatter());
        }
    }
}
