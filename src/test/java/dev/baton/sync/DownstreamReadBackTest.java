package dev.baton.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.support.Api;
import dev.baton.support.Api.Reply;
import dev.baton.support.OrderSyncProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Downstream settings can be found and read back as published, with secrets shown as references only. */
@QuarkusTest
@TestProfile(OrderSyncProfile.class)
class DownstreamReadBackTest {

    private final String name = "rb-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void publishedSettings_readBack_asPutAnsweredThem_withSecretsAsReferences() {
        // given
        Reply put = Api.put("/v1/downstreams/" + name, "{\"endpoint\":\"https://insurer.example/proposals\","
                + "\"secretHeaders\":{\"Authorization\":{\"env\":\"BATON_SECRET_INSURER_TOKEN\"}}}");
        assertThat(put.status()).as(put.toString()).isEqualTo(201);
        // when
        Reply get = Api.get("/v1/downstreams/" + name);
        // then
        assertThat(get.status()).as(get.toString()).isEqualTo(200);
        var expected = put.json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove("created");
        assertThat(get.json()).isEqualTo(expected);
        assertThat(get.json().path("secretHeaders").path("Authorization").toString())
                .isEqualTo("{\"env\":\"BATON_SECRET_INSURER_TOKEN\"}");
    }

    @Test
    void publishedDownstreams_areListed_byName() {
        // given
        Api.put("/v1/downstreams/" + name, "{\"endpoint\":\"https://insurer.example/proposals\"}");
        Api.put("/v1/downstreams/" + name, "{\"endpoint\":\"https://insurer.example/v2\"}");
        // when
        Reply list = Api.get("/v1/downstreams");
        // then
        assertThat(list.status()).isEqualTo(200);
        var names = new java.util.ArrayList<String>();
        list.json().path("downstreams").forEach(n -> names.add(n.asText()));
        assertThat(names).isSorted().containsOnlyOnce(name);
    }

    @Test
    void anUnknownDownstream_is404() {
        assertThat(Api.get("/v1/downstreams/" + name).status()).isEqualTo(404);
    }
}
