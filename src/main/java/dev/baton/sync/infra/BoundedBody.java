package dev.baton.sync.infra;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to {@link #MAX_BYTES}: beyond that the rest is not read (the subscription is
 * cancelled) and the answer is classified from what arrived, marked as cut. So a downstream can never make
 * a function buffer without bound.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Text> {

    /** The most of an answer Baton reads. */
    static final int MAX_BYTES = 256 * 1024;

    /** What was read, and whether the rest was cut off. */
    record Text(String body, boolean cut) {
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<Text> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    static HttpResponse.BodyHandler<Text> handler() {
        return info -> new BoundedBody();
    }

    @Override
    public CompletionStage<Text> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int take = Math.min(buffer.remaining(), MAX_BYTES - bytes.size());
            byte[] chunk = new byte[take];
            buffer.get(chunk);
            bytes.write(chunk, 0, take);
            if (bytes.size() >= MAX_BYTES && buffer.hasRemaining()) {
                subscription.cancel();
                result.complete(new Text(bytes.toString(StandardCharsets.UTF_8), true));
                return;
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(new Text(bytes.toString(StandardCharsets.UTF_8), false));
    }
}
