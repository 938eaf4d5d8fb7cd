package dev.baton.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The inbox in a browser, end to end on the local stack: an order the stand-in insurer's {@code odd} answer leaves
 * in {@code NEEDS_REVIEW} appears in its downstream's inbox; a rule drafted from the group is dry-run (one failure
 * reclassified), published and released, and the order moves on and syncs.
 */
class ConsoleInboxIT extends ConsoleSession {

    @Test
    void aFailureNoRuleKnows_isDraftedIntoARule_dryRun_publishedAndReleased() throws Exception {
        // given a downstream that probes unknown failures once, and an order the insurer answers oddly
        String downstream = "inbox-" + UUID.randomUUID().toString().substring(0, 6);
        stack.api("PUT", "/v1/downstreams/" + downstream, "{\"endpoint\":\"" + baton.insurerUri() + "/proposals\","
                + "\"timeoutMs\":5000,\"codePointer\":\"/code\",\"successCodes\":[\"0000\"],\"messagePointer\":"
                + "\"/msg\",\"referencePointer\":\"/data/proposalNo\",\"retryByCategory\":{\"UNKNOWN\":"
                + "{\"maxAttempts\":1}}}", 201);
        String orderId = "ODD-" + UUID.randomUUID().toString().substring(0, 8);
        stack.api("POST", "/v1/orders", "{\"orderId\":\"" + orderId + "\"}", 201);
        stack.insurer("odd");
        String review = stack.api("POST", "/v1/orders/" + orderId + "/sync", "{\"downstream\":\"" + downstream
                + "\"}", 200);
        assertThat(review).contains("\"status\":\"NEEDS_REVIEW\"");
        // when an operator opens the downstream's inbox
        click(By.id("tab-inbox"));
        type(By.id("inbox-downstream"), downstream);
        click(By.cssSelector("#inbox-form button[type=submit]"));
        awaitText("inbox-result", "1 group");
        By row = By.xpath("//table[@id='inbox-table']//tr[td[contains(., '处理结果待确认')]]");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(element(row).getText()).contains("ERR-917", orderId, "UNKNOWN");
        // and drafts a rule from the group, choosing "try again later", and dry-runs it
        click(By.xpath("//table[@id='inbox-table']//tr[td[contains(., '处理结果待确认')]]//button"));
        assertThat(element(By.id("inbox-rule-when")).getAttribute("value")).contains("ERR-917", "处理结果待确认");
        new Select(element(By.id("inbox-rule-category"))).selectByValue("TRANSIENT");
        click(By.id("inbox-dry-run"));
        // then the dry run says one recorded failure would be reclassified
        awaitText("inbox-dry-run-result", "Dry run: 1 of 1 recorded failures");
        assertThat(text("inbox-dry-run-result")).contains("UNKNOWN → TRANSIENT: 1 failures in 1 group");
        browser.screenshot("inbox-dry-run");
        // when the insurer recovers and the rule is published with the release
        stack.insurer("up");
        click(By.id("inbox-publish"));
        // then the order went back to async processing, and the retry worker syncs it
        awaitText("inbox-release-result", "Released 1 (1 → ASYNC_PENDING)");
        assertThat(text("inbox-release-result")).contains(orderId + ": released, now ASYNC_PENDING");
        click(By.id("tab-orders"));
        type(By.id("order-id"), orderId + "\n");
        browser.waitingForWorker().until(d -> {
            click(By.cssSelector("#order-lookup button[type=submit]"));
            return fact("Sync state").equals("SYNCED");
        });
    }
}
