package dev.baton.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.baton.events.app.EventPublisher;
import dev.baton.events.app.EventsNotPublishedException;
import dev.baton.events.domain.OrderEvent;
import dev.baton.events.infra.EventJson;

/**
 * Posts each event, signed ({@link WebhookSignature}), to every configured webhook, the local stand-in for the
 * EventBridge rule and API destination: a 2xx answer delivers, anything else (or no answer within 5 s) is retried
 * with exponential backoff (0.2 s doubling up to 5 s, {@link #ATTEMPTS} attempts, like the API destination's
 * managed retries but shorter). {@link #deliver} returns false when a webhook never accepted: the caller keeps its
 * checkpoint before the event, so nothing is lost, and reads it again later. As an {@link EventPublisher} it is
 * what the local stack's {@link dev.baton.events.app.EventRelay} publishes to, in place of the EventBridge bus.
 */
public final class WebhookDelivery implements EventPublisher {

    /** Attempts per event and webhook before {@link #deliver} gives up for now. */
    public static final int ATTEMPTS = 6;

    private final List<URI> webhooks;
    private final String secret;
    private final Clock clock;
    private final Duration firstBackoff;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Delivers to {@code webhooks}, signing with {@code secret}. */
    public WebhookDelivery(List<URI> webhooks, String secret, Clock clock, Duration firstBackoff) {
        this.webhooks = List.copyOf(webhooks);
        this.secret = secret;
        this.clock = clock;
        this.firstBackoff = firstBackoff;
    }

    /** The webhooks of {@code BATON_EVENT_WEBHOOKS} (comma-separated URLs), signed with BATON_EVENT_WEBHOOK_SECRET. */
    public static WebhookDelivery fromEnvironment(java.util.Map<String, String> env) {
        List<URI> urls = java.util.Arrays.stream(env.getOrDefault("BATON_EVENT_WEBHOOKS", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(URI::create).toList();
        String secret = env.getOrDefault("BATON_EVENT_WEBHOOK_SECRET", "");
        return new WebhookDelivery(urls, secret.isBlank() ? "local-webhook-secret" : secret, Clock.systemUTC(),
                Duration.ofMillis(200));
    }

    /** The webhooks events go to. */
    public List<URI> webhooks() {
        return webhooks;
    }

    /** Delivers every event, in order; throws as soon as one was not accepted, so its record is read again. */
    @Override
    public void publish(List<OrderEvent> events) {
        for (OrderEvent event : events) {
            try {
                if (!deliver(event)) {
                    throw new EventsNotPublishedException("webhooks did not accept event " + event.id(), null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventsNotPublishedException("stopped while delivering event " + event.id(), e);
            }
        }
    }

    /** Delivers {@code event} to every webhook; false if one of them did not accept it within its attempts. */
    public boolean deliver(OrderEvent event) throws InterruptedException {
        String body = EventJson.text(event);
        for (URI webhook : webhooks) {
            if (!deliver(webhook, event, body)) {
                return false;
            }
        }
        return true;
    }

    private boolean deliver(URI webhook, OrderEvent event, String body) throws InterruptedException {
        Duration backoff = firstBackoff;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (post(webhook, event, body)) {
                return true;
            }
            if (attempt < ATTEMPTS) {
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
        System.err.println("order events: " + webhook + " did not accept event " + event.id() + " after "
                + ATTEMPTS + " attempts; it stays unread and is tried again");
        return false;
    }

    private boolean post(URI webhook, OrderEvent event, String body) throws InterruptedException {
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.EVENT_ID, event.id())
                .header(WebhookSignature.EVENT_TYPE, event.type().wireName())
                .header(WebhookSignature.TIMESTAMP, Long.toString(now))
                .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(secret, now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2;
        } catch (IOException e) {
            return false;
        }
    }
}
