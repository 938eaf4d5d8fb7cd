package dev.baton.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import dev.baton.local.LocalBaton;

/**
 * The admin console end to end: the real page in headless Chromium against the local stack (every function
 * running from the packaged function.zip, DynamoDB Local and ElasticMQ, the stand-in insurer). An analyst
 * publishes two flows, builds a mapping by clicking, reads the lint and the handoff matrix, publishes it; an
 * order handed off through the API is then found in the console; a dead order is listed and redriven.
 * The screenshots in the README come from here (target/console-screenshots).
 */
class ConsoleBrowserIT {

    private static LocalBaton baton;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Browser browser;
    private final String type = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startStack() throws Exception {
        Browser.requireInstalled();
        baton = LocalBaton.start(new LocalBaton.Settings(0, 0, null, LocalBaton.unpack(Path.of("target/function.zip")),
                3600, Optional.empty(), false));
    }

    @AfterAll
    static void stopStack() {
        if (baton != null) {
            baton.close();
        }
    }

    @BeforeEach
    void openConsole() throws Exception {
        browser = Browser.start();
        browser.driver.get(baton.baseUri() + "/console");
        browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        type(By.id("business-type"), type);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            try {
                assertThat(browser.scriptErrors()).as("script errors and CSP violations on the page").isEmpty();
            } finally {
                browser.close();
            }
        }
    }

    @Test
    void anAnalystBuildsAMappingByClicking_andAnOperatorFindsTheHandedOffOrder() throws Exception {
        // given two flows published in the console
        publishFlow("phone", "identity", "vehicle", "driver", "coverage", "quote", "pay");
        publishFlow("mobile", "applicant", "car", "quote", "pay");
        click(By.id("flows-load"));
        browser.waiting().until(d -> d.findElements(By.cssSelector("#flows-table tbody tr")).size() == 2);
        // when the mapping is built by clicking (one link by keyboard), with a crossing link added and removed
        click(By.id("tab-mappings"));
        browser.waiting().until(d -> new Select(d.findElement(By.id("mapping-base"))).getOptions().size() == 2);
        new Select(element(By.id("mapping-base"))).selectByValue("phone");
        new Select(element(By.id("mapping-associated"))).selectByValue("mobile");
        click(By.id("mapping-open"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("mapping-editor")));
        link("identity", "applicant");
        link("vehicle", "car");
        link("driver", "car");
        link("coverage", "applicant");
        awaitText("lint-crossings", "2: ");
        link("coverage", "applicant");
        awaitText("lint-crossings", "none");
        link("quote", "quote");
        node("base", "pay").sendKeys(Keys.ENTER);
        node("associated", "pay").sendKeys(Keys.ENTER);
        // then the lint and both matrices show what the links mean before anything is published
        awaitText("lint-coverage", "phone 5/6");
        assertThat(text("lint-unmapped-base")).isEqualTo("coverage");
        assertThat(matrixRow("phone", "mobile", "vehicle")).containsExactly("carried", "resume", "pending", "pending");
        assertThat(matrixRow("phone", "mobile", "driver")).containsExactly("carried", "carried", "resume", "pending");
        assertThat(matrixRow("mobile", "phone", "car"))
                .containsExactly("carried", "carried", "carried", "resume", "pending", "pending");
        browser.screenshot("mapping-editor");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('mapping-matrix-forward').scrollIntoView()");
        browser.screenshot("preview-matrix");
        assertThat(element(By.id("mapping-unpublished")).isDisplayed()).isTrue();
        // when published
        click(By.id("mapping-publish"));
        awaitText("mapping-result", "Published phone → mobile v1 with 5 link(s).");
        assertThat(element(By.id("mapping-unpublished")).isDisplayed()).isFalse();
        // and an order is handed off phone → mobile through the API
        String orderId = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        api("POST", "/v1/orders", "{\"orderId\":\"" + orderId + "\",\"businessType\":\"" + type
                + "\",\"platform\":\"phone\",\"terminalId\":\"agent-0042\"}", 201);
        completeOnPhone(orderId, "identity", "{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\"}");
        completeOnPhone(orderId, "vehicle", "{\"plate\":\"沪A12345\"}");
        completeOnPhone(orderId, "driver", "{}");
        api("POST", "/v1/orders/" + orderId + "/handoffs", "{\"toPlatform\":\"mobile\",\"terminalId\":\"app-7f3a\"}", 200);
        // then the console shows its owner, the handoff and what was carried over, never the personal data
        click(By.id("tab-orders"));
        type(By.id("order-id"), orderId + "\n");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#order-view article")));
        String view = text("order-view");
        assertThat(view).contains("mobile / app-7f3a", "Handoff history", "phone / agent-0042", "applicant, car",
                "Progress on mobile", "phone: identity", "idNumber, name");
        assertThat(browser.driver.getPageSource()).doesNotContain("张三", "11010519491231002X", "沪A12345");
        browser.screenshot("order-view");
    }

    @Test
    void aPairMappedTheOtherWayRound_opensThatWayRound_withoutLinksToNodesTheFlowsNoLongerHave() throws Exception {
        // given phone → mobile published, then a phone flow without "pay"
        String bt = "/v1/business-types/" + type;
        api("PUT", bt + "/flows/phone", "{\"nodes\":[{\"id\":\"quote\",\"name\":\"Q\"},{\"id\":\"pay\",\"name\":\"P\"}]}", 201);
        api("PUT", bt + "/flows/mobile", "{\"nodes\":[{\"id\":\"offer\",\"name\":\"O\"},{\"id\":\"paid\",\"name\":\"P\"}]}", 201);
        api("PUT", bt + "/mappings/phone/mobile", "{\"links\":[{\"from\":\"quote\",\"to\":[\"offer\"]},"
                + "{\"from\":\"pay\",\"to\":[\"paid\"]}]}", 201);
        api("PUT", bt + "/flows/phone", "{\"nodes\":[{\"id\":\"quote\",\"name\":\"Q\"}]}", 201);
        // when the analyst opens mobile → phone
        click(By.id("tab-mappings"));
        browser.waiting().until(d -> new Select(d.findElement(By.id("mapping-base"))).getOptions().size() == 2);
        new Select(element(By.id("mapping-base"))).selectByValue("mobile");
        new Select(element(By.id("mapping-associated"))).selectByValue("phone");
        click(By.id("mapping-open"));
        // then it is opened as configured, without the link to the removed node, and says both
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("mapping-editor")));
        assertThat(new Select(element(By.id("mapping-base"))).getFirstSelectedOption().getText()).isEqualTo("phone");
        assertThat(text("mapping-note")).contains("mapped as phone → mobile (v1)", "left out here: pay → paid");
        assertThat(node("base", "quote").getText()).contains("1 link");
        assertThat(element(By.id("mapping-unpublished")).isDisplayed()).isTrue();
    }

    @Test
    void changingTheBusinessTypeOnTheMappingsTab_offersThatTypesPlatforms() throws Exception {
        // given another business type with other platforms
        String other = type + "-b";
        api("PUT", "/v1/business-types/" + type + "/flows/phone", "{\"nodes\":[{\"id\":\"a\",\"name\":\"A\"}]}", 201);
        api("PUT", "/v1/business-types/" + type + "/flows/mobile", "{\"nodes\":[{\"id\":\"x\",\"name\":\"X\"}]}", 201);
        api("PUT", "/v1/business-types/" + other + "/flows/desk", "{\"nodes\":[{\"id\":\"a\",\"name\":\"A\"}]}", 201);
        api("PUT", "/v1/business-types/" + other + "/flows/kiosk", "{\"nodes\":[{\"id\":\"x\",\"name\":\"X\"}]}", 201);
        click(By.id("tab-mappings"));
        browser.waiting().until(d -> new Select(d.findElement(By.id("mapping-base"))).getOptions().size() == 2);
        click(By.id("mapping-open"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("mapping-editor")));
        // when the business type changes
        type(By.id("business-type"), other);
        // then the editor closes and the choices are the other type's, which open without error
        browser.waiting().until(d -> new Select(d.findElement(By.id("mapping-base"))).getOptions().stream()
                .map(WebElement::getText).toList().equals(List.of("desk", "kiosk")));
        assertThat(element(By.id("mapping-editor")).isDisplayed()).isFalse();
        click(By.id("mapping-open"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("mapping-editor")));
        assertThat(text("mapping-base-title")).startsWith("desk");
        assertThat(element(By.id("mapping-problem")).isDisplayed()).isFalse();
    }

    @Test
    void aTwoHundredNodeMapping_isEditedAndItsMatrixFollows() throws Exception {
        // given two 200-node flows mapped 1:1
        String bt = "/v1/business-types/" + type;
        api("PUT", bt + "/flows/phone", nodesJson("p", 200), 201);
        api("PUT", bt + "/flows/mobile", nodesJson("m", 200), 201);
        StringBuilder links = new StringBuilder("{\"links\":[");
        for (int i = 0; i < 200; i++) {
            links.append(i == 0 ? "" : ",").append("{\"from\":\"p").append(i).append("\",\"to\":[\"m").append(i).append("\"]}");
        }
        api("PUT", bt + "/mappings/phone/mobile", links.append("]}").toString(), 201);
        click(By.id("tab-mappings"));
        browser.waiting().until(d -> new Select(d.findElement(By.id("mapping-base"))).getOptions().size() == 2);
        new Select(element(By.id("mapping-base"))).selectByValue("phone");
        new Select(element(By.id("mapping-associated"))).selectByValue("mobile");
        click(By.id("mapping-open"));
        awaitText("lint-coverage", "phone 200/200");
        assertThat(matrixRow("phone", "mobile", "p0").subList(0, 2)).containsExactly("carried", "resume");
        // when p0 → m0 is unlinked
        link("p0", "m0");
        // then the lint and the matrix follow
        awaitText("lint-coverage", "phone 199/200");
        browser.waiting().until(d -> matrixRow("phone", "mobile", "p0").subList(0, 2).equals(List.of("resume", "pending")));
        assertThat(matrixRow("phone", "mobile", "p199").subList(0, 2)).containsExactly("resume", "carried");
    }

    @Test
    void aCheckThatFails_greysTheLintAndNamesTheLinkByItsNodes() throws Exception {
        // given an editor open on flows that are then changed behind it
        String bt = "/v1/business-types/" + type;
        api("PUT", bt + "/flows/phone", "{\"nodes\":[{\"id\":\"a\",\"name\":\"A\"}]}", 201);
        api("PUT", bt + "/flows/mobile", "{\"nodes\":[{\"id\":\"x\",\"name\":\"X\"},{\"id\":\"y\",\"name\":\"Y\"}]}", 201);
        click(By.id("tab-mappings"));
        browser.waiting().until(d -> new Select(d.findElement(By.id("mapping-base"))).getOptions().size() == 2);
        new Select(element(By.id("mapping-base"))).selectByValue("phone");
        new Select(element(By.id("mapping-associated"))).selectByValue("mobile");
        click(By.id("mapping-open"));
        awaitText("lint-coverage", "phone 0/1");
        api("PUT", bt + "/flows/mobile", "{\"nodes\":[{\"id\":\"x\",\"name\":\"X\"}]}", 201);
        // when a node the flow no longer has is linked
        link("a", "y");
        // then the problem names the link by its nodes, marks the node, and the lint is shown as stale
        awaitText("mapping-check-problem", "link a → y");
        assertThat(node("associated", "y").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(element(By.id("mapping-lint")).getAttribute("class")).contains("stale");
        // and an empty listing says so, counting nothing
        click(By.id("tab-orders"));
        new Select(element(By.id("orders-state"))).selectByValue("REJECTED");
        click(By.cssSelector("#orders-list button[type=submit]"));
        awaitText("status", "0 order(s) in REJECTED");
    }

    @Test
    void aMappingIsBuiltAndPublishedWithTheKeyboardAlone() throws Exception {
        // given two flows
        String bt = "/v1/business-types/" + type;
        api("PUT", bt + "/flows/phone", "{\"nodes\":[{\"id\":\"a\",\"name\":\"A\"},{\"id\":\"b\",\"name\":\"B\"}]}", 201);
        api("PUT", bt + "/flows/mobile", "{\"nodes\":[{\"id\":\"x\",\"name\":\"X\"}]}", 201);
        // when the tabs, the mapping's choices, its nodes and Publish are reached with Tab and used with Enter
        element(By.id("tab-flows")).sendKeys(Keys.ARROW_RIGHT);
        browser.waiting().until(d -> "true".equals(d.findElement(By.id("tab-mappings")).getAttribute("aria-selected")));
        browser.waiting().until(d -> new Select(d.findElement(By.id("mapping-base"))).getOptions().size() == 2);
        tabTo(By.id("mapping-base")).sendKeys("phone");
        tabTo(By.id("mapping-associated")).sendKeys("mobile");
        tabTo(By.id("mapping-open")).sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("mapping-editor")));
        tabTo(By.cssSelector(".node[data-side='base'][data-node='b']")).sendKeys(Keys.ENTER);
        tabTo(By.cssSelector(".node[data-side='associated'][data-node='x']")).sendKeys(Keys.ENTER);
        awaitText("lint-coverage", "phone 1/2");
        tabTo(By.id("mapping-publish")).sendKeys(Keys.ENTER);
        // then
        awaitText("mapping-result", "Published phone → mobile v1 with 1 link(s).");
        assertThat(api("GET", bt + "/mappings/phone/mobile", "", 200)).contains("{\"from\":\"b\",\"to\":[\"x\"]}");
    }

    /** Presses Tab until {@code target} has the focus (at most 60 times): proof it is reachable by keyboard. */
    private WebElement tabTo(By target) {
        WebElement wanted = element(target);
        for (int i = 0; i < 60; i++) {
            WebElement focused = browser.driver.switchTo().activeElement();
            if (focused.equals(wanted)) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + target);
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

    @Test
    void aDeadOrderIsListedAndRedriven_thenSyncs() throws Exception {
        // given a downstream allowing a single attempt, which is down when the order syncs
        String downstream = "ins-" + UUID.randomUUID().toString().substring(0, 6);
        api("PUT", "/v1/downstreams/" + downstream, "{\"endpoint\":\"" + baton.insurerUri() + "/proposals\","
                + "\"timeoutMs\":5000,\"codePointer\":\"/code\",\"successCodes\":[\"0000\"],\"messagePointer\":\"/msg\","
                + "\"referencePointer\":\"/data/proposalNo\",\"retry\":{\"maxAttempts\":1,\"baseDelaySeconds\":1,"
                + "\"maxDelaySeconds\":1}}", 201);
        String orderId = "DEAD-" + UUID.randomUUID().toString().substring(0, 8);
        api("POST", "/v1/orders", "{\"orderId\":\"" + orderId + "\"}", 201);
        insurer("down");
        String dead = api("POST", "/v1/orders/" + orderId + "/sync", "{\"downstream\":\"" + downstream + "\"}", 200);
        assertThat(dead).contains("\"status\":\"DEAD\"");
        insurer("up");
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
        browser.waiting().until(d -> {
            click(By.cssSelector("#order-lookup button[type=submit]"));
            return fact("Sync state").equals("SYNCED");
        });
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private static String nodesJson(String prefix, int count) {
        StringBuilder json = new StringBuilder("{\"nodes\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(prefix).append(i)
                    .append("\",\"name\":\"Step ").append(i).append("\"}");
        }
        return json.append("]}").toString();
    }

    private void publishFlow(String platform, String... nodeIds) {
        click(By.id("flows-new"));
        type(By.id("flow-platform"), platform);
        for (int i = 0; i < nodeIds.length; i++) {
            if (i > 0) {
                click(By.id("flow-add-node"));
            }
            List<WebElement> ids = browser.driver.findElements(By.cssSelector("#flow-nodes .node-id"));
            List<WebElement> names = browser.driver.findElements(By.cssSelector("#flow-nodes .node-name"));
            ids.get(i).sendKeys(nodeIds[i]);
            names.get(i).sendKeys("Step " + nodeIds[i]);
        }
        click(By.id("flow-publish"));
        awaitText("flow-result", "Published " + platform + " v1 with " + nodeIds.length + " nodes.");
    }

    /**
     * Chooses a base node (unless it is still chosen: it stays chosen after a link, for 1:N), then clicks an
     * associated node: links them, or unlinks them when linked.
     */
    private void link(String base, String associated) {
        if (!"true".equals(node("base", base).getAttribute("aria-pressed"))) {
            node("base", base).click();
        }
        node("associated", associated).click();
        browser.waiting().until(d -> text("status").endsWith(base + " → " + associated));
    }

    private WebElement node(String side, String id) {
        return element(By.cssSelector("#mapping-editor .node[data-side='" + side + "'][data-node='" + id + "']"));
    }

    /** The classes of one matrix row's node cells (carried, resume, pending) for the point {@code reached}. */
    private List<String> matrixRow(String from, String to, String reached) {
        By row = By.xpath("//table[@data-from='" + from + "' and @data-to='" + to + "']//tr[th/code='" + reached + "']");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(row));
        return element(row).findElements(By.cssSelector("td:not(.resume-at)")).stream()
                .map(td -> td.getAttribute("class")).toList();
    }

    private void completeOnPhone(String orderId, String node, String data) throws Exception {
        api("POST", "/v1/orders/" + orderId + "/nodes/" + node + "/complete",
                "{\"platform\":\"phone\",\"terminalId\":\"agent-0042\",\"data\":" + data + "}", 200);
    }

    private String api(String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baton.baseUri() + path))
                .header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }

    private void insurer(String mode) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(baton.insurerUri() + "/mode"))
                .POST(HttpRequest.BodyPublishers.ofString(mode)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one fact of the order shown (e.g. "Sync state"). */
    private String fact(String name) {
        List<WebElement> found = browser.driver.findElements(By.xpath(
                "//dl[@class='facts']/dt[.='" + name + "']/following-sibling::dd[1]"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private void awaitText(String id, String expected) {
        browser.waiting().until(d -> text(id).contains(expected));
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    private WebElement element(By by) {
        return browser.driver.findElement(by);
    }

    private void click(By by) {
        browser.waiting().until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Types into an input and leaves it (Tab), so its change event fires. */
    private void type(By by, String text) {
        WebElement input = browser.waiting().until(ExpectedConditions.elementToBeClickable(by));
        input.clear();
        input.sendKeys(text);
        if (!text.endsWith("\n")) {
            input.sendKeys(Keys.TAB);
        }
    }
}
