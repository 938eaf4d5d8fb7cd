package dev.baton.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.baton.support.Api;
import dev.baton.support.Api.Reply;
import dev.baton.support.StoresDownProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** When DynamoDB cannot be reached, callers get a 503 problem with Retry-After, never a 500 or a lost order. */
@QuarkusTest
@TestProfile(StoresDownProfile.class)
class StoresDownTest {

    @Test
    void anUnreachableStore_isA503WithRetryAfter() {
        Reply sync = Api.post("/v1/orders/A-1/sync", "{\"downstream\":\"insurer-a\"}");
        assertThat(sync.status()).as(sync.toString()).isEqualTo(503);
        assertThat(sync.contentType()).isEqualTo("application/problem+json");
        assertThat(sync.headers().get("retry-after")).isEqualTo("1");
        assertThat(sync.json().path("type").asText()).isEqualTo("urn:baton:problem:unavailable");
        Reply list = Api.get("/v1/orders?syncState=DEAD");
        assertThat(list.status()).isEqualTo(503);
    }
}
