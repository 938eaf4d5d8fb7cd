package dev.baton.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/** A real HTTP server standing in for an insurer's API (WireMock), on a free loopback port. */
public final class FakeInsurer {

    private FakeInsurer() {
    }

    /** A started server; stop it when the test class is done. */
    public static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }
}
