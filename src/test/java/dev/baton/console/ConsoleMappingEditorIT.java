package dev.baton.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The mapping editor in a browser: keyboard use, large flows, stale and refused checks, changed contexts. */
class ConsoleMappingEditorIT extends ConsoleSession {

    @Test
    void aMappingIsBuiltAndPublishedWithTheKeyboardAlone() throws Exception {
        // given two flows
        stack.flow(type, "phone", "a", "b");
        stack.flow(type, "mobile", "x");
        // when the tabs, the mapping's choices, its nodes and Publish are reached with Tab and used with Enter
        element(By.id("tab-flows")).sendKeys(Keys.ARROW_RIGHT);
        browser.waiting().until(d -> "true".equals(d.findElement(By.id("tab-mappings"))
                .getAttribute("aria-selected")));
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
        assertThat(stack.api("GET", "/v1/business-types/" + type + "/mappings/phone/mobile", "", 200))
                .contains("{\"from\":\"b\",\"to\":[\"x\"]}");
    }

    @Test
    void aPairMappedTheOtherWayRound_opensThatWayRound_withoutLinksToNodesTheFlowsNoLongerHave() throws Exception {
        // given phone → mobile published, then a phone flow without "pay"
        stack.flow(type, "phone", "quote", "pay");
        stack.flow(type, "mobile", "offer", "paid");
        stack.mapping(type, "phone", "mobile", "quote>offer", "pay>paid");
        stack.flow(type, "phone", "quote");
        // when the analyst opens mobile → phone
        openMapping("mobile", "phone");
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
        stack.flow(type, "phone", "a");
        stack.flow(type, "mobile", "x");
        stack.flow(other, "desk", "a");
        stack.flow(other, "kiosk", "x");
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
        stack.api("PUT", bt + "/flows/phone", StackCalls.nodesJson("p", 200), 201);
        stack.api("PUT", bt + "/flows/mobile", StackCalls.nodesJson("m", 200), 201);
        String[] oneToOne = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "p" + i + ">m" + i)
                .toArray(String[]::new);
        stack.mapping(type, "phone", "mobile", oneToOne);
        openMapping("phone", "mobile");
        awaitText("lint-coverage", "phone 200/200");
        assertThat(matrixRow("phone", "mobile", "p0").subList(0, 2)).containsExactly("carried", "resume");
        // when p0 → m0 is unlinked
        link("p0", "m0");
        // then the lint and the matrix follow
        awaitText("lint-coverage", "phone 199/200");
        browser.waiting().until(d -> matrixRow("phone", "mobile", "p0").subList(0, 2)
                .equals(List.of("resume", "pending")));
        assertThat(matrixRow("phone", "mobile", "p199").subList(0, 2)).containsExactly("resume", "carried");
    }

    @Test
    void aCheckThatFails_greysTheLintAndNamesTheLinkByItsNodes() throws Exception {
        // given an editor open on flows that are then changed behind it
        stack.flow(type, "phone", "a");
        stack.flow(type, "mobile", "x", "y");
        openMapping("phone", "mobile");
        awaitText("lint-coverage", "phone 0/1");
        stack.flow(type, "mobile", "x");
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
}
