package dev.baton.sync.infra;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to {@link #MAX_BYTES}: beyond that the rest is not read (the subscription is
 * cancelled) and the answer is classified from what arrived, marked as cut. So a downstream can never make
 * a function buffer without bound.
 * <p>
 * Decoded in the charset its {@code Content-Type} names ({@code charset=GBK} is common among Chinese insurers);
 * without one, as UTF-8, unless the bytes are not UTF-8 at all: then as GB18030 (which covers GBK and GB2312), the
 * encoding of a Chinese system that forgot to say so. Read as UTF-8, "系统繁忙" in GBK became mojibake no rule knew,
 * and a busy downstream's orders waited for review instead of being retried.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Text> {

    /** The most of an answer Baton reads. */
    static final int MAX_BYTES = 256 * 1024;

    /** What was read, and whether the rest was cut off. */
    record Text(String body, boolean cut) {
    }

    /** The charset parameter of a media type: {@code charset=GBK}, {@code charset="utf-8"}. */
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
    /** What Chinese systems that name no charset send when it is not UTF-8. */
    private static final Charset UNDECLARED_FALLBACK = Charset.forName("GB18030");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<Text> result = new CompletableFuture<>();
    private final Optional<Charset> declared;
    private Flow.Subscription subscription;

    BoundedBody(Optional<Charset> declared) {
        this.declared = declared;
    }

    static HttpResponse.BodyHandler<Text> handler() {
        return info -> new BoundedBody(charset(info.headers().firstValue("content-type").orElse(null)));
    }

    /** The charset a {@code Content-Type} names, when this runtime has it; empty for none or an unknown one. */
    static Optional<Charset> charset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1).toUpperCase(Locale.ROOT);
        try {
            // GB2312 as labelled on the web is GBK in practice (WHATWG's encoding standard reads both as GBK)
            return Charset.isSupported(name) ? Optional.of(Charset.forName("GB2312".equals(name) ? "GBK" : name))
                    : Optional.empty();
        } catch (IllegalCharsetNameException e) {
            return Optional.empty();
        }
    }

    /** {@code raw} in the declared charset, else UTF-8 when it is UTF-8, else GB18030; {@code cut}: may end mid-character. */
    static String decode(byte[] raw, Optional<Charset> declared, boolean cut) {
        if (declared.isPresent()) {
            return new String(raw, declared.get());
        }
        // strict, and not at the end of the input when the body was cut: a character split by the cut is no error
        CoderResult utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(raw), CharBuffer.allocate(raw.length), !cut);
        return new String(raw, utf8.isError() ? UNDECLARED_FALLBACK : StandardCharsets.UTF_8);
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
                result.complete(new Text(decode(bytes.toByteArray(), declared, true), true));
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
        result.complete(new Text(decode(bytes.toByteArray(), declared, false), false));
    }
}
