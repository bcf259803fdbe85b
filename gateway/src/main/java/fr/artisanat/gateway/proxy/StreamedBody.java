package fr.artisanat.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * The request body as the proxy streams it to the upstream. It counts the bytes (a chunked body declares no length:
 * past the route's limit the call is given up) and tells when the last byte has been handed over, from when the
 * route's timeout counts, so that a long upload is not cut by it.
 */
final class StreamedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> body;
    private final long limit;
    private final Runnable tooLarge;
    private final Runnable sent;
    private long count;

    StreamedBody(ReadStream<Buffer> body, long limit, Runnable tooLarge, Runnable sent) {
        this.body = body;
        this.limit = limit;
        this.tooLarge = tooLarge;
        this.sent = sent;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        body.handler(handler == null ? null : buffer -> {
            count += buffer.length();
            if (count > limit) {
                body.handler(null);
                tooLarge.run();
            } else {
                handler.handle(buffer);
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        body.endHandler(endHandler == null ? null : end -> {
            if (count <= limit) {
                sent.run();
                endHandler.handle(end);
            }
        });
        return this;
    }
}
