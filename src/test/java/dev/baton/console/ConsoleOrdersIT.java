package dev.baton.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Operators' side of the console in a browser: a dead order listed and redriven, an order's event timeline, and
 * errors shown in place.
 */
class ConsoleOrdersIT extends ConsoleSession {

    @Test
    void aDeadOrderIsListedAndRedriven_thenSyncs() throws Exception {
        // given a downstream allowing a single attempt, which is down when the order syncs
        String downstream = "ins-" + UUID.randomUUID().toString().substring(0, 6);
        stack.api("PUT", "/v1/downstreams/" + downstream, "{\"endpoint\":\"" + baton.insurerUri() + "/proposals\","
                + "\"timeoutMs\":5000,\"codePointer\":\"/code\",\"successCodes\":[\"0000\"],"
                + "\"messagePointer\":\"/msg\","
                + "\"referencePointer\":\"/data/proposalNo\",\"retry\":{\"maxAttempts\":1,\"baseDelaySeconds\":1,"
                + "\"maxDelaySeconds\":1}}", 201);
        String orderId = "DEAD-" + UUID.randomUUID().toString().substring(0, 8);
        stack.api("POST", "/v1/orders", "{\"orderId\":\"" + orderId + "\"}", 201);
        stack.insurer("down");
        String dead = stack.api("POST", "/v1/orders/" + orderId + "/sync",
                "{\"downstream\":\"" + downstream + "\"}", 200);
        assertThat(dead).contains("\"status\":\"DEAD\"");
        stack.insurer("up");
        // when an operator lists DEAD orders and redrives it
        click(By.id("tab-orders"));
        new Select(element(By.id("orders-state"))).selectByValue("DEAD");
        click(By.cssSelector("#orders-list button[type=submit]"));
        By redrive = By.cssSelector("button[aria-label='Redrive " + orderId + "']");
        browser.waiting().until(ExpectedConditions.elementToBeClickable(redrive));
        browser.screenshot("dead-orders");
        click(redrive);
        // then the console says what happens next, and the worker syncs it
        awaitText("orders-result", "Redrove " + orderId + ": ASYNC_PENDING, next action WAIT");
        type(By.id("order-id"), orderId + "\n");
        browser.waitingForWorker().until(d -> {
            click(By.cssSelector("#order-lookup button[type=submit]"));
            return fact("Sync state").equals("SYNCED");
        });
    }

    @Test
    void anOrdersTimeline_showsItsTakeoverAndItsSyncEvents() throws Exception {
        // given an order the agent started, that the app took over, whose sync died and was redriven to success
        String base = "/v1/business-types/" + type;
        stack.api("PUT", base + "/flows/phone", "{\"nodes\":[{\"id\":\"a\",\"name\":\"A\"},"
                + "{\"id\":\"b\",\"name\":\"B\"}]}", 201);
        stack.api("PUT", base + "/flows/mobile", "{\"nodes\":[{\"id\":\"x\",\"name\":\"X\"},"
                + "{\"id\":\"y\",\"name\":\"Y\"}]}", 201);
        stack.api("PUT", base + "/mappings/phone/mobile", "{\"links\":[{\"from\":\"a\",\"to\":[\"x\"]}]}", 201);
        String orderId = "TL-" + UUID.randomUUID().toString().substring(0, 8);
        stack.api("POST", "/v1/orders", "{\"orderId\":\"" + orderId + "\",\"businessType\":\"" + type
                + "\",\"platform\":\"phone\",\"terminalId\":\"agent-1\",\"data\":{\"applicant\":\"Zhang San\"}}", 201);
        stack.api("POST", "/v1/orders/" + orderId + "/nodes/a/complete",
                "{\"platform\":\"phone\",\"terminalId\":\"agent-1\"}", 200);
        stack.api("POST", "/v1/orders/" + orderId + "/handoffs", "{\"toPlatform\":\"mobile\",\"terminalId\":\"app-1\"}",
                200);
        String downstream = "tl-" + UUID.randomUUID().toString().substring(0, 6);
        stack.api("PUT", "/v1/downstreams/" + downstream, "{\"endpoint\":\"" + baton.insurerUri() + "/proposals\","
                + "\"timeoutMs\":5000,\"codePointer\":\"/code\",\"successCodes\":[\"0000\"],"
                + "\"messagePointer\":\"/msg\",\"referencePointer\":\"/data/proposalNo\","
                + "\"retry\":{\"maxAttempts\":1,\"baseDelaySeconds\":1,\"maxDelaySeconds\":1}}", 201);
        stack.insurer("down");
        stack.api("POST", "/v1/orders/" + orderId + "/sync", "{\"downstream\":\"" + downstream + "\"}", 200);
        stack.insurer("up");
        stack.api("POST", "/v1/orders/" + orderId + "/redrive", "", 202);
        // when an operator looks the order up (again, until the relay has read the retry's success)
        click(By.id("tab-orders"));
        type(By.id("order-id"), orderId + "\n");
        By succeeded = By.cssSelector(".timeline tr[data-type='sync.succeeded']");
        browser.waitingForWorker().until(d -> {
            if (!d.findElements(succeeded).isEmpty()) {
                return true;
            }
            click(By.cssSelector("#order-lookup button[type=submit]"));
            return false;
        });
        browser.screenshot("order-timeline");
        // then the timeline lists every change, oldest first, with the takeover's previous and new owner
        List<String> types = browser.driver.findElements(By.cssSelector(".timeline tbody tr")).stream()
                .map(r -> r.getAttribute("data-type")).toList();
        assertThat(types).containsExactly("order.started", "order.node-completed", "order.handed-off", "sync.dead",
                "sync.redriven", "sync.succeeded");
        String handoff = element(By.cssSelector(".timeline tr[data-type='order.handed-off']")).getText();
        assertThat(handoff).contains("order #3", "phone / agent-1 → mobile / app-1");
        assertThat(element(By.cssSelector(".timeline tr[data-type='sync.dead']")).getText()).contains("SYNCING → DEAD");
        assertThat(element(By.cssSelector(".timeline")).getText()).doesNotContain("Zhang San");
    }

    @Test
    void errorsAreShownNextToTheFieldsThatCausedThem() throws Exception {
        // when a flow with a malformed node id is published
        click(By.id("flows-new"));
        type(By.id("flow-platform"), "phone");
        type(By.cssSelector("#flow-nodes .node-id"), "Bad Id!");
        type(By.cssSelector("#flow-nodes .node-name"), "Identity");
        click(By.id("flow-publish"));
        // then the problem names the field and the input is marked invalid
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("flow-problem")));
        assertThat(text("flow-problem")).contains("nodes[0].id", "must match");
        assertThat(element(By.cssSelector("#flow-nodes .node-id")).getAttribute("aria-invalid")).isEqualTo("true");
        // when an unknown order is looked up
        click(By.id("tab-orders"));
        type(By.id("order-id"), "NO-SUCH-ORDER\n");
        // then
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("order-problem")));
        assertThat(text("order-problem")).contains("Not found");
    }
}
