package dev.baton.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.baton.flow.app.FlowService;
import dev.baton.flow.app.MappingService;
import dev.baton.order.app.OrderService;
import dev.baton.order.app.ProgressService;
import dev.baton.order.domain.NodeData;
import dev.baton.support.Api;
import dev.baton.support.FakeInsurer;
import dev.baton.support.Definitions;
import dev.baton.support.OrderSyncProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A handoff and syncs carrying a resident ID number, a mobile number, a bank card number and an e-mail
 * address leave none of them in the logs — including when the downstream echoes them in its error.
 */
@QuarkusTest
@TestProfile(OrderSyncProfile.class)
class PrivacyLogsTest {

    static final String ID = "110101199003077777";
    static final String MOBILE = "13800138000";
    static final String CARD = "6222021234567890123";
    static final String EMAIL = "zhang.san@example.com";

    @Inject
    FlowService flows;
    @Inject
    MappingService mappings;
    @Inject
    OrderService orders;
    @Inject
    ProgressService progress;

    @Test
    void handoffAndSyncWithPersonalData_leaveNoneOfItInTheLogs() {
        // given every log record of every logger, captured before any formatting or filtering
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record instanceof org.jboss.logmanager.ExtLogRecord ext
                        ? ext.getFormattedMessage() : record.getMessage()) + " " + String.valueOf(record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        WireMockServer insurer = FakeInsurer.start();
        try {
            String personal = "{\"idNumber\":\"" + ID + "\",\"mobile\":\"" + MOBILE + "\",\"card\":\"" + CARD
                    + "\",\"email\":\"" + EMAIL + "\"}";
            // a handoff carrying the data
            Definitions defs = new Definitions(flows, mappings).flow("phone", "a", "b").flow("mobile", "x", "y")
                    .mapping("phone", "mobile", "a>x", "b>y");
            String order = "o-" + UUID.randomUUID();
            orders.start(new OrderService.Start(Optional.of(order), Optional.of(defs.type()), Optional.of("phone"),
                    Optional.of("agent-1"), new NodeData(personal), "fp-" + order));
            progress.complete(order, "a", "phone", "agent-1", new NodeData(personal));
            progress.handoff(order, "mobile", "app-1");
            // syncs that fail in ways that echo the data back, and one that succeeds
            String downstream = "p-" + UUID.randomUUID().toString().substring(0, 8);
            Api.put("/v1/downstreams/" + downstream, "{\"endpoint\":\"" + insurer.baseUrl() + "/p\","
                    + "\"codePointer\":\"/code\",\"successCodes\":[\"0000\"],\"messagePointer\":\"/msg\"}");
            insurer.stubFor(post(urlEqualTo("/p")).willReturn(aResponse().withStatus(400).withBody(
                    "{\"code\":\"E1\",\"msg\":\"证件号码" + ID + "不合法，手机" + MOBILE + "，卡号" + CARD + "，邮箱" + EMAIL
                            + "\"}")));
            String reply = Api.post("/v1/orders/" + order + "/sync", "{\"downstream\":\"" + downstream + "\"}").body();
            insurer.stubFor(post(urlEqualTo("/p")).willReturn(aResponse().withStatus(503).withBody(
                    "<title>busy " + MOBILE + "</title>")));
            Api.post("/v1/orders/" + order + "/sync", "{\"downstream\":\"" + downstream + "\"}");
            // then
            // the echoed values are the order's own data: redacted outright, before masking is needed
            assertThat(reply).contains("[redacted]").doesNotContain(ID).doesNotContain(MOBILE).doesNotContain(CARD)
                    .doesNotContain(EMAIL);
            org.jboss.logging.Logger.getLogger("dev.baton.privacy").warn("capture canary");
            assertThat(lines).anyMatch(l -> l.contains("capture canary"));
            for (String secret : List.of(ID, MOBILE, CARD, EMAIL, "1101011990")) {
                assertThat(lines).noneMatch(l -> l.contains(secret));
            }
        } finally {
            root.removeHandler(capture);
            insurer.stop();
        }
    }
}
