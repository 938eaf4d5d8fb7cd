package dev.baton.events.app;

/** Some events were not accepted by their destination: the stream record they came from must be read again. */
public class EventsNotPublishedException extends RuntimeException {

    /** {@code detail} names the operation and the event ids, never event contents beyond ids. */
    public EventsNotPublishedException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
