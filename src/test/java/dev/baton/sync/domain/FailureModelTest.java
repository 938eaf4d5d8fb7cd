package dev.baton.sync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FailureModelTest {

    @Test
    void features_neverCarryIdNumbersMobilesLongDigitRunsOrMachineIds() {
        // given a message echoing an ID number, a mobile, a policy number and a VIN (all fake)
        Failure failure = new Failure(FailureKind.DOWNSTREAM_CODE, 200, "P20261123000123",
                "证件号110101199003077758与手机13800001111不符，保单PDAA202611000000001，车架号LFV2A21K8D4123456,"
                        + " 流水 98765432, 电话 138-1234-5678，身份证１１０１０１１９９００３０７７７５Ｘ，zhang.san@example.com",
                null);

        // when
        Set<String> features = FailureFeatures.of(failure);

        // then
        String all = String.join("|", features.stream().filter(f -> f.startsWith("m:") || f.startsWith("c:"))
                .toList());
        for (String digits : List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")) {
            assertFalse(all.contains(digits), "a feature carries " + digits);
        }
        assertFalse(all.contains("lfv"), "a feature carries the VIN");
        assertFalse(all.contains("zhang"), "a feature carries the e-mail address");
        assertTrue(features.contains("c:#"), "the code that is an id is masked whole");
        assertTrue(features.contains("m:号#与"), "the ID number is one #");
    }

    @Test
    void features_holdKindStatusCodeShapeAndOneToThreeGrams() {
        // given
        Failure failure = new Failure(FailureKind.DOWNSTREAM_CODE, 200, "E1021", "拒保", null);

        // when
        Set<String> features = FailureFeatures.of(failure);

        // then
        assertEquals(Set.of("k:DOWNSTREAM_CODE", "s:200", "s:2xx", "c:e0000", "cs:A9999", "b:zh", "b:zh:2xx", "m:^",
                "m:^拒", "m:^拒保", "m:拒", "m:拒保", "m:拒保$", "m:保", "m:保$", "m:$", "x:refuse"), features);
    }

    @Test
    void features_nameOneConceptForItsWordsInEitherLanguage() {
        // given the same three things said in Chinese and in English
        Failure chinese = new Failure(FailureKind.DOWNSTREAM_CODE, 200, "PAY_RISK", "该笔交易被支付机构风控拦截", null);
        Failure english = new Failure(FailureKind.DOWNSTREAM_CODE, 200, "59", "Suspected fraud on this card", null);
        Failure notFound = new Failure(FailureKind.DOWNSTREAM_CODE, 200, "PET05", "Breed not found in breed list",
                null);

        // when
        Set<String> zh = FailureFeatures.of(chinese);
        Set<String> en = FailureFeatures.of(english);
        Set<String> missing = FailureFeatures.of(notFound);

        // then
        assertTrue(zh.containsAll(Set.of("x:risk", "x:payment")), zh.toString());
        assertTrue(en.containsAll(Set.of("x:risk", "x:payment")), en.toString());
        assertTrue(missing.contains("x:notfound"), missing.toString());
        assertFalse(missing.contains("x:risk"), missing.toString());
        assertEquals(1, zh.stream().filter("x:risk"::equals).count());
    }

    @Test
    void features_holdEnglishWordsAndTheBodysShapeWithTheStatusClass() {
        // given a SOAP fault on a 500 and an English refusal
        Failure soap = new Failure(FailureKind.HTTP_STATUS, 500, null,
                "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Cover refused</faultstring></soap:Fault>",
                null);
        Failure english = new Failure(FailureKind.DOWNSTREAM_CODE, 200, "D1", "Cover refused: 3 prior claims", null);

        // when
        Set<String> soapFeatures = FailureFeatures.of(soap);
        Set<String> englishFeatures = FailureFeatures.of(english);

        // then
        assertTrue(soapFeatures.containsAll(Set.of("b:soap", "b:soap:5xx", "w:refused", "w:faultcode")));
        assertTrue(englishFeatures.containsAll(Set.of("b:text", "b:text:2xx", "w:cover", "w:refused", "w:prior",
                "w:claims")));
        assertFalse(englishFeatures.stream().anyMatch(f -> f.startsWith("w:") && f.length() < 4), "one-letter words");
    }

    @Test
    void training_isDeterministic() {
        // given
        List<FailureCorpus.Case> training = FailureCorpus.trainingSplit();
        Failure failure = new Failure(FailureKind.DOWNSTREAM_CODE, 200, "X1", "累计保额超过上限", null);

        // when
        ModelVerdict first = FailureModel.train(training).propose(failure);
        ModelVerdict second = FailureModel.train(training).propose(failure);

        // then
        assertEquals(first, second);
    }

    @Test
    void explanations_nameOnlyFeaturesLearntFromTheCorpusNeverTheCustomersText() {
        // given a name and an address nobody wrote in the corpus, inside a rejection
        Failure failure = new Failure(FailureKind.DOWNSTREAM_CODE, 200, "UW9", "被保险人欧阳翠花住址朝阳区幸福里高风险职业不予承保",
                null);

        // when
        ModelVerdict verdict = FailureModel.shipped().propose(failure);

        // then
        assertTrue(verdict.features().size() <= 3 && !verdict.features().isEmpty(), verdict.features().toString());
        for (String feature : verdict.features()) {
            assertFalse(feature.contains("翠") || feature.contains("欧阳") || feature.contains("幸福"), feature);
        }
    }

    @Test
    void aFailureWithNoKnownTextOrCode_isExplainedByItsKindStatusAndFormAlone() {
        // given features the model never saw
        Failure failure = new Failure(FailureKind.DOWNSTREAM_CODE, 299, "ZZZZZZZZZZ", "龘龘龘", null);

        // when
        ModelVerdict verdict = FailureModel.shipped().propose(failure);

        // then: kind, status, the body's shape and the message's end markers, none of its text
        assertTrue(verdict.features().stream().allMatch(f -> f.startsWith("k:") || f.startsWith("s:")
                || f.startsWith(FailureFeatures.BODY) || f.equals("m:^") || f.equals("m:$")),
                verdict.features().toString());
    }

    @Test
    void theHotPath_findsExactlyTheKnownFeaturesOfTheStringPath_forEveryCorpusCase() {
        // given
        FailureModel model = FailureModel.shipped();

        // when / then
        for (FailureCorpus.Case c : FailureCorpus.load()) {
            Set<String> expected = FailureFeatures.of(c.failure()).stream().filter(model::knows)
                    .collect(java.util.stream.Collectors.toSet());
            assertEquals(expected, model.knownFeatures(c.failure()), "line " + c.line());
        }
    }
}
